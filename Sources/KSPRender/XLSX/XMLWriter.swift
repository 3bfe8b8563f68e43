/// Builds XML text: elements with attributes and escaped character data. Written once for the workbook
/// parts, so that every name, comment and title (quotes, `&`, `<`, æøå, control characters) ends up as
/// well-formed XML.
struct XMLWriter {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// `<name a="v">…</name>`; the body writes the content (nothing: `<name a="v"/>`).
    mutating func element(
        _ name: String, _ attributes: KeyValuePairs<String, String> = [:], body: ((inout XMLWriter) -> Void)? = nil
    ) {
        text += "<" + name
        for (key, value) in attributes { text += " " + key + "=\"" + XMLWriter.escaped(value) + "\"" }
        guard let body else {
            text += "/>"
            return
        }
        text += ">"
        body(&self)
        text += "</" + name + ">"
    }

    /// Character data, escaped.
    mutating func characters(_ content: String) {
        text += XMLWriter.escaped(content)
    }

    /// `&`, `<`, `>` and `"` as entities; characters XML 1.0 cannot hold at all (control characters other
    /// than tab and line breaks, U+FFFE, U+FFFF) dropped — Excel refuses a file holding them.
    static func escaped(_ content: String) -> String {
        var result = ""
        result.reserveCapacity(content.utf8.count)
        for scalar in content.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
