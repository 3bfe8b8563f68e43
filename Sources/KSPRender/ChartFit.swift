/// What a chart says when the terminal is too narrow to draw it.
enum ChartFit {
    static func tooNarrow(_ title: String, needs: Int, width: Int) -> String {
        let text =
            TerminalSafeText.escaped(title) + "\n" + "(the chart needs \(needs) columns and the terminal has "
            + "\(width): widen it, or use .mode csv for the numbers)"
        return TerminalSafeText.wrapped(text, width: width)
    }
}
