import Foundation
import KSPCore
import KSPTestSupport
import Testing

@testable import KSPQuery

/// Two fixture seasons side by side (Tests/Fixtures/small2023 and small).
@Suite("Seasons over time")
struct SeasonsTests {
    static let both: Season = {
        let a = try! SeasonLoader.load(directory: Fixture.root.appendingPathComponent("small2023").path)
        let b = try! SeasonLoader.load(directory: Fixture.root.appendingPathComponent("small").path)
        return SeasonCombiner.combine([a, b])
    }()

    func run(_ s: String) throws -> ResultTable {
        try Evaluator(season: Self.both, options: EvaluationOptions(minBase: 1)).run(s)
    }

    @Test func participantsMatchedById() throws {
        #expect(
            Self.both.participants.map(\.name).sorted() == [
                "Alfa Bank", "Beta Bank", "Delta Hotell", "Gamma Forsikring",
            ])
        let t = try run("n by participant")
        #expect(t.number("Alfa Bank", "n") == 5)  // 1 in 2023, 4 in 2024
        #expect(t.number("Delta Hotell", "n") == 1)
    }

    @Test func seasonDimension() throws {
        let t = try run("total by season")
        #expect(t.firstColumn == ["Test 2023", "Test 2024"])
        let t23 = (91.0 + 1.0 / 9 + 0 + 28.0 + 2.0 / 3) / 3
        #expect(approx(t.number("Test 2023", "total"), t23, 1e-3))
        #expect(approx(t.number("Test 2024", "total"), (299.25 + 59.833333333 + 121.5) / 9, 1e-6))
        let x = try run("total by class across season")
        #expect(x.visible(to: .people).columns.map(\.name) == ["class", "Test 2023", "Test 2024", "all", "n"])
        #expect(x.number("Hotell", "Test 2024") == nil)
        #expect(approx(x.number("Hotell", "Test 2023"), 28.0 + 2.0 / 3, 1e-3))
    }

    @Test func questionsAndAreasASeasonLacksAreEmpty() throws {
        let t = try run("T1, K2, impression by season")
        #expect(t.number("Test 2023", "T1") == nil)
        #expect(t.number("Test 2023", "impression") == nil)
        #expect(t.number("Test 2024", "K2") == nil)
        #expect(t.number("Test 2023", "K2") == 50)  // ja, nei (a2 unanswered)
    }

    @Test func schemaDifferences() {
        #expect(
            Self.both.schemaDifferences == [
                "area impression: only in Test 2024; empty in Test 2023",
                "question K2: only in Test 2023; empty in Test 2024",
                "question T1: only in Test 2024; empty in Test 2023",
            ])
    }

    @Test func compareSeasons() throws {
        let t = try run("compare season 2023 vs 2024 on total")
        #expect(t.number("total", "n_a") == 3)
        #expect(t.number("total", "n_b") == 9)
        #expect(t.notes.first == .comparedGroups(a: "Test 2023", countA: 3, b: "Test 2024", countB: 9))
    }

    @Test func soFarAlignsSeasonsByDaysSinceTheirFirstInquiry() throws {
        // small runs day 0 (22 Dec) to day 100 (31 Mar); small2023's a3 is on day 140.
        let t = try run("n by season where so far")
        #expect(t.number("Test 2023", "n") == 2)
        #expect(t.number("Test 2024", "n") == 9)
        #expect(try run("n where season_day <= 40 and season = 2023").rows[0][0].value == .number(2, .count))
        #expect(try run("n where season_day > 100").rows[0][0].value == .number(1, .count))
    }

    @Test func monthsOfTheSeasonLineUp() throws {
        let t = try run("n by month across season")
        // The latest season starts in December: des first; April only in 2023.
        #expect(t.firstColumn == ["des", "jan", "feb", "mar", "apr"])
        #expect(t.number("apr", "Test 2023") == 1)
    }

    @Test func winnersAreTheLatestSeasons() throws {
        let t = try run("winners")
        #expect(t.notes.first == "awards of Test 2024 (add where season = … for another)")
        let old = try run("winners where season = 2023")
        #expect(old.rows.contains { $0[1].value == .text("Delta Hotell") })
    }
}
