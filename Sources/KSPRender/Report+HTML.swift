import KSPQuery

/// A report as one HTML file: no external URL, inline CSS and SVG.
extension Report {
    public var html: String {
        func esc(_ s: String) -> String { HTMLText.escaped(s) }
        var out = [
            "<!DOCTYPE html>", "<html lang=\"no\"><head><meta charset=\"utf-8\">", "<title>\(esc(title))</title>",
            "<style>",
            "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2433}",
            "h1{margin-bottom:.2rem}h2{border-bottom:2px solid #d0d7e2;padding-bottom:.2rem;margin-top:2rem}",
            "table{border-collapse:collapse;margin:.6rem 0;font-size:.92rem}th,td{padding:.25rem .6rem;border-bottom:1px solid #e3e8ef}",
            "th{text-align:left;background:#f3f6fa}td.n{text-align:right;font-variant-numeric:tabular-nums}",
            "blockquote{margin:.4rem 0 .4rem 1rem;padding-left:.8rem;border-left:3px solid #9fb3c8;color:#394456}",
            ".sub{color:#5b6578}.note{color:#5b6578;font-size:.85rem}svg{display:block;margin:.6rem 0}",
            "</style></head><body>",
            "<h1>\(esc(title))</h1>", "<p class=\"sub\">\(esc(subtitle))</p>",
        ]
        for s in sections {
            out.append("<h2>\(esc(s.heading))</h2>")
            for b in s.blocks {
                switch b {
                case .text(let t): out.append("<p>\(esc(t))</p>")
                case .table(let t):
                    let v = t.visible(to: .people)
                    var rows = [
                        "<table><thead><tr>" + v.columns.map { "<th>\(esc($0.name))</th>" }.joined()
                            + "</tr></thead><tbody>"
                    ]
                    for r in v.rows {
                        rows.append(
                            "<tr>"
                                + zip(v.columns, r).map { c, cell in
                                    "<td\(c.isDimension ? "" : " class=\"n\"")>\(esc(TableRenderer.text(cell)))</td>"
                                }.joined() + "</tr>")
                    }
                    rows.append("</tbody></table>")
                    out.append(rows.joined())
                    out += v.notes.map { "<p class=\"note\">\(esc($0.text))</p>" }
                case .bars(let c): out.append(SVGChart.bars(c))
                case .trend(let c): out.append(SVGChart.trend(c))
                case .quotes(let groups):
                    for g in groups {
                        out.append("<h3>\(esc(g.area))</h3>")
                        out += g.items.map {
                            "<blockquote>\(esc($0).replacingOccurrences(of: "\n", with: "<br>"))</blockquote>"
                        }
                    }
                }
            }
        }
        out.append("</body></html>")
        return out.joined(separator: "\n")
    }
}
