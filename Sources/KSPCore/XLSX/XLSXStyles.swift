import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Which cell styles of a workbook show dates (xl/styles.xml): a date cell holds a day count, which the
/// season's files want as `2024-01-15T09:30:00`.
final class XLSXStyles: NSObject, XMLParserDelegate {
    enum DateKind { case date, dateTime }

    /// By style index (the `s` attribute of a cell): nil for a number that is not a date.
    private(set) var dateKinds: [DateKind?] = []
    private var customFormats: [Int: String] = [:]
    private var inCellFormats = false

    static func read(_ data: Data) throws(XLSXReadFailure) -> [DateKind?] {
        let reader = XLSXStyles()
        let parser = XMLParser(stream: InputStream(data: data))
        parser.delegate = reader
        guard parser.parse() else {
            throw XLSXReadFailure("xl/styles.xml is not well-formed XML (\(XLSXReadFailure.reason(parser)))")
        }
        return reader.dateKinds
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch XLSXSharedStrings.localName(elementName) {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] {
                customFormats[id] = code
            }
        case "cellXfs": inCellFormats = true
        case "xf" where inCellFormats:
            let id = attributes["numFmtId"].flatMap { Int($0) } ?? 0
            dateKinds.append(XLSXStyles.dateKind(formatID: id, code: customFormats[id]))
        default: break
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        if XLSXSharedStrings.localName(elementName) == "cellXfs" { inCellFormats = false }
    }

    /// Excel's built-in date formats (14–22, 27–36, 45–47, 50–58) and any custom format whose code, outside
    /// quoted text and `[…]` sections, holds d, m, y, h or s.
    static func dateKind(formatID: Int, code: String?) -> DateKind? {
        switch formatID {
        case 14...17, 27...31, 34...36, 50...58: return .date
        case 18...22, 32, 33, 45...47: return .dateTime
        default: break
        }
        guard let code else { return nil }
        var quoted = false
        var bracketed = false
        var hasDate = false
        var hasTime = false
        var escaped = false
        for character in code.lowercased() {
            if escaped {
                escaped = false
                continue
            }
            let counts = !quoted && !bracketed
            switch character {
            case "\\": escaped = true
            case "\"": quoted.toggle()
            case "[" where !quoted: bracketed = true
            case "]" where !quoted: bracketed = false
            case "d", "m", "y": hasDate = hasDate || counts
            case "h", "s": hasTime = hasTime || counts
            default: break
            }
        }
        if hasTime { return .dateTime }
        return hasDate ? .date : nil
    }
}
