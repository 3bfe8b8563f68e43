/// Importance against performance for `chart drivers of …`: each predictor a numbered mark, split at the
/// mean importance and the mean performance. High importance and low performance (top left) is what to
/// work on first.
public struct QuadrantChart: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public var label: String
        /// Mean points.
        public var performance: Double
        /// Share of R², in %.
        public var importance: Double

        public init(label: String, performance: Double, importance: Double) {
            self.label = label
            self.performance = performance
            self.importance = importance
        }
    }

    public var title: String
    public var points: [Point]

    public init(title: String, points: [Point]) {
        self.title = title
        self.points = points
    }

    public static let plotHeight = 13
    public static let minimumWidth = 40
    public static let marks = Array("123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    public static let axisWidth = 6

    /// The quadrant a point falls in, as the chart names it.
    public func quadrant(_ point: Point) -> String {
        let important = point.importance >= meanImportance
        let performs = point.performance >= meanPerformance
        switch (important, performs) {
        case (true, false): return "work on this first"
        case (true, true): return "keep it up"
        case (false, false): return "lower priority"
        case (false, true): return "maintain"
        }
    }

    public var meanImportance: Double {
        points.isEmpty ? 0 : points.reduce(0) { $0 + $1.importance } / Double(points.count)
    }
    public var meanPerformance: Double {
        points.isEmpty ? 0 : points.reduce(0) { $0 + $1.performance } / Double(points.count)
    }

    /// The performance axis: the points' range widened to whole tens within 0–100 (wider if a value falls outside).
    public var performanceRange: (low: Double, high: Double) {
        let values = points.map(\.performance)
        let low = min(max(0, (((values.min() ?? 0) - 5) / 10).rounded(.down) * 10), values.min() ?? 0)
        let high = max(min(100, (((values.max() ?? 100) + 5) / 10).rounded(.up) * 10), values.max() ?? 100)
        return (low, high > low ? high : low + 10)
    }

    public var importanceHigh: Double {
        max(10, ((points.map(\.importance).max() ?? 10) / 10).rounded(.up) * 10)
    }
}
