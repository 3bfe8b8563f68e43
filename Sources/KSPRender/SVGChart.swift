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
        }
        // The reference line over the bars, the figures over the line.
        if let r = c.reference {
            let rx = NumberFormat.decimals(x(r.value), 1)
            out.append(
                "<line x1=\"\(rx)\" y1=\"22\" x2=\"\(rx)\" y2=\"\(height - 14)\" stroke=\"#d9822b\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>"
            )
            out.append(
                "<text x=\"\(rx)\" y=\"\(height - 2)\" font-size=\"11\" text-anchor=\"middle\" fill=\"#9a5a14\">\(esc(r.label)): \(Catalogue.number(r.value, .score, language))</text>"
            )
        }
        for (k, b) in c.bars.enumerated() {
            let y = 24 + k * rowHeight
            out.append(
                "<text x=\"\(NumberFormat.decimals(x(b.value) + 6, 1))\" y=\"\(y + 16)\" font-size=\"12\" paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"3\">\(Catalogue.number(b.value, .score, language))\(b.base < c.minBase ? "*" : "") (n=\(b.base))</text>"
            )
        }
        out.append("</svg>")
        return out.joined(separator: "\n")
    }
}
