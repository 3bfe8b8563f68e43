import Foundation
import KSPCore
import KSPQuery
import KSPTestSupport
import Testing

@testable import KSPRender

@Suite("xlsx writer")
struct XLSXWorkbookTests {
    @Test func xmlTextIsEscapedAndCharactersXMLCannotHoldAreDropped() {
        #expect(XMLWriter.escaped("A&B <c> \"d\" 'e' æøå") == "A&amp;B &lt;c&gt; &quot;d&quot; 'e' æøå")
        #expect(XMLWriter.escaped("a\u{1}b\u{FFFE}\tc\nd") == "ab\tc\nd")
        var xml = XMLWriter()
        xml.element("c", ["r": "A1", "t": "x\"y"]) { xml in xml.characters("1 < 2") }
        xml.element("e")
        #expect(xml.text.hasSuffix("<c r=\"A1\" t=\"x&quot;y\">1 &lt; 2</c><e/>"))
    }

    @Test func columnNamesAndSheetNamesFollowExcelsRules() {
        #expect(
            [0, 25, 26, 51, 52, 701, 702].map(XLSXCellReference.columnName) == [
                "A", "Z", "AA", "AZ", "BA", "ZZ", "AAA",
            ])
        let names = XLSXWorkbook.sheetNames([
            "Bank: ranking [2024]", "", "bank ranking 2024", "'quoted'", String(repeating: "x", count: 40),
            String(repeating: "X", count: 40),
        ])
        #expect(
            names == [
                "Bank ranking 2024", "Result 2", "bank ranking 2024 (2)", "quoted", String(repeating: "x", count: 31),
                String(repeating: "X", count: 27) + " (2)",
            ])
    }

    @Test func aTableBecomesABoldHeaderNumbersAndItsNotes() {
        var table = ResultTable(
            columns: [ResultColumn("class", isDimension: true), ResultColumn("total"), ResultColumn("n")],
            rows: [
                [.text("Bank"), .number(71.45, .score), .count(100)], [.text("Avis"), .number(nil, .score), .count(0)],
            ])
        table.notes = ["a note"]
        let sheet = table.xlsxSheet(named: "T")
        #expect(
            sheet.rows == [
                [.header("class"), .header("total"), .header("n")],
                [.text("Bank"), .number(71.45, decimals: 1), .number(100, decimals: 0)],
                [.text("Avis"), .empty, .number(0, decimals: 0)],
                [],
                [.text("a note")],
            ])
        let xml = XLSXWorkbook.worksheet(sheet)
        #expect(xml.contains("<c r=\"B2\" s=\"2\"><v>71.45</v></c><c r=\"C2\" s=\"3\"><v>100</v></c>"))
        #expect(xml.contains("<c r=\"A1\" t=\"inlineStr\" s=\"1\"><is><t xml:space=\"preserve\">class</t></is></c>"))
    }
}
