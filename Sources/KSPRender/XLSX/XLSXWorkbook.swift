import Foundation
import KSPCore
import ZIPFoundation

/// A cell of a worksheet as ksp writes it.
public enum XLSXCell: Sendable, Equatable {
    case empty
    case text(String)
    /// A column header: bold.
    case header(String)
    /// A number shown with this many decimals (0, 1, or 4 for p-values); nil decimals: as it is (General).
    case number(Double, decimals: Int?)
    /// A date and time: Excel's day count (days since 1899-12-30), shown `yyyy-mm-dd hh:mm:ss`.
    case dateTime(Double)
}

public struct XLSXSheet: Sendable, Equatable {
    public var name: String
    public var rows: [[XLSXCell]]

    public init(name: String, rows: [[XLSXCell]]) {
        self.name = name
        self.rows = rows
    }
}

/// A minimal SpreadsheetML workbook (the parts Excel and LibreOffice require: content types, relationships,
/// workbook, styles, one worksheet per sheet), strings inline, zipped with ZIPFoundation.
public struct XLSXWorkbook: Sendable {
    public var sheets: [XLSXSheet]

    public init(sheets: [XLSXSheet]) {
        self.sheets = sheets
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The bytes of the .xlsx file.
    public func data() throws(Failure) -> Data {
        let names = XLSXWorkbook.sheetNames(sheets.map(\.name))
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            var parts: [(String, String)] = [
                ("[Content_Types].xml", contentTypes),
                ("_rels/.rels", packageRelationships),
                ("xl/workbook.xml", workbook(names)),
                ("xl/_rels/workbook.xml.rels", workbookRelationships),
                ("xl/styles.xml", XLSXWorkbook.styles),
            ]
            for (index, sheet) in sheets.enumerated() {
                parts.append(("xl/worksheets/sheet\(index + 1).xml", XLSXWorkbook.worksheet(sheet)))
            }
            for (path, text) in parts {
                let bytes = Data(text.utf8)
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(bytes.count),
                    modificationDate: XLSXWorkbook.fixedDate, compressionMethod: .deflate
                ) { position, size in
                    bytes.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw Failure(description: "the workbook could not be zipped") }
            return data
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "the workbook could not be zipped: \(error)")
        }
    }

    /// Entries carry one date, so that the same results give the same bytes.
    static let fixedDate = Date(timeIntervalSince1970: 1_704_067_200)

    /// Excel's rules for sheet names: 1–31 characters, none of `[]:*?/\`, not starting or ending with `'`,
    /// unique regardless of case; a clash gets ` (2)`, ` (3)` …
    static func sheetNames(_ wanted: [String]) -> [String] {
        var used = Set<String>()
        return wanted.enumerated().map { index, name in
            // Forbidden characters become spaces, and runs of spaces one: `Bank: ranking [2024]` → `Bank ranking 2024`.
            let spaced = name.map { "[]:*?/\\".contains($0) || $0.isWhitespace ? " " : $0 }
            var cleaned = String(spaced).split(separator: " ").joined(separator: " ")
                .trimmingCharacters(in: CharacterSet(charactersIn: "'"))
            if cleaned.isEmpty { cleaned = "Result \(index + 1)" }
            cleaned = String(cleaned.prefix(31))
            var candidate = cleaned
            var number = 2
            while used.contains(candidate.lowercased()) {
                let suffix = " (\(number))"
                candidate = String(cleaned.prefix(31 - suffix.count)) + suffix
                number += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }

    private var contentTypes: String {
        var xml = XMLWriter()
        xml.element("Types", ["xmlns": "http://schemas.openxmlformats.org/package/2006/content-types"]) { xml in
            xml.element(
                "Default",
                ["Extension": "rels", "ContentType": "application/vnd.openxmlformats-package.relationships+xml"])
            xml.element("Default", ["Extension": "xml", "ContentType": "application/xml"])
            xml.element(
                "Override",
                [
                    "PartName": "/xl/workbook.xml",
                    "ContentType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                ])
            xml.element(
                "Override",
                [
                    "PartName": "/xl/styles.xml",
                    "ContentType": "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
                ])
            for index in sheets.indices {
                xml.element(
                    "Override",
                    [
                        "PartName": "/xl/worksheets/sheet\(index + 1).xml",
                        "ContentType": "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
                    ])
            }
        }
        return xml.text
    }

    private var packageRelationships: String {
        var xml = XMLWriter()
        xml.element("Relationships", ["xmlns": "http://schemas.openxmlformats.org/package/2006/relationships"]) {
            xml in
            xml.element(
                "Relationship",
                [
                    "Id": "rId1", "Target": "xl/workbook.xml",
                    "Type": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
                ])
        }
        return xml.text
    }

    private func workbook(_ names: [String]) -> String {
        var xml = XMLWriter()
        xml.element(
            "workbook",
            [
                "xmlns": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                "xmlns:r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
            ]
        ) { xml in
            xml.element("sheets") { xml in
                for (index, name) in names.enumerated() {
                    xml.element("sheet", ["name": name, "sheetId": "\(index + 1)", "r:id": "rId\(index + 1)"])
                }
            }
        }
        return xml.text
    }

    private var workbookRelationships: String {
        var xml = XMLWriter()
        xml.element("Relationships", ["xmlns": "http://schemas.openxmlformats.org/package/2006/relationships"]) {
            xml in
            for index in sheets.indices {
                xml.element(
                    "Relationship",
                    [
                        "Id": "rId\(index + 1)", "Target": "worksheets/sheet\(index + 1).xml",
                        "Type": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
                    ])
            }
            xml.element(
                "Relationship",
                [
                    "Id": "rId\(sheets.count + 1)", "Target": "styles.xml",
                    "Type": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
                ])
        }
        return xml.text
    }

    /// Cell styles by index: 0 plain, 1 bold (headers), 2 `0.0`, 3 `0`, 4 p-values (`0.0000`), 5 date-times.
    static let styles: String = {
        var xml = XMLWriter()
        xml.element("styleSheet", ["xmlns": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"]) { xml in
            xml.element("numFmts", ["count": "3"]) { xml in
                xml.element("numFmt", ["numFmtId": "164", "formatCode": "0.0"])
                // p-values as csv writes them: four decimals, scientific below 0.0001.
                xml.element("numFmt", ["numFmtId": "165", "formatCode": "[<0.0001]0.00E+00;0.0000"])
                xml.element("numFmt", ["numFmtId": "166", "formatCode": "yyyy-mm-dd hh:mm:ss"])
            }
            xml.element("fonts", ["count": "2"]) { xml in
                xml.element("font") { xml in
                    xml.element("sz", ["val": "11"])
                    xml.element("name", ["val": "Calibri"])
                }
                xml.element("font") { xml in
                    xml.element("b")
                    xml.element("sz", ["val": "11"])
                    xml.element("name", ["val": "Calibri"])
                }
            }
            xml.element("fills", ["count": "2"]) { xml in
                xml.element("fill") { xml in xml.element("patternFill", ["patternType": "none"]) }
                xml.element("fill") { xml in xml.element("patternFill", ["patternType": "gray125"]) }
            }
            xml.element("borders", ["count": "1"]) { xml in
                xml.element("border") { xml in
                    for side in ["left", "right", "top", "bottom", "diagonal"] { xml.element(side) }
                }
            }
            xml.element("cellStyleXfs", ["count": "1"]) { xml in
                xml.element("xf", ["numFmtId": "0", "fontId": "0", "fillId": "0", "borderId": "0"])
            }
            xml.element("cellXfs", ["count": "6"]) { xml in
                xml.element("xf", ["numFmtId": "0", "fontId": "0", "fillId": "0", "borderId": "0", "xfId": "0"])
                xml.element(
                    "xf",
                    ["numFmtId": "0", "fontId": "1", "fillId": "0", "borderId": "0", "xfId": "0", "applyFont": "1"])
                for format in ["164", "1", "165", "166"] {
                    xml.element(
                        "xf",
                        [
                            "numFmtId": format, "fontId": "0", "fillId": "0", "borderId": "0", "xfId": "0",
                            "applyNumberFormat": "1",
                        ])
                }
            }
            xml.element("cellStyles", ["count": "1"]) { xml in
                xml.element("cellStyle", ["name": "Normal", "xfId": "0", "builtinId": "0"])
            }
        }
        return xml.text
    }()

    static func worksheet(_ sheet: XLSXSheet) -> String {
        var xml = XMLWriter()
        xml.element("worksheet", ["xmlns": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"]) { xml in
            xml.element("sheetData") { xml in
                for (rowIndex, row) in sheet.rows.enumerated() {
                    xml.element("row", ["r": "\(rowIndex + 1)"]) { xml in
                        for (columnIndex, cell) in row.enumerated() {
                            let reference = XLSXCellReference.columnName(columnIndex) + "\(rowIndex + 1)"
                            write(cell, at: reference, into: &xml)
                        }
                    }
                }
            }
        }
        return xml.text
    }

    private static func write(_ cell: XLSXCell, at reference: String, into xml: inout XMLWriter) {
        switch cell {
        case .empty:
            return
        case .text(let text), .header(let text):
            let style = cell == .header(text) ? "1" : "0"
            xml.element("c", ["r": reference, "t": "inlineStr", "s": style]) { xml in
                xml.element("is") { xml in
                    xml.element("t", ["xml:space": "preserve"]) { xml in xml.characters(text) }
                }
            }
        case .number(let value, let decimals):
            let style: String
            switch decimals {
            case 0: style = "3"
            case 1: style = "2"
            case 4: style = "4"
            default: style = "0"
            }
            writeNumber(value, style: style, at: reference, into: &xml)
        case .dateTime(let serial):
            writeNumber(serial, style: "5", at: reference, into: &xml)
        }
    }

    private static func writeNumber(_ value: Double, style: String, at reference: String, into xml: inout XMLWriter) {
        guard value.isFinite else { return }
        xml.element("c", ["r": reference, "s": style]) { xml in
            // Whole numbers as whole numbers (`25`, not `25.0`): readers then see an integer.
            let text = value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
            xml.element("v") { xml in xml.characters(text) }
        }
    }
}
