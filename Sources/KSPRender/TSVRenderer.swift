import KSPCore
import KSPQuery

/// Tab-separated text: what Excel, PowerPoint and Google Sheets paste as a table. The same cells as csv
/// (machine numbers, `.` decimals); a field holding a tab, a line break or a double quote is quoted with
/// the quote doubled, as Excel itself writes and reads it.
public enum TSVRenderer {
    public static func render(_ t: ResultTable) -> String {
        var lines = [t.columns.map { tsvField($0.name) }.joined(separator: "\t")]
        for row in t.rows {
            lines.append(row.map { tsvField(CSVRenderer.machineText($0)) }.joined(separator: "\t"))
        }
        return lines.joined(separator: "\n")
    }

    public static func tsvField(_ field: String) -> String {
        guard field.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\"" })
        else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
