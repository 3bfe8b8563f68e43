import KSPQuery

/// A report on the terminal: headings ruled across, tables and charts fitted to the width.
extension Report {
    public func terminal(width: Int, unicode: Bool) -> String {
        var out = [title, subtitle, ""]
        for s in sections {
            out.append(
                "── \(s.heading) "
                    + String(repeating: "─", count: max(0, min(width, 80) - DisplayWidth.of(s.heading) - 4)))
            for b in s.blocks {
                switch b {
                case .text(let t): out.append(t)
                case .table(let t):
                    out.append(TableRenderer(width: width, unicode: unicode).render(t.visible(to: .people)))
                case .bars(let c): out.append(c.render(width: min(width, 100), unicode: unicode))
                case .trend(let c): out.append(c.render(width: min(width, 100), unicode: unicode))
                case .quotes(let groups):
                    for g in groups {
                        out.append("  \(g.area):")
                        out += g.items.map { "    «\($0.replacingOccurrences(of: "\n", with: " "))»" }
                    }
                }
            }
            out.append("")
        }
        // Names and comments from the season's files, shown with their control characters escaped.
        return TerminalSafeText.escapedKeepingLines(out.joined(separator: "\n"))
    }
}
