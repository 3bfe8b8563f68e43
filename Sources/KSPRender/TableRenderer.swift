import KSPQuery

/// Box-drawn tables: numbers right-aligned, widths by display columns, fitted to the terminal.
public struct TableRenderer {
    public var width: Int
    public var color: Bool
    /// Box-drawing borders; ASCII (`+-|`) for a terminal whose locale is not UTF-8.
    public var unicode: Bool

    public init(width: Int = 100, color: Bool = false, unicode: Bool = true) {
        self.width = max(20, width)
        self.color = color
        self.unicode = unicode
    }

    static func text(_ c: Cell) -> String {
        var s: String
        switch c.value {
        case .text(let t):
            s = t.replacingOccurrences(of: "\r\n", with: " ⏎ ").replacingOccurrences(of: "\n", with: " ⏎ ")
        case .number(let v, let style): s = NumberFormat.display(v, style)
        case .interval(let interval, let style): s = interval.map { CellMarks.text(of: $0, style) } ?? ""
        case .significance(let outcome): s = CellMarks.word(for: outcome)
        case .significanceLevel(let level, let untested): s = CellMarks.stars(for: level, untested: untested)
        }
        s += CellMarks.symbols(for: c.flags)
        return TerminalSafeText.escaped(s)
    }

    /// A wrapped column is not narrowed below this (a few words a line stay readable).
    static let minWrapWidth = 24

    public func render(_ t: ResultTable) -> String {
        guard !t.columns.isEmpty else { return "" }
        var cells = t.rows.map { $0.map(TableRenderer.text) }
        var headers = t.columns.map { TerminalSafeText.escaped($0.name) }
        var widths = headers.indices.map { c in
            max(DisplayWidth.of(headers[c]), cells.map { DisplayWidth.of($0[c]) }.max() ?? 0)
        }
        var hidden = 0
        // Fit: first shrink the widest text columns (down to 12), then drop columns from the right.
        func total() -> Int { widths.reduce(0, +) + 3 * widths.count + 1 }
        while total() > width {
            // A wrapped column gives way first (its text goes onto more lines, nothing is lost).
            let minWrap = TableRenderer.minWrapWidth
            if let wrapped = widths.indices.first(where: { t.columns[$0].wraps && widths[$0] > minWrap }) {
                widths[wrapped] = max(TableRenderer.minWrapWidth, widths[wrapped] - (total() - width))
                continue
            }
            // Then the widest other text column, and a wrapped one only when no other can give way.
            let wide = widths.indices.filter { t.columns[$0].isDimension && widths[$0] > 12 }
            var textColumns = wide.filter { !t.columns[$0].wraps }
            if textColumns.isEmpty { textColumns = wide }
            if let widest = textColumns.max(by: { widths[$0] < widths[$1] }) {
                widths[widest] = max(12, widths[widest] - (total() - width))
                continue
            }
            guard widths.count > 1 else { break }
            widths.removeLast()
            headers.removeLast()
            cells = cells.map { Array($0.dropLast()) }
            hidden += 1
        }
        func pad(_ s: String, _ w: Int, right: Bool) -> String {
            let fitted = DisplayWidth.truncate(s, to: w)
            let gap = String(repeating: " ", count: max(0, w - DisplayWidth.of(fitted)))
            return right ? gap + fitted : fitted + gap
        }
        let line = unicode ? "─" : "-"
        let bar = unicode ? "│" : "|"
        func rule(_ l: String, _ m: String, _ r: String) -> String {
            let (left, middle, right) = unicode ? (l, m, r) : ("+", "+", "+")
            return left + widths.map { String(repeating: line, count: $0 + 2) }.joined(separator: middle) + right
        }
        var out = [rule("┌", "┬", "┐")]
        let bold = color ? "\u{1B}[1m" : ""
        let reset = color ? "\u{1B}[0m" : ""
        let headerCells = headers.indices.map { column in
            " " + bold + pad(headers[column], widths[column], right: !t.columns[column].isDimension) + reset + " "
        }
        out.append(bar + headerCells.joined(separator: bar) + bar)
        out.append(rule("├", "┼", "┤"))
        let rowLines = cells.map { row in
            row.indices.map { c in t.columns[c].wraps ? TextWrap.lines(row[c], width: widths[c]) : [row[c]] }
        }
        // A rule between rows only when a wrapped cell takes several lines (rows must stay apart).
        let wrapping = rowLines.contains { $0.contains { $0.count > 1 } }
        for (r, row) in cells.enumerated() {
            if wrapping && r > 0 { out.append(rule("├", "┼", "┤")) }
            let cellLines = rowLines[r]
            for line in 0..<(cellLines.map(\.count).max() ?? 1) {
                let parts = row.indices.map { c in
                    let text = line < cellLines[c].count ? cellLines[c][line] : ""
                    return " " + pad(text, widths[c], right: !t.columns[c].isDimension) + " "
                }
                out.append(bar + parts.joined(separator: bar) + bar)
            }
        }
        out.append(rule("└", "┴", "┘"))
        var notes = t.notes
        if t.rows.isEmpty { notes.insert(.noRows, at: 0) }
        if hidden > 0 { notes.append(.columnsNotShown(count: hidden, width: width)) }
        let shownNotes = notes.map { TerminalSafeText.wrapped(TerminalSafeText.escaped($0.text), width: width) }
        return (out + shownNotes).joined(separator: "\n")
    }
}
