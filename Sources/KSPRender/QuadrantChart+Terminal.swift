import KSPQuery

/// The quadrant of `chart drivers of …` drawn in a terminal (box-drawing lines, or ASCII).
extension QuadrantChart {
    public func render(width: Int, unicode: Bool) -> String {
        guard width >= QuadrantChart.minimumWidth else {
            return ChartFit.tooNarrow(title, needs: QuadrantChart.minimumWidth, width: width)
        }
        guard !points.isEmpty else { return TerminalSafeText.escaped(title) + "\n(no predictors)" }
        let plotWidth = min(60, width - QuadrantChart.axisWidth - 1)
        let height = QuadrantChart.plotHeight
        let (low, high) = performanceRange
        let top = importanceHigh
        func column(_ performance: Double) -> Int {
            min(plotWidth - 1, max(0, Int(((performance - low) / (high - low) * Double(plotWidth - 1)).rounded())))
        }
        func row(_ importance: Double) -> Int {
            min(height - 1, max(0, height - 1 - Int((importance / top * Double(height - 1)).rounded())))
        }
        var grid = [[Character]](repeating: [Character](repeating: " ", count: plotWidth), count: height)
        let dividerColumn = column(meanPerformance)
        let dividerRow = row(meanImportance)
        for r in 0..<height { grid[r][dividerColumn] = unicode ? "│" : "|" }
        let crossing: Character = unicode ? "┼" : "+"
        let horizontal: Character = unicode ? "─" : "-"
        for c in 0..<plotWidth {
            grid[dividerRow][c] = c == dividerColumn ? crossing : horizontal
        }
        func write(_ text: String, row r: Int, from start: Int) {
            for (k, character) in text.enumerated() where start + k >= 0 && start + k < plotWidth {
                grid[r][start + k] = character
            }
        }
        // Quadrant names in the corners, where they fit beside the dividers.
        let names = [
            ("work on this first", 0, true), ("keep it up", 0, false),
            ("lower priority", height - 1, true), ("maintain", height - 1, false),
        ]
        for (name, r, left) in names where r != dividerRow {
            let start = left ? 0 : plotWidth - name.count
            let fits = left ? name.count < dividerColumn : start > dividerColumn
            if fits { write(name, row: r, from: start) }
        }
        for (k, point) in points.enumerated() {
            let mark = k < QuadrantChart.marks.count ? QuadrantChart.marks[k] : "+"
            let r = row(point.importance)
            var c = column(point.performance)
            // A mark on another mark moves right to the next free cell.
            while c < plotWidth - 1 && QuadrantChart.marks.contains(grid[r][c]) { c += 1 }
            grid[r][c] = mark
        }
        var lines = [TerminalSafeText.escaped(title), "share of R², %"]
        let axis = unicode ? "┤" : "|"
        let plain = unicode ? "│" : "|"
        for r in 0..<height {
            var label = ""
            if r == 0 { label = NumberFormat.decimals(top, 0) }
            if r == height - 1 { label = "0" }
            if r == dividerRow { label = NumberFormat.oneDecimal(meanImportance) }
            let padded = String(repeating: " ", count: max(0, QuadrantChart.axisWidth - 1 - label.count)) + label
            lines.append((padded + (label.isEmpty ? plain : axis) + String(grid[r])).trimmingTrailingSpaces())
        }
        let corner = unicode ? "└" : "+"
        let rule = String(repeating: unicode ? "─" : "-", count: plotWidth)
        lines.append(String(repeating: " ", count: QuadrantChart.axisWidth - 1) + corner + rule)
        var scale = [Character](repeating: " ", count: plotWidth + 12)
        let ticks = [(low, 0), (meanPerformance, dividerColumn), (high, plotWidth - 1)]
        for (value, at) in ticks {
            let text = NumberFormat.decimals(value, 0)
            let start = max(0, min(at - text.count / 2, plotWidth - text.count))
            for (k, character) in text.enumerated() { scale[start + k] = character }
        }
        lines.append(
            String(repeating: " ", count: QuadrantChart.axisWidth) + String(scale).trimmingTrailingSpaces()
                + "  performance (points)")
        for (k, point) in points.enumerated() {
            let mark = k < QuadrantChart.marks.count ? String(QuadrantChart.marks[k]) : "+"
            let label = TerminalSafeText.escaped(point.label)
            lines.append(
                "\(mark) \(label)  \(NumberFormat.oneDecimal(point.importance)) %"
                    + " · \(NumberFormat.oneDecimal(point.performance)) points · \(quadrant(point))")
        }
        lines.append("dividers: the mean importance and the mean performance of the predictors")
        return lines.map { TerminalSafeText.wrapped($0, width: width) }.joined(separator: "\n")
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
