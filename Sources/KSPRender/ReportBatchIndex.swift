import Foundation
import KSPQuery

/// The `index.html` of a batch of reports: one row per participant (class) with a link to its file
/// and its Totalresultat, names escaped as the reports escape them.
public enum ReportBatchIndex {
    /// `files[k]` is the file (a name in the same folder) of `batch.members[k]`.
    /// In the batch's language, as its reports are.
    public static func html(_ batch: ReportBatch, files: [String]) -> String {
        let isParticipants = batch.subject == .participant
        let language = batch.language
        func say(_ phrase: Phrase, _ arguments: [Wording] = []) -> String {
            HTMLText.escaped(Catalogue.text(.phrase(phrase, arguments), language))
        }
        let title = Catalogue.text(
            .phrase(isParticipants ? .batchIndexParticipants : .batchIndexClasses, [.label(batch.seasonName)]),
            language)
        var rows: [String] = []
        for (member, file) in zip(batch.members, files) {
            let total = member.total.map { Catalogue.number($0, .score, language) } ?? "–"
            var cells =
                "<td><a href=\"\(HTMLText.escaped(linkTarget(file)))\">\(HTMLText.escaped(member.name))</a></td>"
            if isParticipants { cells += "<td>\(HTMLText.escaped(member.className))</td>" }
            cells += "<td class=\"num\">\(total)</td>"
            rows.append("<tr>\(cells)</tr>")
        }
        let header =
            isParticipants
            ? "<th>\(say(.columnParticipant))</th><th>\(say(.dimensionClass))</th>" : "<th>\(say(.dimensionClass))</th>"
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)"><head><meta charset="utf-8"><title>\(HTMLText.escaped(title))</title>
            <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}\
            td,th{padding:.3em .8em;border-bottom:1px solid #ccc;text-align:left}.num{text-align:right}</style>
            </head><body>
            <h1>\(HTMLText.escaped(title))</h1>
            <table><thead><tr>\(header)<th class="num">\(say(.metricTotal))</th></tr></thead><tbody>
            \(rows.joined(separator: "\n"))
            </tbody></table>
            </body></html>

            """
    }

    /// A file name as a relative link: percent-encoded where a URL would read it otherwise (`#`, `%`,
    /// `?`, `:`, spaces, æøå as their UTF-8 bytes).
    static let linkSafe = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~()!,'")

    static func linkTarget(_ file: String) -> String {
        file.addingPercentEncoding(withAllowedCharacters: linkSafe) ?? file
    }
}
