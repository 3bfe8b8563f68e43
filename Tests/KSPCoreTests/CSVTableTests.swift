import Testing

@testable import KSPCore

@Suite("CSV reading rules")
struct CSVTableTests {
    @Test func commaDialectWithQuotesAndLineBreaks() throws {
        let t = try CSVTable(text: "a,b,c\n1,\"x, y\",\"she said \"\"hi\"\"\"\n2,\"line one\nline two\",\n")
        #expect(t.delimiter == UInt8(ascii: ","))
        #expect(t.rowCount == 3)
        #expect(t.row(1) == ["1", "x, y", "she said \"hi\""])
        #expect(t.row(2) == ["2", "line one\nline two", ""])
        #expect(t.line(row: 2) == 3)
    }

    @Test func semicolonDialectWithBOMAndCRLF() throws {
        let text = "\u{FEFF}id;name;class\r\np1;\"Alfa; Bank\";Bank\r\np2;Beta;\"Åpen klasse\"\r\n"
        let t = try CSVTable(text: text)
        #expect(t.delimiter == UInt8(ascii: ";"))
        #expect(t.row(0) == ["id", "name", "class"])
        #expect(t.row(1) == ["p1", "Alfa; Bank", "Bank"])
        #expect(t.row(2) == ["p2", "Beta", "Åpen klasse"])
        #expect(t.rowCount == 3)
    }

    @Test func unterminatedQuoteNamesItsLine() {
        #expect(throws: CSVTable.ReadError.unterminatedQuote(line: 2)) { try CSVTable(text: "a,b\n1,\"open\n2,3\n") }
    }

    @Test func wholeSeasonInTheSemicolonDialect() throws {
        // The fixture rewritten as Norwegian Excel would save it: BOM, `;`, CRLF.
        func excel(_ s: String) -> String {
            "\u{FEFF}" + s.replacingOccurrences(of: ",", with: ";").replacingOccurrences(of: "\n", with: "\r\n")
        }
        let inquiries = Fixtures.file("inquiries.csv")
            .replacingOccurrences(of: "\"Veldig bra, takk\"", with: "Veldig bra")
        let s = try Fixtures.load(participants: excel(Fixtures.file("participants.csv")), inquiries: excel(inquiries))
        let original = try Fixtures.small()
        #expect(s.inquiries.count == 9)
        #expect(s.inquiries.total == original.inquiries.total)
        #expect(
            s.comments.contains {
                $0.text == "Rask på Messenger\r\nmen kort" || $0.text == "Rask på Messenger\nmen kort"
            })
    }
}
