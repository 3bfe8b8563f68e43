import Foundation
import KSPQuery

/// An array of objects keyed like the csv header; numbers as numbers, missing as null.
public enum JSONRenderer {
    public static func render(_ t: ResultTable) -> String {
        var items: [String] = []
        for row in t.rows {
            let fields = zip(t.columns, row).map { column, cell -> String in
                let value: String
                switch cell.value {
                case .text(let s): value = quote(s)
                case .number(let v, let style):
                    let m = NumberFormat.machine(v, style)
                    value = m.isEmpty ? "null" : m
                case .interval, .significance, .significanceLevel: value = quote(CSVRenderer.machineText(cell))
                }
                return quote(column.name) + ": " + value
            }
            items.append("  {" + fields.joined(separator: ", ") + "}")
        }
        return items.isEmpty ? "[]" : "[\n" + items.joined(separator: ",\n") + "\n]"
    }

    public static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}
