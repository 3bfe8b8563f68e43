/// What a statement gives: a table, or a chart with the table of its numbers (for csv and json).
public enum StatementResult: Sendable {
    case table(ResultTable)
    case bars(BarChart, ResultTable)
    case trend(TrendChart, ResultTable)
    /// `chart drivers of …`: importance against performance.
    case quadrant(QuadrantChart, ResultTable)
    /// A report, and where to write it (nil: the screen).
    case report(Report, file: String?)
    /// `export inquiries … to FILE`: one row per inquiry, written to a file (nil: standard output).
    case export(InquiryExport, file: String?)

    public var isChart: Bool { if case .table = self { return false } else { return true } }

    public var table: ResultTable {
        switch self {
        case .table(let t), .bars(_, let t), .trend(_, let t), .quadrant(_, let t): return t
        // A report's tables are in its own words; KSPRender writes them (`Report.firstTable`).
        case .report: return ResultTable(columns: [], rows: [])
        case .export: return ResultTable(columns: [], rows: [])
        }
    }
}
