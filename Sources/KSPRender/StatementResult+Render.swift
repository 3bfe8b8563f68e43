import KSPQuery

extension StatementResult {
    /// The text for a format: charts in table mode, their numbers in the others.
    public func render(_ format: OutputFormat, width: Int, color: Bool, unicode: Bool) -> String {
        switch (self, format) {
        case let (.bars(c, _), .table): return c.render(width: width, unicode: unicode)
        case let (.trend(c, _), .table): return c.render(width: width, unicode: unicode)
        case let (.report(r, _), .table): return r.terminal(width: width, unicode: unicode)
        case let (.report(r, _), .markdown): return r.markdown
        default: return format.render(table, width: width, color: color, unicode: unicode)
        }
    }
}
