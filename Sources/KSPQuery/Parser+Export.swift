extension Parser {
    /// `export inquiries [where FILTER] [to FILE]`; nil when the statement is not an export (so `export` stays
    /// free as a name everywhere else).
    public static func parseExport(_ source: String) throws -> ExportStatement? {
        let tokens = try Lexer.tokenize(source)
        var parser = Parser(tokens: tokens)
        guard parser.accept("export") != nil else { return nil }
        _ = try parser.expect("inquiries", "inquiries after export (export inquiries [where …] to FILE)")
        var statement = ExportStatement()
        if parser.accept("where") != nil { statement.filter = try parser.filter() }
        if parser.accept("to") != nil {
            switch parser.current.kind {
            case .string(let fileName), .word(let fileName):
                statement.file = Located(fileName, parser.advance().range)
            default:
                throw parser.error("a file name after to (inquiries.csv, inquiries.jsonl or inquiries.xlsx)")
            }
        }
        if parser.current.kind != .end {
            throw parser.error(
                statement.file == nil ? "where, to FILE or the end of the statement" : "the end of the statement")
        }
        return statement
    }
}
