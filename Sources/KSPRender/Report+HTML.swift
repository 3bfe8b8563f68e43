import KSPCore
import KSPQuery

/// A report as one print-ready HTML file: no external URL, inline CSS and SVG, A4 pages on which no table or
/// chart is cut, readable in black and white (arrows and dashes, not colour alone, carry the meaning).
extension Report {
    static let htmlStyle = [
        "@page{size:A4;margin:16mm 15mm}*{box-sizing:border-box}",
        "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:48rem;margin:1.5rem auto;"
            + "padding:0 1rem;color:#111;font-size:10.5pt;line-height:1.35}",
        "h1{font-size:19pt;margin:0 0 .2rem}h2{font-size:14pt;border-bottom:2px solid #333;padding-bottom:.15rem;"
            + "margin:1.6rem 0 .6rem;break-after:avoid}",
        "h3{font-size:11.5pt;margin:1rem 0 .3rem;break-after:avoid}",
        "table{border-collapse:collapse;margin:.4rem 0;width:100%}th,td{padding:.2rem .45rem;"
            + "border-bottom:1px solid #bbb;vertical-align:top}",
        // Number columns as narrow as their figures (a long header wraps); the text columns get the rest.
        "th{text-align:left;border-bottom:1.5px solid #333;font-weight:600}th.n,td.n{text-align:right;width:1%;"
            + "font-variant-numeric:tabular-nums}th.n{min-width:5.5em}td.n{white-space:nowrap}",
        ".keep,table,svg,figure,.figures{break-inside:avoid}figure{margin:.6rem 0}",
        ".figures{display:grid;grid-template-columns:repeat(3,1fr);gap:.5rem;margin:.6rem 0 1rem}",
        ".figure{border:1px solid #555;padding:.45rem .6rem}.figure .label{font-size:9pt;color:#333}",
        ".figure .value{font-size:17pt;font-weight:700}.figure .detail{font-size:8.5pt;color:#333}",
        "blockquote{margin:.3rem 0 .3rem .6rem;padding-left:.6rem;border-left:3px solid #666;break-inside:avoid}",
        ".sub{color:#333;margin-top:0}.note{color:#333;font-size:8.5pt;margin:.2rem 0 .6rem}",
        "svg{display:block;max-width:100%;height:auto}",
        ".page{break-before:page}",
        "@media print{body{margin:0;max-width:none;padding:0}}",
    ].joined(separator: "\n")

    public var html: String {
        func say(_ wording: Wording) -> String { HTMLText.escaped(Catalogue.text(wording, language)) }
        let title = say(self.title)
        var out = [
            "<!DOCTYPE html>", "<html lang=\"\(language.rawValue)\"><head><meta charset=\"utf-8\">",
            "<title>\(title)</title>", "<style>", Report.htmlStyle, "</style></head><body>",
            "<h1>\(title)</h1>",
            "<p class=\"sub\">\(subtitle.map(say).filter { !$0.isEmpty }.joined(separator: " · "))</p>",
        ]
        for section in sections {
            // Page one is the summary; the detail starts on a page of its own.
            out.append(section.startsPage ? "<section class=\"page\">" : "<section>")
            out.append("<h2>\(say(section.heading))</h2>")
            // A sentence that introduces a table stays on its page.
            var blocks = section.blocks[...]
            while let block = blocks.popFirst() {
                if case .text = block, case .table? = blocks.first, let table = blocks.popFirst() {
                    out.append("<div class=\"keep\">" + html(block) + html(table) + "</div>")
                } else {
                    out.append(html(block))
                }
            }
            out.append("</section>")
        }
        out.append("</body></html>")
        return out.joined(separator: "\n")
    }

    func html(_ block: Block) -> String {
        func say(_ wording: Wording) -> String { HTMLText.escaped(Catalogue.text(wording, language)) }
        switch block {
        case .text(let text): return "<p>\(say(text))</p>"
        case .keyFigures(let figures):
            let cards = figures.map { figure in
                let arrow = figure.difference.map { $0 == .above ? " ▲" : " ▼" } ?? ""
                return "<div class=\"figure\"><div class=\"label\">\(say(figure.label))</div>"
                    + "<div class=\"value\">\(say(figure.value))\(arrow)</div>"
                    + (figure.detail.map { "<div class=\"detail\">\(say($0))</div>" } ?? "") + "</div>"
            }
            return "<div class=\"figures\">" + cards.joined() + "</div>"
        case .table(let table): return html(table)
        case .bars(let chart, let title, let reference):
            var localized = chart
            localized.title = Catalogue.text(title, language)
            localized.reference = chart.reference.map {
                (reference.map { Catalogue.text($0, language) } ?? "", $0.value)
            }
            return "<figure>" + SVGChart.bars(localized, language: language) + "</figure>"
        case .months(let series): return "<figure>" + SVGChart.months(series, language) + "</figure>"
        case .quadrant(let chart, let title):
            return "<figure>" + SVGChart.quadrant(chart, title: Catalogue.text(title, language), language) + "</figure>"
        case .quotes(let groups):
            return groups.map { group in
                "<h3>\(say(group.area))</h3>"
                    + group.items.map {
                        "<blockquote>\(HTMLText.escaped($0).replacingOccurrences(of: "\n", with: "<br>"))</blockquote>"
                    }.joined()
            }.joined(separator: "\n")
        }
    }

    func html(_ table: ReportTable) -> String {
        func say(_ wording: Wording) -> String { HTMLText.escaped(Catalogue.text(wording, language)) }
        var out = ["<div class=\"keep\">"]
        if let heading = table.heading { out.append("<h3>\(say(heading))</h3>") }
        out.append(
            "<table><thead><tr>"
                + table.columns.map { "<th\($0.isText ? "" : " class=\"n\"")>\(say($0.header))</th>" }.joined()
                + "</tr></thead><tbody>")
        for row in table.rows {
            let cells = zip(table.columns, row).map { column, entry in
                let text: String
                switch entry {
                case .words(let wording): text = say(wording)
                case .cell(let cell): text = HTMLText.escaped(Catalogue.cell(cell, language))
                }
                return "<td\(column.isText ? "" : " class=\"n\"")>\(text)</td>"
            }
            out.append("<tr>" + cells.joined() + "</tr>")
        }
        out.append("</tbody></table>")
        out += table.notes.map { "<p class=\"note\">\(say($0))</p>" }
        out.append("</div>")
        return out.joined(separator: "\n")
    }
}
