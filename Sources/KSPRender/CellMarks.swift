import KSPQuery

/// How what a cell's flags say is written: symbols after the value for people (table, markdown, HTML), words
/// in the `_sig` columns for machines (csv, json); and how an interval is written.
enum CellMarks {
    /// `*` for a small base, then `▲` or `▼` for a significant difference.
    static func symbols(for flags: CellFlags) -> String {
        var symbols = ""
        if flags.contains(.smallBase) { symbols += "*" }
        if flags.contains(.above) { symbols += "▲" }
        if flags.contains(.below) { symbols += "▼" }
        return symbols
    }

    /// The word in a `_sig` column: above, below, none (tested, not significant) or untested.
    static func word(for outcome: TestOutcome) -> String {
        switch outcome {
        case .above: return "above"
        case .below: return "below"
        case .notSignificant: return "none"
        case .untested: return "untested"
        }
    }

    /// compare's `sig`: `*` for an adjusted p below 0.05, `**` below 0.01, or why the row was not tested.
    static func stars(for level: SignificanceLevel?, untested: UntestedReason?) -> String {
        switch (level, untested) {
        case (_, .smallBase?): return "small base"
        case (_, .noVariation?): return "no variation"
        case (.highlySignificant?, nil): return "**"
        case (.significant?, nil): return "*"
        case (nil, nil): return ""
        }
    }

    /// `67.3–68.9`, or `-12.9 to -2.5` where a minus sign would make a dash ambiguous.
    static func text(of interval: FigureInterval, _ style: NumberStyle) -> String {
        let low = NumberFormat.display(interval.low, style)
        let high = NumberFormat.display(interval.high, style)
        return low.hasPrefix("-") || high.hasPrefix("-") ? "\(low) to \(high)" : "\(low)–\(high)"
    }
}
