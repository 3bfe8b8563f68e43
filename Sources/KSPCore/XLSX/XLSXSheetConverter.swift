import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The streaming parser of one worksheet: each row with a value becomes a CSV line.
final class XLSXSheetConverter: NSObject, XMLParserDelegate {
    private let strings: [String]
    private let dateKinds: [XLSXStyles.DateKind?]
    /// Day number (since 1970) of serial 0: 1899-12-30, or 1904-01-01 in the 1904 date system.
    private let epochDay: Int

    private(set) var csv: [UInt8] = []
    /// Sheet row of each CSV line (index 0 unused).
    private(set) var rowOfLine: [Int32] = [0]
    private(set) var failure: XLSXReadFailure?

    private var headerWidth: Int?
    private var rowNumber = 0
    private var cells: [String] = []
    private var cellColumn = -1
    private var cellType = ""
    private var cellStyle = 0
    private var cellReference = ""
    private var value = ""
    private var collecting = false
    private var inInlineString = false

    init(strings: [String], dateKinds: [XLSXStyles.DateKind?], date1904: Bool) {
        self.strings = strings
        self.dateKinds = dateKinds
        epochDay = date1904 ? -24_107 : -25_569
    }

    private func fail(_ parser: XMLParser, _ message: String) {
        if failure == nil { failure = XLSXReadFailure(message) }
        parser.abortParsing()
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch XLSXSharedStrings.localName(elementName) {
        case "row":
            let next = rowNumber + 1
            rowNumber = attributes["r"].flatMap { Int($0) } ?? next
            guard rowNumber >= next, rowNumber <= XLSXCellReference.maximumRows else {
                fail(parser, "row \(attributes["r"] ?? "") is out of order or beyond Excel's last row")
                return
            }
            cells = []
            cellColumn = -1
        case "c":
            cellReference = attributes["r"] ?? ""
            if cellReference.isEmpty {
                cellColumn += 1
            } else if let column = XLSXCellReference.column(of: cellReference) {
                cellColumn = column
            } else {
                fail(parser, "cell \(cellReference) is not a cell reference Excel can hold")
                return
            }
            guard cellColumn < XLSXCellReference.maximumColumns else {
                fail(parser, "a cell lies beyond Excel's last column (XFD)")
                return
            }
            cellType = attributes["t"] ?? "n"
            cellStyle = attributes["s"].flatMap { Int($0) } ?? 0
            value = ""
        case "v": collecting = true
        case "is": inInlineString = true
        case "t" where inInlineString: collecting = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { value += string }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        switch XLSXSharedStrings.localName(elementName) {
        case "v", "t": collecting = false
        case "is": inInlineString = false
        case "c":
            // A cell end without its start (a damaged sheet) has no column: nothing to place.
            guard cellColumn >= 0, let text = cellText(parser), !text.isEmpty else { return }
            if cells.count <= cellColumn { cells += [String](repeating: "", count: cellColumn + 1 - cells.count) }
            cells[cellColumn] = text
        case "row": emitRow()
        default: break
        }
    }

    /// The cell's value as the CSV would hold it; nil after a failure.
    private func cellText(_ parser: XMLParser) -> String? {
        switch cellType {
        case "s":
            guard let index = Int(value.trimmingCharacters(in: .whitespaces)), strings.indices.contains(index) else {
                let place = cellReference.isEmpty ? "a cell" : "cell \(cellReference)"
                fail(parser, "\(place) refers to shared string \(value), which the workbook does not hold")
                return nil
            }
            return strings[index]
        case "b": return value.trimmingCharacters(in: .whitespaces) == "1" ? "1" : "0"
        case "inlineStr", "str", "e", "d": return value
        default:
            let number = value.trimmingCharacters(in: .whitespaces)
            guard dateKinds.indices.contains(cellStyle), let kind = dateKinds[cellStyle], let serial = Double(number)
            else { return number }
            return dateText(serial: serial, kind: kind) ?? number
        }
    }

    /// `2024-01-15T09:30:00` for a day count (the time only when the style shows one or the time is not 0:00).
    private func dateText(serial: Double, kind: XLSXStyles.DateKind) -> String? {
        // Years 1900–9999: anything else is not a date a season holds; left as the number.
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let totalSeconds = Int((serial * 86_400).rounded())
        let day = totalSeconds / 86_400
        let second = totalSeconds % 86_400
        let date = CivilDate(dayNumber: epochDay + day)
        guard kind == .dateTime || second != 0 else { return date.description }
        let hours = second / 3_600
        let minutes = second / 60 % 60
        let seconds = second % 60
        let time = [hours, minutes, seconds].map(pad2).joined(separator: ":")
        return "\(date)T\(time)"
    }

    private func emitRow() {
        guard let lastValue = cells.lastIndex(where: { !$0.isEmpty }) else { return }
        let width = max(headerWidth ?? 0, lastValue + 1)
        if headerWidth == nil { headerWidth = width }
        var fields = Array(cells.prefix(width))
        if fields.count < width { fields += [String](repeating: "", count: width - fields.count) }
        let line = fields.map(csvField).joined(separator: ",")
        csv.append(contentsOf: line.utf8)
        csv.append(10)
        let lines = 1 + line.utf8.reduce(0) { $1 == 10 ? $0 + 1 : $0 }
        rowOfLine += [Int32](repeating: Int32(rowNumber), count: lines)
    }
}
