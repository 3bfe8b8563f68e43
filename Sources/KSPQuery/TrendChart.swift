/// Sparklines through the season: one line per group.
public struct TrendChart: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var label: String
        public var values: [Double?]
    }
    public var title: String
    public var periods: [String]
    public var lines: [Line]
}
