import KSPCore

/// A participant's or a class's report: sections of text, tables, charts and comments, rendered
/// to the terminal, to markdown for pasting, or to one self-contained HTML file with SVG charts.
public struct Report: Sendable {
    public enum Block: Sendable {
        case text(String)
        case table(ResultTable)
        case bars(BarChart)
        case trend(TrendChart)
        case quotes([(area: String, items: [String])])
    }
    public struct Section: Sendable {
        public var heading: String
        public var blocks: [Block]
    }
    public var title: String
    public var subtitle: String
    public var sections: [Section]
}
