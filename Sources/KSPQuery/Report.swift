import KSPCore

/// A participant's or a class's report: sections of text, tables, charts and comments, rendered
/// to the terminal, to markdown for pasting, or to one self-contained HTML file with SVG charts.
public struct Report: Sendable {
    public enum Block: Sendable {
        case text(String)
        case table(ResultTable)
        case bars(BarChart)
        case trend(TrendChart)
        case quotes([(area: String, items: [String])])
    }
    public struct Section: Sendable {
        public var heading: String
        public var blocks: [Block]
    }
    public var title: String
    public var subtitle: String
    public var sections: [Section]

    // MARK: Renderers

    public func terminal(width: Int, unicode: Bool) -> String {
        var out = [title, subtitle, ""]
        for s in sections {
            out.append("── \(s.heading) " + String(repeating: "─", count: max(0, min(width, 80) - DisplayWidth.of(s.heading) - 4)))
            for b in s.blocks {
                switch b {
                case let .text(t): out.append(t)
                case let .table(t):
                    out.append(TableRenderer(width: width, unicode: unicode).render(t.visible(to: .people)))
                case let .bars(c): out.append(c.render(width: min(width, 100), unicode: unicode))
                case let .trend(c): out.append(c.render(width: min(width, 100), unicode: unicode))
                case let .quotes(groups):
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

    public var markdown: String {
        var out = ["# \(title)", "", "_\(subtitle)_", ""]
        for s in sections {
            out.append("## \(s.heading)")
            out.append("")
            for b in s.blocks {
                switch b {
                case let .text(t): out.append(t)
                case let .table(t): out.append(MarkdownRenderer.render(t.visible(to: .people)))
                case let .bars(c): out += ["```", c.render(width: 90, unicode: true), "```"]
                case let .trend(c): out += ["```", c.render(width: 90, unicode: true), "```"]
                case let .quotes(groups):
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

    /// One file, no external URL: inline CSS and SVG.
    public var html: String {
        func esc(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        var out = ["<!DOCTYPE html>", "<html lang=\"no\"><head><meta charset=\"utf-8\">", "<title>\(esc(title))</title>", "<style>",
                   "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2433}",
                   "h1{margin-bottom:.2rem}h2{border-bottom:2px solid #d0d7e2;padding-bottom:.2rem;margin-top:2rem}",
                   "table{border-collapse:collapse;margin:.6rem 0;font-size:.92rem}th,td{padding:.25rem .6rem;border-bottom:1px solid #e3e8ef}",
                   "th{text-align:left;background:#f3f6fa}td.n{text-align:right;font-variant-numeric:tabular-nums}",
                   "blockquote{margin:.4rem 0 .4rem 1rem;padding-left:.8rem;border-left:3px solid #9fb3c8;color:#394456}",
                   ".sub{color:#5b6578}.note{color:#5b6578;font-size:.85rem}svg{display:block;margin:.6rem 0}", "</style></head><body>",
                   "<h1>\(esc(title))</h1>", "<p class=\"sub\">\(esc(subtitle))</p>"]
        for s in sections {
            out.append("<h2>\(esc(s.heading))</h2>")
            for b in s.blocks {
                switch b {
                case let .text(t): out.append("<p>\(esc(t))</p>")
                case let .table(t):
                    let v = t.visible(to: .people)
                    var rows = ["<table><thead><tr>" + v.columns.map { "<th>\(esc($0.name))</th>" }.joined() + "</tr></thead><tbody>"]
                    for r in v.rows {
                        rows.append("<tr>" + zip(v.columns, r).map { c, cell in
                            "<td\(c.isDimension ? "" : " class=\"n\"")>\(esc(TableRenderer.text(cell)))</td>"
                        }.joined() + "</tr>")
                    }
                    rows.append("</tbody></table>")
                    out.append(rows.joined())
                    out += v.notes.map { "<p class=\"note\">\(esc($0))</p>" }
                case let .bars(c): out.append(SVGChart.bars(c))
                case let .trend(c): out.append(SVGChart.trend(c))
                case let .quotes(groups):
                    for g in groups {
                        out.append("<h3>\(esc(g.area))</h3>")
                        out += g.items.map { "<blockquote>\(esc($0).replacingOccurrences(of: "\n", with: "<br>"))</blockquote>" }
                    }
                }
            }
        }
        out.append("</body></html>")
        return out.joined(separator: "\n")
    }
}

/// Inline SVG versions of the terminal charts.
enum SVGChart {
    static func esc(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    static func bars(_ c: BarChart) -> String {
        let rowHeight = 26, labelWidth = 190, barWidth = 420, width = labelWidth + barWidth + 120
        let height = c.bars.count * rowHeight + 40
        var out = ["<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(esc(c.title))\">",
                   "<text x=\"0\" y=\"14\" font-size=\"13\" font-weight=\"600\">\(esc(c.title))</text>"]
        func x(_ v: Double) -> Double { Double(labelWidth) + Double(barWidth) * min(1, max(0, (v - c.low) / max(1e-9, c.high - c.low))) }
        for (k, b) in c.bars.enumerated() {
            let y = 24 + k * rowHeight
            out.append("<text x=\"\(labelWidth - 8)\" y=\"\(y + 16)\" font-size=\"12\" text-anchor=\"end\">\(esc(b.label))</text>")
            out.append("<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(NumberFormat.decimals(x(b.value) - Double(labelWidth), 1))\" height=\"16\" fill=\"\(b.base < c.minBase ? "#9fb3c8" : "#2f6db5")\"/>")
            out.append("<text x=\"\(NumberFormat.decimals(x(b.value) + 6, 1))\" y=\"\(y + 16)\" font-size=\"12\">\(NumberFormat.oneDecimal(b.value)) (n=\(b.base))</text>")
        }
        if let r = c.reference {
            let rx = NumberFormat.decimals(x(r.value), 1)
            out.append("<line x1=\"\(rx)\" y1=\"22\" x2=\"\(rx)\" y2=\"\(height - 14)\" stroke=\"#d9822b\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>")
            out.append("<text x=\"\(rx)\" y=\"\(height - 2)\" font-size=\"11\" text-anchor=\"middle\" fill=\"#9a5a14\">\(esc(r.label)): \(NumberFormat.oneDecimal(r.value))</text>")
        }
        out.append("</svg>")
        return out.joined(separator: "\n")
    }

    static func trend(_ c: TrendChart) -> String {
        let width = 760, height = 220, left = 50, right = 230, top = 24, bottom = 30
        let all = c.lines.flatMap { $0.values.compactMap { $0 } }
        guard let lo0 = all.min(), let hi0 = all.max(), c.periods.count > 0 else { return "<p>(no values)</p>" }
        let lo = lo0 - 2, hi = hi0 + 2
        let colors = ["#2f6db5", "#d9822b", "#3a9a5b", "#b5412f", "#7a4fb5", "#5b6578"]
        func px(_ i: Int) -> Double { Double(left) + Double(width - left - right) * (c.periods.count > 1 ? Double(i) / Double(c.periods.count - 1) : 0.5) }
        func py(_ v: Double) -> Double { Double(top) + Double(height - top - bottom) * (1 - (v - lo) / (hi - lo)) }
        var out = ["<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(esc(c.title))\">",
                   "<text x=\"0\" y=\"14\" font-size=\"13\" font-weight=\"600\">\(esc(c.title))</text>"]
        for (i, p) in c.periods.enumerated() {
            out.append("<text x=\"\(NumberFormat.decimals(px(i), 1))\" y=\"\(height - 8)\" font-size=\"11\" text-anchor=\"middle\">\(esc(p))</text>")
        }
        for v in [lo0, hi0] {
            out.append("<text x=\"\(left - 6)\" y=\"\(NumberFormat.decimals(py(v) + 4, 1))\" font-size=\"11\" text-anchor=\"end\">\(NumberFormat.oneDecimal(v))</text>")
        }
        for (k, line) in c.lines.enumerated() {
            let color = colors[k % colors.count]
            let points = line.values.enumerated().compactMap { i, v in v.map { "\(NumberFormat.decimals(px(i), 1)),\(NumberFormat.decimals(py($0), 1))" } }
            out.append("<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" points=\"\(points.joined(separator: " "))\"/>")
            if let last = line.values.lastIndex(where: { $0 != nil }), let v = line.values[last] {
                out.append("<text x=\"\(NumberFormat.decimals(px(last) + 8, 1))\" y=\"\(NumberFormat.decimals(py(v) + 4, 1))\" font-size=\"11\" fill=\"\(color)\">\(esc(line.label)) \(NumberFormat.oneDecimal(v))</text>")
            }
        }
        out.append("</svg>")
        return out.joined(separator: "\n")
    }
}
