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

    /// The word in a `_sig` column: empty when the difference is not significant.
    static func word(for difference: SignificantDifference?) -> String {
        switch difference {
        case .above: return "above"
        case .below: return "below"
        case nil: return ""
        }
    }

    /// compare's `sig`: `*` below 0.05, `**` below 0.01, with a word when a group's base is small.
    static func stars(for level: SignificanceLevel?, smallBase: Bool) -> String {
        let stars: String
        switch level {
        case .highlySignificant: stars = "**"
        case .significant: stars = "*"
        case nil: return ""
        }
        return smallBase ? stars + " (small base)" : stars
    }

    /// `67.3–68.9`, or `-12.9 to -2.5` where a minus sign would make a dash ambiguous.
    static func text(of interval: FigureInterval, _ style: NumberStyle) -> String {
        let low = NumberFormat.display(interval.low, style)
        let high = NumberFormat.display(interval.high, style)
        return low.hasPrefix("-") || high.hasPrefix("-") ? "\(low) to \(high)" : "\(low)–\(high)"
    }
}
