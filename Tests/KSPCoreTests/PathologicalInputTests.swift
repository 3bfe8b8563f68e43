import Testing

@testable import KSPCore

/// Inputs that survey tools and Excel produce, or that a fuzzer would: a clear error or a correct
/// result, never a crash or a hang.
@Suite("Pathological season files")
struct PathologicalInputTests {
    let header = "id,participant,channel,shopper,contacted_at,answered_at,attempts,V1,V2,K1,T1,X1,X3,comment\n"

    func errors(_ inquiries: [UInt8]) -> [String] {
        do {
            _ = try SeasonLoader.load(
                definition: Array(Fixtures.file("season.yaml").utf8),
                participants: Array(Fixtures.file("participants.csv").utf8), inquiries: inquiries)
            return []
        } catch { return error.errors.map(\.description) }
    }

    @Test func emptyFile() {
        #expect(errors([]) == ["inquiries.csv:1: error: is empty; expected a header line"])
        #expect(
            Fixtures.errors(participants: "").map(\.description) == [
                "participants.csv:1: error: is empty; expected a header line"
            ])
    }

    @Test func headerOnlyIsASeasonWithNoInquiries() throws {
        let s = try Fixtures.load(inquiries: header)
        #expect(s.inquiries.count == 0)
        #expect(s.warnings.count == 3)  // every participant without inquiries
        #expect(s.figure(.total, over: []).value == nil)
        #expect(Ranking.awards(s).isEmpty)
    }

    @Test func nulByte() {
        #expect(
            errors(Array((header + "q1,p1,phone,S1,2024-01-15T09:00:00,,1,,,,,,,\n").utf8) + [0, 10])
                == ["inquiries.csv:3: error: holds a NUL byte; expected a text file"])
    }

    @Test func tenMegabyteField() throws {
        let comment = String(repeating: "x", count: 10_000_000)
        let s = try Fixtures.load(
            inquiries: header
                + "q1,p1,phone,S1,2024-01-15T09:00:00,2024-01-15T09:00:30,1,ja,Ingen,5,ja,5,10,\"\(comment)\"\n")
        #expect(s.comments.first?.text.utf8.count == 10_000_000)
    }

    @Test func hundredThousandColumns() throws {
        let extra = (0..<100_000).map { "c\($0)" }.joined(separator: ",")
        let row =
            "q1,p1,phone,S1,2024-01-15T09:00:00,2024-01-15T09:00:30,1,ja,Ingen,5,ja,5,10,"
            + String(repeating: ",", count: 100_000)
        let s = try Fixtures.load(inquiries: header.dropLast() + "," + extra + "\n" + row + "\n")
        #expect(s.inquiries.count == 1)
        #expect(s.warnings.count == 3)  // one line for the unknown columns, and the two idle participants
        #expect(
            s.warnings[0].description
                == "inquiries.csv:1:15: warning: 100000 unknown columns are ignored (\"c0\", \"c1\", \"c2\", \"c3\", \"c4\", …)"
        )
    }

    @Test func hugeNumbersInCells() {
        let nines = String(repeating: "9", count: 5000)
        let e = errors(
            Array(
                (header + "q1,p1,phone,S1,2024-01-15T09:00:00,2024-01-15T09:00:30,1,ja,Ingen,\(nines),ja,1e309,10,\n")
                    .utf8))
        #expect(e.count == 2)
        #expect(e[0].hasPrefix("inquiries.csv:2:10: error: question K1: "))
        #expect(e[1].hasPrefix("inquiries.csv:2:12: error: question X1: \"1e309\" is not valid"))
    }

    @Test func impossibleDates() {
        let e = errors(
            Array(
                (header + "q1,p1,phone,S1,2024-02-30T09:00:00,,1,,,,,,,\nq2,p1,phone,S2,2024-13-01 09:00,,1,,,,,,,\n")
                    .utf8))
        #expect(e.map { $0.prefix(21) } == ["inquiries.csv:2:5: er", "inquiries.csv:3:5: er"])
    }

    @Test func duplicatedHeaderColumns() {
        #expect(
            errors(Array((header.dropLast() + ",K1\n").utf8)) == [
                "inquiries.csv:1:15: error: column \"k1\" appears twice in the header"
            ])
    }

    @Test func onlyALoneQuote() {
        #expect(
            errors(Array("\"".utf8)) == [
                "inquiries.csv:1: error: a quoted field is never closed; expected a closing \""
            ])
    }
}
