/// `report participant|class * [where …] to DIR/ [as pdf|html|md|txt]` (issue 13): every one at once.
extension Parser {
    /// The formats a batch of reports can be written in.
    static let batchFormats = ["html", "pdf", "md", "txt"]

    /// A report's subject: a name, or a bare `*` for every participant (class).
    mutating func reportSubjectName(_ subject: String) throws(ParseError) -> Located<Literal> {
        if current.kind == .word("*") { return Located(.word("*"), advance().range) }
        return try literal("the \(subject)'s name (or * for every \(subject))")
    }

    /// A batch writes one file each: it needs a folder, and may name the files' format.
    mutating func batchClauses(_ report: inout ReportStatement) throws(ParseError) {
        guard report.isBatch else { return }
        guard report.file != nil else {
            throw error("to and a folder (report \(report.subject.value) * to reports/): one file each")
        }
        guard accept("as") != nil else { return }
        guard let word = current.keyword, Parser.batchFormats.contains(word) else {
            throw error(
                "a format after as (\(Parser.batchFormats.joined(separator: ", ")))",
                hint: nearKeyword(Parser.batchFormats))
        }
        report.format = Located(word, advance().range)
    }
}
