import KSPQuery

/// A report on the terminal: headings ruled across, tables and charts fitted to the width.
extension Report {
    public func terminal(width: Int, unicode: Bool) -> String {
        let tables = TableRenderer(width: width, unicode: unicode)
        var out = [say(title), subtitle.map(say).filter { !$0.isEmpty }.joined(separator: " · "), ""]
        for section in sections {
            let heading = say(section.heading)
            out.append(
                "── \(heading) " + String(repeating: "─", count: max(0, min(width, 80) - DisplayWidth.of(heading) - 4)))
            for block in section.blocks {
                switch block {
                case .text(let text): out.append(TerminalSafeText.wrapped(say(text), width: width))
                case .keyFigures(let figures): out += lines(figures).map { "  " + $0 }
                case .table(let table):
                    if let heading = table.heading { out.append(say(heading)) }
                    out.append(tables.render(resultTable(table)))
                case .bars(var chart, let title, let reference):
                    chart.title = say(title)
                    chart.reference = chart.reference.map { (reference.map(say) ?? "", $0.value) }
                    out.append(chart.render(width: min(width, 100), unicode: unicode, language: language))
                case .months(let series):
                    out.append(say(series.title))
                    out.append(tables.render(monthTable(series)))
                case .quadrant(let chart, let title):
                    // The figures as a table: the terminal quadrant's legend speaks English, a report its language.
                    out.append(say(title))
                    out.append(tables.render(quadrantTable(chart)))
                case .quotes(let groups):
                    for group in groups {
                        out.append("  \(say(group.area)):")
                        out += group.items.map { "    «\($0.replacingOccurrences(of: "\n", with: " "))»" }
                    }
                }
            }
            out.append("")
        }
        // Names and comments from the season's files, shown with their control characters escaped.
        return TerminalSafeText.escapedKeepingLines(out.joined(separator: "\n"))
    }
}
