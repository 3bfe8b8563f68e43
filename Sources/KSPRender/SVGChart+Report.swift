import KSPCore
import KSPQuery

/// The report's own charts: the months with their bases, and the importance/performance quadrant.
extension SVGChart {
    static func decimal(_ value: Double) -> String { NumberFormat.decimals(value, 1) }

    /// One line per group through the season; a month on a small base is a hollow point on a dashed stretch,
    /// labelled as such, and every month's base is written under it.
    static func months(_ series: MonthSeries, _ language: ReportLanguage) -> String {
        let width = 720
        let left = 44
        let right = 170
        let top = 28
        let plotBottom = 190
        let height = plotBottom + 24 + 16 * series.lines.count
        let values = series.lines.flatMap { $0.values.compactMap { $0 } }
        guard let lowest = values.min(), let highest = values.max(), !series.periods.isEmpty else { return "" }
        let low = max(0, ((lowest - 5) / 10).rounded(.down) * 10)
        let high = min(100, ((highest + 5) / 10).rounded(.up) * 10)
        let span = max(high - low, 1)
        let step = Double(width - left - right) / Double(max(series.periods.count - 1, 1))
        func x(_ i: Int) -> Double { Double(left) + (series.periods.count > 1 ? Double(i) * step : 0) }
        func y(_ v: Double) -> Double { Double(top) + Double(plotBottom - top) * (1 - (v - low) / span) }
        let title = esc(Catalogue.text(series.title, language))
        var out = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
                + "viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(title)\" font-size=\"11\">",
            "<text x=\"0\" y=\"14\" font-size=\"13\" font-weight=\"600\">\(title)</text>",
        ]
        for tick in stride(from: low, through: high, by: 10) {
            out.append(
                "<line x1=\"\(left)\" y1=\"\(decimal(y(tick)))\" x2=\"\(width - right)\" y2=\"\(decimal(y(tick)))\" "
                    + "stroke=\"#ddd\"/><text x=\"\(left - 6)\" y=\"\(decimal(y(tick) + 4))\" text-anchor=\"end\">"
                    + "\(Catalogue.number(tick, .count, language))</text>")
        }
        for (i, period) in series.periods.enumerated() {
            out.append(
                "<text x=\"\(decimal(x(i)))\" y=\"\(plotBottom + 16)\" text-anchor=\"middle\">"
                    + "\(esc(Catalogue.month(period, short: true, language)))</text>")
        }
        let styles = [("#1f4e8c", "none", "circle"), ("#555", "6 3", "square")]
        for (k, line) in series.lines.enumerated() {
            let (color, dash, mark) = styles[k % styles.count]
            let label = esc(Catalogue.text(line.label, language))
            // Stretches between two months on a full base are solid; any stretch touching a small base is dashed.
            for i in line.values.indices.dropLast() {
                guard let a = line.values[i], let b = line.values[i + 1] else { continue }
                let small = line.bases[i] < series.minBase || line.bases[i + 1] < series.minBase
                let dashing = small ? "3 3" : dash
                out.append(
                    "<line x1=\"\(decimal(x(i)))\" y1=\"\(decimal(y(a)))\" x2=\"\(decimal(x(i + 1)))\" "
                        + "y2=\"\(decimal(y(b)))\" stroke=\"\(color)\" stroke-width=\"\(small ? 1.2 : 2.2)\""
                        + (dashing == "none" ? "" : " stroke-dasharray=\"\(dashing)\"") + "/>")
            }
            for (i, value) in line.values.enumerated() {
                guard let value else { continue }
                let small = line.bases[i] < series.minBase
                let fill = small ? "#fff" : color
                let cx = decimal(x(i))
                let cy = decimal(y(value))
                if mark == "circle" {
                    out.append(
                        "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"3.5\" fill=\"\(fill)\" stroke=\"\(color)\" stroke-width=\"1.5\">"
                            + "<title>\(esc(Catalogue.month(series.periods[i], short: false, language))): "
                            + "\(Catalogue.number(value, .score, language)) (n=\(line.bases[i]))</title></circle>")
                } else {
                    out.append(
                        "<rect x=\"\(decimal(x(i) - 3))\" y=\"\(decimal(y(value) - 3))\" width=\"6\" height=\"6\" "
                            + "fill=\"\(fill)\" stroke=\"\(color)\" stroke-width=\"1.5\"/>")
                }
            }
            if let last = line.values.lastIndex(where: { $0 != nil }), let value = line.values[last] {
                out.append(
                    "<text x=\"\(decimal(x(last) + 10))\" y=\"\(decimal(y(value) + 4))\" fill=\"\(color)\">"
                        + "\(label) \(Catalogue.number(value, .score, language))</text>")
            }
            // The bases under the axis, one row per line: n per month, a small base marked.
            let rowY = plotBottom + 34 + 16 * k
            out.append("<text x=\"\(width - right + 26)\" y=\"\(rowY)\" fill=\"\(color)\">n: \(label)</text>")
            for (i, base) in line.bases.enumerated() {
                let small = base < series.minBase
                out.append(
                    "<text x=\"\(decimal(x(i)))\" y=\"\(rowY)\" text-anchor=\"middle\" fill=\"\(color)\""
                        + (small ? " font-style=\"italic\"" : "") + ">\(base)\(small ? "*" : "")</text>")
            }
        }
        let note = esc(Catalogue.text(.phrase(.seasonSmallBase), language))
        out.append(
            "<circle cx=\"\(width - right + 14)\" cy=\"\(top + 4)\" r=\"3.5\" fill=\"#fff\" stroke=\"#1f4e8c\"/>"
                + "<text x=\"\(width - right + 22)\" y=\"\(top + 8)\">* \(note) (n &lt; \(series.minBase))</text>")
        out.append("</svg>")
        return out.joined(separator: "\n")
    }

    /// Importance (share of R²) up, performance (points) across, split at the means: top left is what to work
    /// on first. Each point is labelled with its name; the quadrants are named in the report's language.
    static func quadrant(_ chart: QuadrantChart, title: String, _ language: ReportLanguage) -> String {
        let width = 720
        let height = 380
        let left = 60
        let right = 30
        let top = 30
        let bottom = 46
        let range = chart.performanceRange
        let importanceHigh = chart.importanceHigh
        // Points are kept clear of the frame, so that one at an end of an axis stays readable.
        let inset = 18.0
        func x(_ v: Double) -> Double {
            Double(left) + inset + (Double(width - left - right) - 2 * inset) * (v - range.low)
                / max(range.high - range.low, 1)
        }
        func y(_ v: Double) -> Double {
            Double(top) + inset + (Double(height - top - bottom) - 2 * inset) * (1 - v / importanceHigh)
        }
        func say(_ phrase: Phrase) -> String { esc(Catalogue.text(.phrase(phrase), language)) }
        var out = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
                + "viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(esc(title))\" font-size=\"11\">",
            "<text x=\"0\" y=\"14\" font-size=\"13\" font-weight=\"600\">\(esc(title))</text>",
            "<rect x=\"\(left)\" y=\"\(top)\" width=\"\(width - left - right)\" height=\"\(height - top - bottom)\" "
                + "fill=\"none\" stroke=\"#333\"/>",
        ]
        let midX = decimal(x(chart.meanPerformance))
        let midY = decimal(y(chart.meanImportance))
        out.append(
            "<line x1=\"\(midX)\" y1=\"\(top)\" x2=\"\(midX)\" y2=\"\(height - bottom)\" stroke=\"#777\" "
                + "stroke-dasharray=\"4 3\"/><line x1=\"\(left)\" y1=\"\(midY)\" x2=\"\(width - right)\" "
                + "y2=\"\(midY)\" stroke=\"#777\" stroke-dasharray=\"4 3\"/>")
        let corners: [(Phrase, Int, Int, String)] = [
            (.quadrantWorkOnFirst, left + 6, top + 14, "start"),
            (.quadrantKeepItUp, width - right - 6, top + 14, "end"),
            (.quadrantLowerPriority, left + 6, height - bottom - 6, "start"),
            (.quadrantMaintain, width - right - 6, height - bottom - 6, "end"),
        ]
        for (phrase, cx, cy, anchor) in corners {
            out.append(
                "<text x=\"\(cx)\" y=\"\(cy)\" text-anchor=\"\(anchor)\" font-style=\"italic\" fill=\"#444\">"
                    + "\(say(phrase))</text>")
        }
        for point in chart.points {
            let px = x(point.performance)
            let py = y(point.importance)
            let anchor = px > Double(width - right - 230) ? "end" : "start"
            let offset = anchor == "end" ? -7.0 : 7.0
            out.append(
                "<circle cx=\"\(decimal(px))\" cy=\"\(decimal(py))\" r=\"4\" fill=\"#1f4e8c\"/>"
                    + "<text x=\"\(decimal(px + offset))\" y=\"\(decimal(py + 4))\" text-anchor=\"\(anchor)\" "
                    + "paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"3\">"
                    + "\(esc(point.label)) (\(Catalogue.number(point.performance, .score, language)); "
                    + "\(Catalogue.number(point.importance, .percent, language)))</text>")
        }
        for tick in [range.low, range.high] {
            out.append(
                "<text x=\"\(decimal(x(tick)))\" y=\"\(height - bottom + 14)\" text-anchor=\"middle\">"
                    + "\(Catalogue.number(tick, .count, language))</text>")
        }
        out.append(
            "<text x=\"\(left - 6)\" y=\"\(decimal(y(importanceHigh) + 4))\" text-anchor=\"end\">"
                + "\(Catalogue.number(importanceHigh, .count, language))</text>"
                + "<text x=\"\(left - 6)\" y=\"\(decimal(y(0) + 4))\" text-anchor=\"end\">0</text>")
        out.append(
            "<text x=\"\((left + width - right) / 2)\" y=\"\(height - 8)\" text-anchor=\"middle\">"
                + "\(say(.driversPerformance))</text>"
                + "<text x=\"14\" y=\"\((top + height - bottom) / 2)\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 14 \((top + height - bottom) / 2))\">\(say(.driversImportance))</text>")
        out.append("</svg>")
        return out.joined(separator: "\n")
    }
}
