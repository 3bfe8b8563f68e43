import KSPQuery

extension StatementResult {
    /// The text for a format: charts in table mode, their numbers in the others.
    public func render(_ format: OutputFormat, width: Int, color: Bool, unicode: Bool) -> String {
        switch (self, format) {
        case (.bars(let c, _), .table): return c.render(width: width, unicode: unicode)
        case (.trend(let c, _), .table): return c.render(width: width, unicode: unicode)
        case (.quadrant(let c, let t), .table):
            let notes = t.notes.map { TerminalSafeText.wrapped(TerminalSafeText.escaped($0.text), width: width) }
            return c.render(width: width, unicode: unicode) + "\n" + notes.joined(separator: "\n")
        case (.report(let r, _), .table): return r.terminal(width: width, unicode: unicode)
        case (.report(let r, _), .markdown): return r.markdown
        case (.report(let r, _), _): return format.render(r.firstTable, width: width, color: color, unicode: unicode)
        default: return format.render(table, width: width, color: color, unicode: unicode)
        }
    }
}
