import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// xl/workbook.xml: the first sheet's name and relationship, and whether dates count from 1904;
/// xl/_rels/workbook.xml.rels: where a relationship's part is.
final class XLSXWorkbookPart: NSObject, XMLParserDelegate {
    struct SheetEntry {
        var name: String
        var relationship: String
    }

    private(set) var firstSheet: SheetEntry?
    private(set) var date1904 = false
    private var wantedRelationship: String?
    private var foundTarget: String?

    static func read(_ data: Data) throws(XLSXReadFailure) -> XLSXWorkbookPart {
        let reader = XLSXWorkbookPart()
        let parser = XMLParser(stream: InputStream(data: data))
        parser.delegate = reader
        guard parser.parse() else {
            throw XLSXReadFailure("xl/workbook.xml is not well-formed XML (\(XLSXReadFailure.reason(parser)))")
        }
        return reader
    }

    static func target(of relationship: String, in data: Data) throws(XLSXReadFailure) -> String? {
        let reader = XLSXWorkbookPart()
        reader.wantedRelationship = relationship
        let parser = XMLParser(stream: InputStream(data: data))
        parser.delegate = reader
        guard parser.parse() || reader.foundTarget != nil else {
            throw XLSXReadFailure(
                "xl/_rels/workbook.xml.rels is not well-formed XML (\(XLSXReadFailure.reason(parser)))")
        }
        return reader.foundTarget
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch XLSXSharedStrings.localName(elementName) {
        case "sheet" where firstSheet == nil:
            // The relationship id is `r:id` in the officeDocument namespace, whatever its prefix.
            let relationship = attributes.first { $0.key == "id" || $0.key.hasSuffix(":id") }?.value ?? ""
            firstSheet = SheetEntry(name: attributes["name"] ?? "Sheet1", relationship: relationship)
        case "workbookPr":
            let value = attributes["date1904"]?.lowercased()
            date1904 = value == "1" || value == "true"
        case "Relationship" where attributes["Id"] == wantedRelationship && wantedRelationship != nil:
            foundTarget = attributes["Target"]
            parser.abortParsing()
        default: break
        }
    }
}
