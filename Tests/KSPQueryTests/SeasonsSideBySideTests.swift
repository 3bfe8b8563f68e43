import Foundation
import KSPCore
import KSPTestSupport
import Testing

@testable import KSPQuery

/// Seasons whose questionnaires, tags, participants or numbers differ (issue 19 items 5–6, issue 20 items 3, 18).
@Suite("Seasons side by side: what differs")
struct SeasonsSideBySideTests {
    static func text(_ season: String, _ file: String) -> String {
        let url = Fixture.root.appendingPathComponent(season).appendingPathComponent(file)
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    /// small2023 with text replaced in its files.
    static func older(
        yaml: [(String, String)] = [], inquiries: [(String, String)] = [],
        participants: [(String, String)] = []
    ) throws -> Season {
        func edit(_ text: String, _ changes: [(String, String)]) -> [UInt8] {
            Array(changes.reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }.utf8)
        }
        return try SeasonLoader.load(
            definition: edit(text("small2023", "season.yaml"), yaml),
            participants: edit(text("small2023", "participants.csv"), participants),
            inquiries: edit(text("small2023", "inquiries.csv"), inquiries))
    }

    func run(_ season: Season, _ statement: String) throws -> ResultTable {
        try Evaluator(season: season, options: EvaluationOptions(minBase: 1)).run(statement)
    }

    /// The first cell of a one-row table, as a number.
    func single(_ t: ResultTable) -> Double? {
        guard let cell = t.rows.first?.first, case .number(let v, _) = cell.value else { return nil }
        return v
    }

    @Test func aQuestionWhoseTypeChangedIsKeptOnlyForTheLatestType() throws {
        // V1 was a choice in 2023 (ja 80, nei 0) and is yes/no in 2024.
        let choice = "{id: V1, area: welcome, type: choice, options: {ja: 80, nei: 0},"
        let old = try Self.older(yaml: [("{id: V1, area: welcome, type: yesno,", choice)])
        let both = try SeasonCombiner.combined([old, Fixture.small])
        let line =
            "question V1: its type changed (choice of 2 in Test 2023; yes/no in Test 2024); "
            + "kept only for Test 2024, empty in Test 2023"
        #expect(both.schemaDifferences.contains(line))
        #expect(both.warnings.map(\.description).contains("season.yaml: warning: " + line))
        let t = try run(both, "V1 by season")
        #expect(t.number("Test 2023", "V1") == nil)
        // 2024: ja on q1 q3 q8 q9, nei on q2 q7 (q6 ja as well): 5 of 7 answered → 71.43; the same as alone.
        #expect(approx(t.number("Test 2024", "V1"), single(try run(Fixture.small, "V1")) ?? -1))
        // Each 2023 inquiry keeps its own scores (its welcome area used V1 = 80 points for ja).
        let welcome = try run(both, "welcome by season").number("Test 2023", "welcome")
        let a1: Double = (2 * 80 + 0) / 3.0  // V1 ja (80, weight 2), V2 Ingen (0)
        let a3: Double = (0 + 60) / 3.0  // V1 nei (0), V2 Kun eget navn (60)
        #expect(approx(welcome, (a1 + a3) / 2, 1e-9))
    }

    @Test func cxMetricsFollowEachSeasonsTag() throws {
        // The 2023 questionnaire tagged nps on a question N1 (same answers as X3).
        let old = try Self.older(yaml: [("{id: X3,", "{id: N1,")], inquiries: [(",X1,X3", ",X1,N1")])
        let both = try SeasonCombiner.combined([old, Fixture.small])
        let t = try run(both, "nps by season")
        // 2023: a1 9 (promoter), a3 5 (detractor), a2 unanswered → 0. 2024: (3 − 2)/7 → 14.2857.
        #expect(approx(t.number("Test 2023", "nps"), 0))
        #expect(approx(t.number("Test 2024", "nps"), 100.0 / 7))
        #expect(t.number("Test 2023", "n") == 3)
        // All nine plus two: (4 − 3)/9.
        #expect(approx(single(try run(both, "nps")), 100.0 / 9))
        // A filter on the answer follows each season's tag too: promoters are a1 in 2023, three in 2024.
        let promoters = try run(both, "n by season where nps >= 9")
        #expect(promoters.number("Test 2023", "n") == 1)
        #expect(promoters.number("Test 2024", "n") == 3)
        // X3 the question is still only the 2024 one.
        #expect(try run(both, "X3 by season").number("Test 2023", "X3") == nil)
    }

    @Test func seasonsWithNoParticipantInCommonAreWarned() throws {
        let old = try Self.older(
            inquiries: [(",p1,", ",o1,"), (",p2,", ",o2,")],
            participants: [("p1,", "o1,"), ("p2,", "o2,")])
        let both = try SeasonCombiner.combined([old, Fixture.small])
        let warning =
            "participants.csv: warning: no participant id in common with the other seasons loaded; "
            + "participants are matched by id, so they are compared as different participants"
        let found = both.warnings.map(\.description).filter { $0.hasSuffix(warning) }
        #expect(found == ["Test 2023: " + warning, "Test 2024: " + warning])
        let shared = try SeasonCombiner.combined([try Self.older(), Fixture.small])
        #expect(!shared.warnings.contains { $0.message.contains("no participant id in common") })
    }

    @Test func waitMedianIsNotTakenOverMixedClocks() throws {
        let t = try run(Fixture.small, "wait_median by participant")
        // Alfa Bank: phone 30, 50, 70 s and an e-mail of 20 business hours: mixed, left empty.
        #expect(t.number("Alfa Bank", "wait_median") == nil)
        // Gamma Forsikring: phone 150 and 40 s → 95 s.
        #expect(t.number("Gamma Forsikring", "wait_median") == 95)
        #expect(t.notes.contains(.mixedClocks))
        let x = try run(Fixture.small, "wait_median by class across channel")
        // Bank: phone 30, 50, 70 → 50; e-mail 72000; all mixed → empty.
        #expect(x.number("Bank", "phone") == 50)
        #expect(x.number("Bank", "email") == 72000)
        #expect(x.number("Bank", "all") == nil)
        #expect(x.notes.contains(.mixedClocks))
        let byChannel = try run(Fixture.small, "wait_median by channel")
        #expect(!byChannel.notes.contains(.mixedClocks))
    }

    @Test func twoHundredFiftySevenSeasons() throws {
        let many = try SeasonCombiner.combined(Array(repeating: Fixture.small, count: 257))
        #expect(many.seasons.count == 257)
        #expect(many.inquiries.count == 257 * 9)
        #expect(many.inquiries.season.last == 256)
        #expect(try run(many, "n by season").rows.count == 257)
    }

    @Test func limitsAreErrorsNamingThem() throws {
        #expect(SeasonCombiner.tooMany(seasons: 65_536)?.errors == nil)
        #expect(
            SeasonCombiner.tooMany(seasons: 65_537)?.errors.map(\.description)
                == ["ksp: error: 65537 seasons given; at most 65536 seasons can be loaded side by side"])
        // 257 seasons each with its own messenger channel id: 259 channels in all.
        let seasons = (0..<257).map { k -> Season in
            var s = Fixture.small
            s.definition.channels[1].id = "chat\(k)"
            return s
        }
        do {
            _ = try SeasonCombiner.combined(seasons)
            Issue.record("expected an error")
        } catch {
            let message = "the seasons have 259 channel ids between them; at most 256 can be loaded side by side"
            #expect(error.errors.map(\.description) == ["ksp: error: " + message])
        }
    }
}
