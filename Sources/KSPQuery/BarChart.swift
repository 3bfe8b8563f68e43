import KSPCore

/// A horizontal bar chart for the terminal: one bar per group, sorted, with value and base at
/// each bar and a reference line (the overall mean, or the class's when one class is charted).
public struct BarChart: Sendable, Equatable {
    public struct Bar: Sendable, Equatable {
        public var label: String
        public var value: Double
        public var base: Int
    }
    public var title: String
    public var bars: [Bar]
    public var reference: (label: String, value: Double)?
    /// The value range the bars span (0–100 for scores; wider when values fall outside).
    public var low: Double
    public var high: Double
    public var minBase: Int

    public static func == (a: BarChart, b: BarChart) -> Bool {
        a.title == b.title && a.bars == b.bars && a.low == b.low && a.high == b.high
            && a.reference?.label == b.reference?.label && a.reference?.value == b.reference?.value
    }
}
