import KSPQuery

/// A report in markdown, for pasting: charts as fenced blocks.
extension Report {
    public var markdown: String {
        var out = ["# \(title)", "", "_\(subtitle)_", ""]
        for s in sections {
            out.append("## \(s.heading)")
            out.append("")
            for b in s.blocks {
                switch b {
                case .text(let t): out.append(t)
                case .table(let t): out.append(MarkdownRenderer.render(t.visible(to: .people)))
                case .bars(let c): out += ["```", c.render(width: 90, unicode: true), "```"]
                case .trend(let c): out += ["```", c.render(width: 90, unicode: true), "```"]
                case .quotes(let groups):
                    for g in groups {
                        out.append("**\(g.area)**")
                        out.append("")
                        out += g.items.map { "> " + $0.replacingOccurrences(of: "\n", with: " ") + "\n" }
                    }
                }
                out.append("")
            }
        }
        return out.joined(separator: "\n")
    }
}
