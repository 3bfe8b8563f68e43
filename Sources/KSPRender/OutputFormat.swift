import KSPQuery

/// Output formats of `.mode` and `--format`.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, markdown, csv, tsv, json, xlsx

    public func render(_ t: ResultTable, width: Int = 100, color: Bool = false, unicode: Bool = true) -> String {
        switch self {
        case .table: return TableRenderer(width: width, color: color, unicode: unicode).render(t.visible(to: .people))
        case .markdown: return TerminalSafeText.escapedKeepingLines(MarkdownRenderer.render(t.visible(to: .people)))
        case .csv: return CSVRenderer.render(t.visible(to: .machines))
        case .tsv: return TSVRenderer.render(t.visible(to: .machines))
        // The shell writes xlsx as a workbook (XLSXWorkbook); as text it is the csv of the same cells.
        case .xlsx: return CSVRenderer.render(t.visible(to: .machines))
        case .json: return JSONRenderer.render(t.visible(to: .machines))
        }
    }
}
