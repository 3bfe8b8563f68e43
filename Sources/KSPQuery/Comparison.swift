import KSPCore

/// Two groups of inquiries set side by side metric by metric: what `compare` shows and what a
/// report's headline reads, as figures rather than table cells.
struct Comparison: Sendable, Equatable {
    /// One metric of the comparison.
    struct Line: Sendable, Equatable {
        var metric: Metric
        var a: Figure
        var b: Figure
        /// a − b; nil when either value is missing.
        var diff: Double?
        /// The test made (Welch's t, two-proportion z, NPS z) and its p; nil when none could be.
        var test: SignificanceTest?
        /// Either group rests on fewer inquiries than the minimum base.
        var isSmallBase: Bool

        /// a − b as a table shows it.
        var diffCell: Cell { .number(diff, metric.kind == .count ? .count : .difference) }
        var pCell: Cell { .number(test?.p, .pValue) }
        /// How significant the difference is by the test's p, and whether a base is small.
        var sigCell: Cell {
            Cell(.significanceLevel(test.flatMap { SignificanceLevel(p: $0.p) }, smallBase: isSmallBase))
        }
    }

    var lines: [Line]
    /// How many inquiries each group holds.
    var countA: Int
    var countB: Int

    /// The tests made over all metrics, by name, sorted.
    var testNames: [String] { Set(lines.compactMap { $0.test?.kind.rawValue }).sorted() }
    var hasSmallBase: Bool { lines.contains { $0.isSmallBase } }

    /// The line of a metric (the first, should it be asked twice).
    func line(_ metric: Metric) -> Line? { lines.first { $0.metric == metric } }
}

/// What a participant is compared with in a report.
enum ComparisonGroup: Sendable {
    /// The rest of its class, the participant left out.
    case restOfClass
    /// Every inquiry in scope, the participant's own included.
    case all
}
