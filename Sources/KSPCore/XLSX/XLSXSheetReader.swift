import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads the first worksheet of an .xlsx workbook into the CSV text the season loader reads, so that one
/// set of rules checks both; `XLSXLocations` turns the CSV's lines and fields back into the sheet's cells
/// (`inquiries.xlsx:Ark1!G17`). The sheet is parsed as a stream (XMLParser): no tree of a large sheet.
///
/// Cells: shared strings, inline strings and formula results as their text; numbers as written (`5`,
/// `4.5`); a number in a date style as `2024-01-15T09:30:00` (or `2024-01-15` for a date alone); a boolean
/// as 1/0; an error (`#N/A`) as its text, which the loader then names as a bad value. Rows with no value are
/// left out (an empty row at the end of an export is common).
public enum XLSXSheetReader {
    public struct Sheet: Sendable {
        /// The CSV text of the sheet.
        public var csv: [UInt8]
        public var locations: XLSXLocations
    }

    /// Parts bigger than this (unpacked) are refused: a small crafted zip must not unpack to gigabytes.
    static let partLimit = 1_500_000_000

    public static func read(path: String, fileName: String) throws(XLSXReadFailure) -> Sheet {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw XLSXReadFailure("not an Excel workbook (the zip cannot be opened); expected an .xlsx file")
        }
        return try read(archive, fileName: fileName)
    }

    static func read(_ archive: Archive, fileName: String) throws(XLSXReadFailure) -> Sheet {
        guard let workbookData = try part("xl/workbook.xml", in: archive) else {
            throw XLSXReadFailure("not an Excel workbook (no xl/workbook.xml); expected an .xlsx file")
        }
        let workbook = try XLSXWorkbookPart.read(workbookData)
        guard let first = workbook.firstSheet else {
            throw XLSXReadFailure("the workbook has no worksheet; expected the data on the first sheet")
        }
        var sheetPath = "xl/worksheets/sheet1.xml"
        if let relationships = try part("xl/_rels/workbook.xml.rels", in: archive),
            let target = try XLSXWorkbookPart.target(of: first.relationship, in: relationships)
        {
            sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        guard let sheetData = try part(sheetPath, in: archive) else {
            throw XLSXReadFailure("the first sheet (\(first.name)) is missing from the workbook (\(sheetPath))")
        }
        let strings = try part("xl/sharedStrings.xml", in: archive).map { data throws(XLSXReadFailure) in
            try XLSXSharedStrings.read(data)
        }
        let dateKinds = try part("xl/styles.xml", in: archive).map { data throws(XLSXReadFailure) in
            try XLSXStyles.read(data)
        }
        let converter = XLSXSheetConverter(
            strings: strings ?? [], dateKinds: dateKinds ?? [], date1904: workbook.date1904)
        // Fed as a stream (in chunks): libxml2 refuses a document handed over whole beyond 10 MB.
        let parser = XMLParser(stream: InputStream(data: sheetData))
        parser.delegate = converter
        let parsed = parser.parse()
        if let failure = converter.failure { throw failure }
        guard parsed else {
            throw XLSXReadFailure("the first sheet is not well-formed XML (\(XLSXReadFailure.reason(parser)))")
        }
        return Sheet(
            csv: converter.csv,
            locations: XLSXLocations(
                file: fileName, sheet: first.name, rowOfLine: converter.rowOfLine))
    }

    /// A part of the package, unpacked (nil when the workbook has none).
    static func part(_ path: String, in archive: Archive) throws(XLSXReadFailure) -> Data? {
        guard let entry = archive[path] else { return nil }
        guard entry.uncompressedSize <= partLimit else {
            throw XLSXReadFailure("\(path) unpacks to more than 1.5 GB; expected a season's data")
        }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                if data.count > partLimit { throw XLSXReadFailure("\(path) unpacks to more than 1.5 GB") }
            }
        } catch let failure as XLSXReadFailure {
            throw failure
        } catch {
            throw XLSXReadFailure("\(path) cannot be unpacked (\(error)); the workbook is damaged")
        }
        // Spreadsheet parts are UTF-8. Checked before parsing: Foundation's XMLParser traps on an element name
        // that is not UTF-8 (found by the fuzzer), where a damaged file must give an error instead.
        guard data.withUnsafeBytes({ String(validating: $0, as: UTF8.self) }) != nil else {
            throw XLSXReadFailure("\(path) is not UTF-8 text; the workbook is damaged")
        }
        return data
    }
}

/// Maps the CSV made from a sheet back to the sheet: line → row, field → column letter.
public struct XLSXLocations: Sendable {
    /// `inquiries.xlsx`
    public var file: String
    /// `Ark1`
    public var sheet: String
    /// Index: the CSV line (1-based; index 0 unused); value: the sheet row.
    var rowOfLine: [Int32]

    /// `Ark1!G17` for a field, `Ark1!17:17` for a whole row; nil for the file as a whole.
    public func cell(line: Int, column: Int) -> String? {
        guard line > 0, line < rowOfLine.count else { return nil }
        let row = rowOfLine[line]
        let prefix = XLSXCellReference.sheetPrefix(sheet) + "!"
        guard column > 0 else { return prefix + "\(row):\(row)" }
        return prefix + XLSXCellReference.columnName(column - 1) + "\(row)"
    }

    /// A diagnostic of the CSV (named `csvFile`) moved to the sheet's file and cell.
    public func relocate(_ diagnostic: SeasonDiagnostic, csvFile: String) -> SeasonDiagnostic {
        guard diagnostic.file == csvFile else { return diagnostic }
        var moved = diagnostic
        moved.file = file
        moved.cell = cell(line: diagnostic.line, column: diagnostic.column)
        if moved.cell == nil {
            // The file as a whole (or a line the sheet does not have): no CSV line numbers for a workbook.
            moved.line = 0
            moved.column = 0
        }
        return moved
    }
}
