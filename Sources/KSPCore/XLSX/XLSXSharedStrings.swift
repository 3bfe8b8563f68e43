import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The workbook's shared strings (xl/sharedStrings.xml), read with a streaming parser: each `<si>` is the
/// text of its `<t>` elements (rich-text runs joined), phonetic hints (`<rPh>`) left out.
final class XLSXSharedStrings: NSObject, XMLParserDelegate {
    private(set) var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false
    /// Shared strings beyond this many are refused: a crafted file must not exhaust memory.
    static let limit = 5_000_000

    static func read(_ data: Data) throws(XLSXReadFailure) -> [String] {
        let reader = XLSXSharedStrings()
        let parser = XMLParser(stream: InputStream(data: data))
        parser.delegate = reader
        guard parser.parse() else {
            throw XLSXReadFailure("xl/sharedStrings.xml is not well-formed XML (\(XLSXReadFailure.reason(parser)))")
        }
        return reader.strings
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch XLSXSharedStrings.localName(elementName) {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        switch XLSXSharedStrings.localName(elementName) {
        case "si":
            if strings.count >= XLSXSharedStrings.limit {
                parser.abortParsing()
                return
            }
            strings.append(current)
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }

    /// `x:si` → `si`: some writers prefix the spreadsheet namespace.
    static func localName(_ name: String) -> Substring {
        guard let colon = name.lastIndex(of: ":") else { return Substring(name) }
        return name[name.index(after: colon)...]
    }
}

/// Why a workbook could not be read.
public struct XLSXReadFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String

    init(_ description: String) {
        self.description = description
    }

    static func reason(_ parser: XMLParser) -> String {
        let line = parser.lineNumber
        let text = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "stopped"
        return "line \(line): \(text)"
    }
}
