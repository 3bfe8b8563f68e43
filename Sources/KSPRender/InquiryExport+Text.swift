import KSPCore
import KSPQuery

/// The export as csv (a header row) or JSON lines (one object per inquiry). Numbers keep up to six
/// decimals, so that a mean computed from the export rounds to the figure ksp shows.
extension InquiryExport {
    public var csv: String {
        var lines = [columns.map(csvField).joined(separator: ",")]
        lines.reserveCapacity(rows.count + 1)
        for row in rows {
            lines.append(
                row.map { value in
                    switch value {
                    case .text(let text): return csvField(text)
                    case .number(let number): return InquiryExport.numberText(number)
                    case .missing: return ""
                    }
                }
                .joined(separator: ","))
        }
        return lines.joined(separator: "\n")
    }

    public var jsonLines: String {
        let keys = columns.map(JSONRenderer.quote)
        var lines: [String] = []
        lines.reserveCapacity(rows.count)
        for row in rows {
            let fields = zip(keys, row).map { key, value in
                switch value {
                case .text(let text): return key + ": " + JSONRenderer.quote(text)
                case .number(let number): return key + ": " + InquiryExport.numberText(number)
                case .missing: return key + ": null"
                }
            }
            lines.append("{" + fields.joined(separator: ", ") + "}")
        }
        return lines.joined(separator: "\n")
    }

    /// `25`, `71.533333`, `-0.5`: six decimals at most, trailing zeros dropped.
    public static func numberText(_ number: Double) -> String {
        var text = NumberFormat.decimals(number, 6)
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}
