import KSPQuery

/// The sparklines drawn in a terminal with block levels (or ASCII levels).
extension TrendChart {
    static let levels = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let asciiLevels = ["_", ".", "-", "~", "=", "*", "#", "@"]

    public func render(width: Int, unicode: Bool) -> String {
        let all = lines.flatMap { $0.values.compactMap { $0 } }
        guard let lo = all.min(), let hi = all.max() else { return title + "\n(no values)" }
        let labels = lines.map { TerminalSafeText.escaped($0.label) }
        // Label, space, sparkline, space, `first → last`: labels are cut before the sparkline gets too short.
        let ends = lines.map(TrendChart.ends)
        let endsWidth = ends.map { DisplayWidth.of($0) }.max() ?? 0
        let widestLabel = labels.map { DisplayWidth.of($0) }.max() ?? 0
        let minimumSpark = 4
        let labelWidth = min(28, widestLabel, max(6, width - endsWidth - 2 - minimumSpark))
        guard labelWidth + minimumSpark + endsWidth + 2 <= width else {
            return ChartFit.tooNarrow(title, needs: min(widestLabel, 6) + minimumSpark + endsWidth + 2, width: width)
        }
        // Fit: the newest periods when the line would be wider than the terminal.
        let room = max(minimumSpark, width - labelWidth - endsWidth - 2)
        let start = max(0, periods.count - room)
        let lastPeriod = periods.last ?? periods[start]
        let range = "(low \(NumberFormat.oneDecimal(lo)), high \(NumberFormat.oneDecimal(hi)))"
        let header = String(repeating: " ", count: labelWidth + 1) + "\(periods[start]) … \(lastPeriod)  " + range
        var out = [TerminalSafeText.escaped(title), header].map { TerminalSafeText.wrapped($0, width: width) }
        let levels = unicode ? TrendChart.levels : TrendChart.asciiLevels
        for (index, line) in lines.enumerated() {
            let spark = line.values[start...].map { v -> String in
                guard let v else { return " " }
                let k = hi > lo ? Int(((v - lo) / (hi - lo) * 7).rounded()) : 3
                return levels[k]
            }.joined()
            let label = DisplayWidth.truncate(labels[index], to: labelWidth)
            let pad = String(repeating: " ", count: labelWidth - DisplayWidth.of(label))
            out.append("\(label)\(pad) \(spark) \(ends[index])")
        }
        return out.joined(separator: "\n")
    }

    /// `first → last` of a line's values; empty without values.
    static func ends(_ line: Line) -> String {
        let known = line.values.compactMap { $0 }
        guard let first = known.first, let last = known.last else { return "" }
        return NumberFormat.oneDecimal(first) + " → " + NumberFormat.oneDecimal(last)
    }
}
