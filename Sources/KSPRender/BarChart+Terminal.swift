import KSPCore
import KSPQuery

/// The bar chart drawn in a terminal with eighth blocks (or `#` in ASCII).
extension BarChart {
    /// Eighth blocks, from one eighth to a full cell.
    static let eighths = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]

    /// Columns of bar for a value in a bar area `width` wide, in eighths of a column.
    public func eighthsFor(_ value: Double, width: Int) -> Int {
        guard high > low else { return 0 }
        let share = min(1, max(0, (value - low) / (high - low)))
        return Int((share * Double(width * 8)).rounded())
    }

    /// The narrowest bar a chart is drawn with, and the narrowest a label is cut to.
    static let minimumBar = 10
    static let minimumLabel = 6

    /// `language`: how numbers and the small-base note are written (a report's; the shell's is en).
    public func render(width: Int, unicode: Bool, language: ReportLanguage = .en) -> String {
        let labels = bars.map { TerminalSafeText.escaped($0.label) }
        let values = bars.map {
            Catalogue.number($0.value, .score, language) + ($0.base < minBase ? "*" : "") + "  n=\($0.base)"
        }
        let valueWidth = values.map(\.count).max() ?? 0
        // Label, space, bar, space, value, two columns spare: labels are cut before the bar gets narrower than
        // its minimum.
        let room = width - valueWidth - 4
        let widestLabel = labels.map { DisplayWidth.of($0) }.max() ?? 0
        let labelWidth = min(28, widestLabel, max(BarChart.minimumLabel, room - BarChart.minimumBar))
        guard labelWidth + BarChart.minimumBar <= room || labels.isEmpty else {
            return ChartFit.tooNarrow(
                title,
                needs: min(widestLabel, BarChart.minimumLabel) + BarChart.minimumBar
                    + valueWidth + 4, width: width)
        }
        let barWidth = max(BarChart.minimumBar, min(60, room - labelWidth))
        let refColumn = reference.map { min(barWidth - 1, eighthsFor($0.value, width: barWidth) / 8) }
        var lines = [title]
        for (k, bar) in bars.enumerated() {
            let e = eighthsFor(bar.value, width: barWidth)
            var cells = [String](repeating: " ", count: barWidth)
            for c in 0..<(e / 8) { cells[c] = unicode ? "█" : "#" }
            if e % 8 > 0 && e / 8 < barWidth {
                cells[e / 8] = unicode ? BarChart.eighths[e % 8 - 1] : (e % 8 >= 4 ? "#" : " ")
            }
            if let r = refColumn {
                let mark = unicode ? "│" : "|"
                cells[r] = cells[r] == " " ? mark : (unicode ? "┃" : "|")
            }
            let label = DisplayWidth.truncate(labels[k], to: labelWidth)
            let pad = String(repeating: " ", count: labelWidth - DisplayWidth.of(label))
            lines.append("\(label)\(pad) \(cells.joined()) \(values[k])")
        }
        if let reference {
            let text = TerminalSafeText.escaped(
                "\(reference.label): \(Catalogue.number(reference.value, .score, language))")
            let line = String(repeating: " ", count: labelWidth + 1) + (unicode ? "│ " : "| ") + text
            lines.append(DisplayWidth.truncate(line, to: width))
        }
        if bars.contains(where: { $0.base < minBase }) {
            lines.append(Catalogue.text(.phrase(.smallBaseNote, [.count(minBase)]), language))
        }
        lines[0] = TerminalSafeText.escaped(title)
        return lines.map { TerminalSafeText.wrapped($0, width: width) }.joined(separator: "\n")
    }
}
