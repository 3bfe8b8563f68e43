import Foundation
import Testing

@testable import KSPCore

/// Issue 16: seasons from Excel workbooks. The fixtures are written by openpyxl
/// (Tests/Fixtures/xlsx/make_fixtures.py, committed beside them).
@Suite("Reading xlsx seasons")
struct XLSXReaderTests {
    static func folder(_ name: String) -> String { Fixtures.root.appendingPathComponent("xlsx/\(name)").path }

    @Test func aWorkbookSeasonScoresAsItsCsvTwin() throws {
        let fromCSV = try Fixtures.small()
        let fromWorkbook = try SeasonLoader.load(directory: XLSXReaderTests.folder("small"))
        #expect(fromWorkbook.warnings.isEmpty)
        #expect(fromWorkbook.participants == fromCSV.participants)
        let a = fromCSV.inquiries
        let b = fromWorkbook.inquiries
        #expect(b.ids == a.ids)
        // Contact times were Excel date cells; answered_at date cells and text by turns.
        #expect(b.contactedAt == a.contactedAt)
        #expect(b.answeredAt == a.answeredAt)
        // q1's X3 was a number stored as text: read as the number.
        let answers = { (c: InquiryColumns) in
            (0..<c.count).flatMap { i in (0..<c.questionCount).map { c.raw(i, $0).isNaN ? -1 : c.raw(i, $0) } }
        }
        #expect(answers(b) == answers(a))
        #expect(b.total == a.total)
        #expect(fromWorkbook.comments.map(\.text) == fromCSV.comments.map(\.text))
    }

    @Test func errorsNameTheWorkbookSheetAndCell() {
        #expect(throws: SeasonLoadError.self) { try SeasonLoader.load(directory: XLSXReaderTests.folder("bad")) }
        do {
            _ = try SeasonLoader.load(directory: XLSXReaderTests.folder("bad"))
        } catch {
            #expect(
                error.errors.map(\.description) == [
                    "inquiries.xlsx:Ark1!C5: error: unknown channel \"fax\"; expected one of phone, messenger, email "
                        + "or an alias",
                    "inquiries.xlsx:Ark1!J9: error: question K1: \"7\" is not valid; expected a value from 1 to 5 "
                        + "(or empty/NA for not applicable)",
                ])
        }
    }

    @Test func aBrokenZipIsAClearError() {
        do {
            _ = try SeasonLoader.load(directory: XLSXReaderTests.folder("broken"))
            Issue.record("a broken workbook loaded")
        } catch {
            #expect(
                error.errors.map(\.description) == [
                    "inquiries.xlsx: error: not an Excel workbook (the zip cannot be opened); expected an .xlsx file"
                ])
        }
    }

    @Test func aCsvAndAWorkbookSideBySideIsAnError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ksp-xlsx-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: XLSXReaderTests.folder("small"), toPath: folder.path)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixtures.file("inquiries.csv").write(
            to: folder.appendingPathComponent("inquiries.csv"), atomically: true, encoding: .utf8)
        do {
            _ = try SeasonLoader.load(directory: folder.path)
            Issue.record("loaded with both files")
        } catch {
            #expect(
                error.errors.map(\.description) == [
                    "inquiries.xlsx: error: inquiries.csv is there too; keep one of them, so that it is clear which is read"
                ])
        }
    }

    @Test func cellReferencesAndDateStyles() {
        #expect(XLSXCellReference.column(of: "G17") == 6)
        #expect(XLSXCellReference.column(of: "aa3") == 26)
        #expect(XLSXCellReference.column(of: "XFD1") == 16_383)
        #expect(XLSXCellReference.column(of: "XFE1") == nil)
        #expect(XLSXCellReference.column(of: "17") == nil)
        #expect(XLSXCellReference.columnName(16_383) == "XFD")
        #expect(XLSXCellReference.sheetPrefix("Ark1") == "Ark1")
        #expect(XLSXCellReference.sheetPrefix("Mitt ark's") == "'Mitt ark''s'")
        let locations = XLSXLocations(file: "inquiries.xlsx", sheet: "Ark 1", rowOfLine: [0, 1, 3, 3, 4])
        #expect(locations.cell(line: 3, column: 7) == "'Ark 1'!G3")
        #expect(locations.cell(line: 4, column: 0) == "'Ark 1'!4:4")
        #expect(locations.cell(line: 9, column: 1) == nil)
        #expect(XLSXStyles.dateKind(formatID: 14, code: nil) == .date)
        #expect(XLSXStyles.dateKind(formatID: 22, code: nil) == .dateTime)
        #expect(XLSXStyles.dateKind(formatID: 2, code: nil) == nil)
        #expect(XLSXStyles.dateKind(formatID: 164, code: "yyyy-mm-dd hh:mm:ss") == .dateTime)
        #expect(XLSXStyles.dateKind(formatID: 165, code: "dd.mm.yyyy") == .date)
        #expect(XLSXStyles.dateKind(formatID: 166, code: "0.0") == nil)
        #expect(XLSXStyles.dateKind(formatID: 167, code: "[Red]0.0\" days\"") == nil)
    }
}
