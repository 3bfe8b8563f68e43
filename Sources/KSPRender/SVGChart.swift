import KSPCore
import KSPQuery

/// Inline SVG versions of the terminal charts.
enum SVGChart {
    /// Quotes too: a title is also an attribute value (`aria-label`).
    static func esc(_ s: String) -> String { HTMLText.escaped(s) }

    static func bars(_ c: BarChart, language: ReportLanguage = .en) -> String {
        let rowHeight = 26
        let labelWidth = 190
        let barWidth = 420
        let width = labelWidth + barWidth + 120
        let height = c.bars.count * rowHeight + 40
        var out = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(esc(c.title))\">",
            "<text x=\"0\" y=\"14\" font-size=\"13\" font-weight=\"600\">\(esc(c.title))</text>",
        ]
        func x(_ v: Double) -> Double {
            Double(labelWidth) + Double(barWidth) * min(1, max(0, (v - c.low) / max(1e-9, c.high - c.low)))
        }
        for (k, b) in c.bars.enumerated() {
            let y = 24 + k * rowHeight
            out.append(
                "<text x=\"\(labelWidth - 8)\" y=\"\(y + 16)\" font-size=\"12\" text-anchor=\"end\">\(esc(b.label))</text>"
            )
            out.append(
                "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(NumberFormat.decimals(x(b.value) - Double(labelWidth), 1))\" height=\"16\" fill=\"\(b.base < c.minBase ? "#ffffff" : "#2f6db5")\" stroke=\"#2f6db5\"\(b.base < c.minBase ? " stroke-dasharray=\"3 2\"" : "")/>"
            )
            out.append(
                "<text x=\"\(NumberFormat.decimals(x(b.value) + 6, 1))\" y=\"\(y + 16)\" font-size=\"12\">\(Catalogue.number(b.value, .score, language))\(b.base < c.minBase ? "*" : "") (n=\(b.base))</text>"
            )
        }
        if let r = c.reference {
            let rx = NumberFormat.decimals(x(r.value), 1)
            out.append(
                "<line x1=\"\(rx)\" y1=\"22\" x2=\"\(rx)\" y2=\"\(height - 14)\" stroke=\"#d9822b\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>"
            )
            out.append(
                "<text x=\"\(rx)\" y=\"\(height - 2)\" font-size=\"11\" text-anchor=\"middle\" fill=\"#9a5a14\">\(esc(r.label)): \(Catalogue.number(r.value, .score, language))</text>"
            )
        }
        out.append("</svg>")
        return out.joined(separator: "\n")
    }

    static func trend(_ c: TrendChart) -> String {
        let width = 760
        let height = 220
        let left = 50
        let right = 230
        let top = 24
        let bottom = 30
        let all = c.lines.flatMap { $0.values.compactMap { $0 } }
        guard let lo0 = all.min(), let hi0 = all.max(), c.periods.count > 0 else { return "<p>(no values)</p>" }
        let lo = lo0 - 2
        let hi = hi0 + 2
        let colors = ["#2f6db5", "#d9822b", "#3a9a5b", "#b5412f", "#7a4fb5", "#5b6578"]
        func px(_ i: Int) -> Double {
            Double(left) + Double(width - left - right)
                * (c.periods.count > 1 ? Double(i) / Double(c.periods.count - 1) : 0.5)
        }
        func py(_ v: Double) -> Double { Double(top) + Double(height - top - bottom) * (1 - (v - lo) / (hi - lo)) }
        var out = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(esc(c.title))\">",
            "<text x=\"0\" y=\"14\" font-size=\"13\" font-weight=\"600\">\(esc(c.title))</text>",
        ]
        for (i, p) in c.periods.enumerated() {
            out.append(
                "<text x=\"\(NumberFormat.decimals(px(i), 1))\" y=\"\(height - 8)\" font-size=\"11\" text-anchor=\"middle\">\(esc(p))</text>"
            )
        }
        for v in [lo0, hi0] {
            out.append(
                "<text x=\"\(left - 6)\" y=\"\(NumberFormat.decimals(py(v) + 4, 1))\" font-size=\"11\" text-anchor=\"end\">\(NumberFormat.oneDecimal(v))</text>"
            )
        }
        for (k, line) in c.lines.enumerated() {
            let color = colors[k % colors.count]
            let points = line.values.enumerated().compactMap { i, v in
                v.map { "\(NumberFormat.decimals(px(i), 1)),\(NumberFormat.decimals(py($0), 1))" }
            }
            out.append(
                "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" points=\"\(points.joined(separator: " "))\"/>"
            )
            if let last = line.values.lastIndex(where: { $0 != nil }), let v = line.values[last] {
                out.append(
                    "<text x=\"\(NumberFormat.decimals(px(last) + 8, 1))\" y=\"\(NumberFormat.decimals(py(v) + 4, 1))\" font-size=\"11\" fill=\"\(color)\">\(esc(line.label)) \(NumberFormat.oneDecimal(v))</text>"
                )
            }
        }
        out.append("</svg>")
        return out.joined(separator: "\n")
    }
}
