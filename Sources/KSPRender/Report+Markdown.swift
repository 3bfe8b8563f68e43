import KSPQuery

/// A report in markdown, for pasting: tables as markdown tables, charts as their numbers.
extension Report {
    public var markdown: String {
        var out = ["# \(say(title))", "", "_\(subtitle.map(say).filter { !$0.isEmpty }.joined(separator: " · "))_", ""]
        for section in sections {
            out.append("## \(say(section.heading))")
            out.append("")
            for block in section.blocks {
                switch block {
                case .text(let text): out.append(say(text))
                case .keyFigures(let figures): out += lines(figures).map { "- " + $0 }
                case .table(let table):
                    if let heading = table.heading { out += ["### \(say(heading))", ""] }
                    out.append(MarkdownRenderer.render(resultTable(table)))
                case .bars(var chart, let title, let reference):
                    chart.title = say(title)
                    chart.reference = chart.reference.map { (reference.map(say) ?? "", $0.value) }
                    out += ["```", chart.render(width: 90, unicode: true, language: language), "```"]
                case .months(let series):
                    out += ["**\(say(series.title))**", "", MarkdownRenderer.render(monthTable(series))]
                case .quadrant(let chart, let title):
                    out += ["**\(say(title))**", "", MarkdownRenderer.render(quadrantTable(chart))]
                case .quotes(let groups):
                    for group in groups {
                        out.append("**\(say(group.area))**")
                        out.append("")
                        out += group.items.map { "> " + $0.replacingOccurrences(of: "\n", with: " ") + "\n" }
                    }
                }
                out.append("")
            }
        }
        return out.joined(separator: "\n")
    }
}
