import KSPCore
import KSPRender
import KSPTestSupport
import Testing

@testable import KSPQuery

/// Issue 15, rank: intervals say what they show; participants below the award minimum are shown but not
/// ranked; "Best på <channel>" says how thin it is.
@Suite("Award ranks")
struct AwardRankTests {
    /// Alfa has 3 inquiries (all chat, 100 each) against an award minimum of 4; Beta 4 on the phone
    /// (50, 60, 70, 60: mean 60); Gamma 4 on the phone (80 each).
    static let season = HandSeason(
        participants: [("a", "Alfa Bank", "Bank"), ("b", "Beta Bank", "Bank"), ("g", "Gamma Bank", "Bank")],
        inquiries: HandSeason.Inquiry.repeated("a", "chat", [100, 100, 100])
            + HandSeason.Inquiry.repeated("b", "phone", [50, 60, 70, 60])
            + HandSeason.Inquiry.repeated("g", "phone", [80, 80, 80, 80]),
        minInquiriesForAward: 4)

    /// A number in the row of a participant (the rank table's first column is the rank).
    func value(_ table: ResultTable, _ participant: String, _ column: String) -> Double? {
        guard let p = table.column("participant"), let c = table.column(column) else { return nil }
        return table.rows.first { $0[p].value == .text(participant) }?[c].number
    }

    @Test func belowTheAwardMinimumIsShownButNotRanked() throws {
        let table = try Self.season.load { try Evaluator(season: $0).run("rank") }
        #expect(table.columns.map { $0.name }.last == "award")
        #expect(table.rows.count == 3)
        // Gamma 80 first and Beta 60 second, each on every resample (Beta's best is 70 < 80).
        #expect(table.text(0, "participant") == "Gamma Bank")
        #expect(table.rows[0][0].number == 1)
        #expect(value(table, "Gamma Bank", "rank_low") == 1)
        #expect(value(table, "Gamma Bank", "rank_high") == 1)
        #expect(value(table, "Beta Bank", "rank") == 2)
        #expect(value(table, "Beta Bank", "total") == 60)
        // Alfa's 100 would be first: it is listed after them, without a rank or an interval.
        #expect(table.text(2, "participant") == "Alfa Bank")
        #expect(table.rows[2][0].value == CellValue.number(nil, .count))
        #expect(value(table, "Alfa Bank", "total") == 100)
        #expect(value(table, "Alfa Bank", "n") == 3)
        #expect(table.rows[2][7].value == CellValue.interval(nil, .count))
        #expect(table.text(2, "award") == "below minimum (3 of 4)")
        #expect(table.text(0, "award") == "")
        #expect(
            table.notes.map(\.text) == [
                "ranked by total within all participants; 95 % intervals from 1000 bootstrap resamples"
                    + " of each participant's inquiries (seed 1)",
                "a rank interval is the range of ranks consistent with resampling the inquiries; overlapping"
                    + " intervals do not make two participants equal, nor do separate ones test them (compare does)",
                "not ranked: fewer inquiries in the season than the award minimum (4); shown after the ranked participants",
                "* fewer than 10 answers: read with care",
            ])
    }

    @Test func aWhereClauseDoesNotChangeWhoIsEligible() throws {
        // On the phone Beta and Gamma have all their inquiries: both still ranked, Alfa has none there.
        let table = try Self.season.load { try Evaluator(season: $0).run("rank where channel = phone") }
        #expect(table.rows.count == 2)
        #expect(value(table, "Beta Bank", "rank") == 2)
        #expect(table.column("award") == nil)
    }

    @Test func topLeavesTheUnrankedOut() throws {
        let table = try Self.season.load { try Evaluator(season: $0).run("rank top 1") }
        #expect(table.rows.count == 1)
        #expect(table.text(0, "participant") == "Gamma Bank")
    }

    @Test func aReportSaysWhyItsParticipantIsNotRanked() throws {
        let figure = try Self.season.load { season -> KeyFigure? in
            let result = try Evaluator(season: season).runAny("report participant \"Alfa Bank\"")
            guard case .report(let report, _) = result else { return nil }
            for section in report.sections {
                for case .keyFigures(let figures) in section.blocks { return figures.count > 1 ? figures[1] : nil }
            }
            return nil
        }
        #expect(
            figure
                == KeyFigure(
                    label: .phrase(.summaryRank, [.label("Bank")]), value: .label("–"),
                    detail: .phrase(.summaryNotRanked, [.count(3), .count(4)])))
    }

    @Test func channelAwardsNeedTheAwardMinimumAndSayHowThinTheyAre() throws {
        let table = try Self.season.load { try Evaluator(season: $0).run("winners") }
        // Alfa's three chat inquiries would have won "Best på Chat"; below the season minimum it competes nowhere.
        #expect(table.firstColumn == ["Klassevinner Bank", "Best i test", "Best på Telefon"])
        #expect(table.text(2, "participant") == "Gamma Bank")
        #expect(
            table.notes.map(\.text) == [
                "ranked by total, ties by agent, then name; awards need at least 4 inquiries, "
                    + "best per channel also at least 3 on it",
                "Best på Telefon rests on 4 inquiries on phone; resampled, its rank there is 1–1 of 2",
            ])
    }
}
