import Foundation
import Testing

@testable import KSPCore

/// Issue 17: nothing in the loader grows faster than the rows. A season where every shopper visits
/// every participant many times gives a repeat-contact warning on most rows: they are all counted,
/// and only the kept ones (the first `DiagnosticSink.warningCap`) get their text made.
@Suite("Loader growth")
struct LoaderGrowthTests {
    static let header = "id,participant,channel,shopper,contacted_at,answered_at,attempts,V1,V2,K1,T1,X1,X3,comment\n"
    static let shoppers = 25
    static let participants = 30
    static let visits = 80

    /// Visit round by visit round, participant by participant, shopper by shopper: row k is visit
    /// `k / 750`, participant `k / 25 % 30`, shopper `k % 25` (750 = 25 shoppers × 30 participants).
    static func files() -> (participants: String, inquiries: String) {
        var participantsCSV = "id,name,class\n"
        for p in 1...participants { participantsCSV += "p\(p),Deltaker \(p),\(p % 2 == 0 ? "Bank" : "Forsikring")\n" }
        var rows = [header]
        var row = 0
        for _ in 0..<visits {
            for p in 1...participants {
                for s in 1...shoppers {
                    let times = "2024-01-15T09:00:00,2024-01-15T09:00:30"
                    rows.append("r\(row),p\(p),phone,S\(s),\(times),1,ja,Ingen,5,ja,5,10,\n")
                    row += 1
                }
            }
        }
        return (participantsCSV, rows.joined())
    }

    static func season() throws -> Season {
        let files = files()
        return try Fixtures.load(participants: files.participants, inquiries: files.inquiries)
    }

    @Test func everyRepeatContactIsCountedAndTheFirstThousandKept() throws {
        let season = try LoaderGrowthTests.season()
        let rows = LoaderGrowthTests.shoppers * LoaderGrowthTests.participants * LoaderGrowthTests.visits
        #expect(season.inquiries.count == 60_000)
        #expect(rows == 60_000)
        // Each shopper–participant pair's first visit is fine, its other 79 are repeats: 750 × 79.
        #expect(season.warningTotal == 59_250)
        #expect(season.warnings.count == 1000)
        #expect(season.warningsNotKept == 58_250)
        // The first repeat is row 750 (line 752): shopper S1 at p1 again, first seen on line 2.
        #expect(
            season.warnings.first?.description
                == "inquiries.csv:752:4: warning: shopper S1 contacted participant p1 again (first on line 2); "
                + "a shopper contacts a participant at most once")
        // Kept in the order of the file: the 1000th repeat is row 1749 (line 1751), shopper S25 at p10.
        #expect(season.warnings.map(\.line) == Array(752...1751))
        #expect(
            season.warnings.last?.message
                == "shopper S25 contacted participant p10 again (first on line 251); "
                + "a shopper contacts a participant at most once")
    }

    /// Over 4 MB: read as two halves, so the second half's repeats of the first half's contacts are
    /// found when the halves are merged.
    @Test func theFileIsReadInTwoHalves() {
        #expect(LoaderGrowthTests.files().inquiries.utf8.count > 4_000_000)
    }

    @Test func aWarningPastTheCapIsCountedWithoutMakingItsText() {
        var sink = DiagnosticSink()
        var made = 0
        for _ in 0..<1500 {
            sink.warning(
                "inquiries.csv",
                {
                    made += 1
                    return "w"
                }())
        }
        #expect(sink.warningCount == 1500)
        #expect(sink.warnings.count == 1000)
        #expect(made == 1000)
    }
}
