import Foundation
import Testing

@testable import KSPCore

/// Issue 20, item 22: a file over the two-halves threshold (4 MB) reads as the whole file would,
/// and errors in its second half name their real lines.
@Suite("Large file line numbers")
struct LargeFileLineTests {
    let header = "id,participant,channel,shopper,contacted_at,answered_at,attempts,V1,V2,K1,T1,X1,X3,comment\n"

    /// 60 000 rows (about 5 MB) with a two-line comment every 500 rows and a stray quote inside the
    /// unquoted shopper field of row `strayRow`; row `badRow`, if any, names an unknown participant.
    /// Returns the file and the line each of those two rows starts on.
    func makeFile(strayRow: Int, badRow: Int?) -> (text: String, strayLine: Int, badLine: Int) {
        var text = header
        var line = 2
        var strayLine = 0
        var badLine = 0
        for row in 0..<60_000 {
            let shopper = row == strayRow ? "S\"x" : "S\(row)"
            let participant = row == badRow ? "p9" : "p\(1 + row % 3)"
            let comment = row % 500 == 0 ? "\"two\nlines\"" : ""
            if row == strayRow { strayLine = line }
            if row == badRow { badLine = line }
            let times = "2024-01-15T09:00:00,2024-01-15T09:00:30"
            text += "r\(row),\(participant),phone,\(shopper),\(times),1,ja,Ingen,5,ja,5,10,\(comment)\n"
            line += comment.isEmpty ? 1 : 2
        }
        return (text, strayLine, badLine)
    }

    @Test func strayQuoteReadsAsTextInBothHalves() throws {
        let file = makeFile(strayRow: 14_000, badRow: nil)
        #expect(file.text.utf8.count > 4_000_000)
        let season = try Fixtures.load(inquiries: file.text)
        #expect(season.inquiries.count == 60_000)
        #expect(season.shoppers.contains("S\"x"))
        #expect(season.comments.count == 120)
    }

    @Test func errorInTheSecondHalfNamesItsRealLine() {
        let file = makeFile(strayRow: 14_000, badRow: 50_000)
        let errors = Fixtures.errors(inquiries: file.text)
        #expect(file.badLine == 50_000 + 2 + 100)  // 100 two-line comments before it
        let message = "error: unknown participant \"p9\"; expected an id from participants.csv"
        #expect(errors.map(\.description) == ["inquiries.csv:\(file.badLine):2: " + message])
    }

    /// An id of the first half given twice more in the second half, and one given twice in the second half only:
    /// each duplicate names the id's first line in the file, in line order, as one pass over the file says it
    /// (the second half's own check named its own first occurrence, and the ids found in the first half came last).
    @Test func duplicateIdsInTheSecondHalfNameTheirFirstLineInTheFile() {
        var file = makeFile(strayRow: 14_000, badRow: nil)
        // Row r starts on line r + 2 plus one for each two-line comment before it (rows 0, 500, …): row 10 on line 13,
        // rows 40 000 and 40 010 (which take row 10's id) on 40 082 and 40 093, rows 45 000 and 45 005 on 45 092 and
        // 45 098.
        for (row, id) in [(40_000, "r10"), (40_010, "r10"), (45_005, "r45000")] {
            file.text = file.text.replacingOccurrences(of: "\nr\(row),", with: "\n\(id),")
        }
        let errors = Fixtures.errors(inquiries: file.text)
        #expect(
            errors.map(\.description) == [
                "inquiries.csv:40082:1: error: duplicate inquiry id r10 (first on line 13)",
                "inquiries.csv:40093:1: error: duplicate inquiry id r10 (first on line 13)",
                "inquiries.csv:45098:1: error: duplicate inquiry id r45000 (first on line 45092)",
            ])
    }

    @Test func quoteErrorAfterTheMiddleNamesItsRealLine() {
        var file = makeFile(strayRow: 14_000, badRow: nil)
        // Row 45 000's shopper becomes a quoted field with text after its closing quote.
        file.text = file.text.replacingOccurrences(of: ",S45000,", with: ",\"S\"x,")
        let errors = Fixtures.errors(inquiries: file.text)
        let message = "error: text after a closing quote; expected a delimiter or the end of the line"
        #expect(errors.map(\.description) == ["inquiries.csv:45092:4: " + message])
    }
}
