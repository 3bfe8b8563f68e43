import KSPQuery

/// A GitHub-flavoured table to paste into a report.
public enum MarkdownRenderer {
    public static func render(_ t: ResultTable) -> String {
        func esc(_ s: String) -> String {
            s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: "<br>")
        }
        var lines = ["| " + t.columns.map { esc($0.name) }.joined(separator: " | ") + " |"]
        lines.append("|" + t.columns.map { $0.isDimension ? "---|" : "---:|" }.joined())
        for row in t.rows {
            lines.append("| " + row.map { esc(TableRenderer.text($0)) }.joined(separator: " | ") + " |")
        }
        if !t.notes.isEmpty {
            lines.append("")
            lines += t.notes.map { "_" + esc($0.text) + "_" }
        }
        return lines.joined(separator: "\n")
    }
}
