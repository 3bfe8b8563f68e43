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
        /// The test made (Welch's t, two-proportion z, NPS exact or z) and its p; nil when none was.
        var test: SignificanceTest?
        /// Either group rests on fewer answers than the minimum base.
        var isSmallBase: Bool
        /// Why the difference was not tested (nil when it was, or when the metric has no test).
        var untested: UntestedReason?
        /// p adjusted over the comparison's tests (`.adjust`); nil when untested.
        var pAdjusted: Double?
        /// The 95 % interval of a − b (unadjusted), clipped to what a difference of the metric can be.
        var diffInterval: FigureInterval?

        /// a − b as a table shows it.
        var diffCell: Cell { .number(diff, metric.kind == .count ? .count : .difference) }
        var pCell: Cell { .number(test?.p, .pValue) }
        var pAdjustedCell: Cell { .number(pAdjusted, .pValue) }
        /// How significant the difference is by the adjusted p, or why it was not tested.
        var sigCell: Cell {
            Cell(.significanceLevel(pAdjusted.flatMap { SignificanceLevel(p: $0) }, untested: untested))
        }
        /// The machines' word: above, below, none or untested.
        var outcomeCell: Cell {
            if let untested { return Cell(.significance(.untested(untested))) }
            guard let pAdjusted, let diff, pAdjusted < Significance.alpha else {
                return Cell(.significance(.notSignificant))
            }
            return Cell(.significance(diff > 0 ? .above : .below))
        }
    }

    var lines: [Line]
    /// How the p-values were adjusted over the lines tested.
    var adjustment: PValueAdjustment
    /// How many inquiries each group holds.
    var countA: Int
    var countB: Int

    /// The tests made over all metrics, by name, sorted.
    var testNames: [String] { Set(lines.compactMap { $0.test?.kind.rawValue }).sorted() }
    var hasSmallBase: Bool { lines.contains { $0.isSmallBase } }
    /// How many lines were tested (the family the adjustment is over).
    var testCount: Int { lines.filter { $0.test != nil }.count }

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
