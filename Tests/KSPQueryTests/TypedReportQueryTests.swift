import KSPCore
import KSPTestSupport
import Testing

@testable import KSPQuery

/// The evaluator's typed queries that reports use instead of statement text (issue 12, section 1);
/// values on the hand-computed fixture (Tests/Fixtures/README.md).
@Suite("Typed report queries")
struct TypedReportQueryTests {
    let evaluator = Evaluator(season: Fixture.small)
    let wholeSeason = ReportScope(seasonKey: nil, definition: Fixture.small.definition)

    func participant(_ name: String) throws -> Int {
        try #require(Fixture.small.participants.firstIndex { $0.name == name })
    }

    func near(_ value: Double?, _ expected: Double) -> Bool {
        guard let value else { return false }
        return abs(value - expected) < 1e-9
    }

    @Test func participantAgainstTheRestOfItsClass() throws {
        // A minimum base of 2 answers, so the fixture's small groups are tested.
        let evaluator = Evaluator(season: Fixture.small, options: EvaluationOptions(minBase: 2))
        let agent = try #require(Fixture.small.definition.areaIndex(id: "agent"))
        let comparison = try evaluator.comparison(
            participant: try participant("Alfa Bank"), against: .restOfClass,
            on: [.total, .area(agent)], in: wholeSeason)
        // Alfa Bank q1 q2 q3 q9; the rest of Bank is Beta Bank q4 q5 q6.
        #expect(comparison.countA == 4)
        #expect(comparison.countB == 3)
        let total = try #require(comparison.line(.total))
        #expect(total.a.value == 74.8125)
        #expect(total.a.base == 4)
        #expect(near(total.b.value, 59.833333333333333 / 3))
        #expect(near(total.diff, 74.8125 - 59.833333333333333 / 3))
        #expect(total.test?.kind == .welch)
        // Both bases are at or above the minimum of 2 (below the default 10, they would be untested).
        #expect(!total.isSmallBase)
        // agent: (100 + 50 + 75 + 75) / 4 against Beta Bank's q6 alone, 25.
        let agentLine = try #require(comparison.line(.area(agent)))
        #expect(agentLine.a.value == 75)
        #expect(agentLine.b.value == 25)
        #expect(agentLine.b.base == 1)
        #expect(agentLine.diff == 50)
        // A base of one is below the minimum: no test.
        #expect(agentLine.test == nil)
        #expect(agentLine.untested == .smallBase(minBase: 2))
        #expect(comparison.testNames == ["Welch's t-test"])
    }

    @Test func participantAgainstEveryone() throws {
        let evaluator = Evaluator(season: Fixture.small, options: EvaluationOptions(minBase: 2))
        let comparison = try evaluator.comparison(
            participant: try participant("Gamma Forsikring"), against: .all,
            on: [.total, .noanswer], in: wholeSeason)
        // Everyone: the nine totals sum to 480.58333…; Gamma Forsikring q7 q8: (36.6667 + 84.8333) / 2.
        #expect(comparison.countA == 2)
        #expect(comparison.countB == 9)
        let total = try #require(comparison.line(.total))
        #expect(near(total.a.value, 60.75))
        #expect(near(total.b.value, 480.58333333333333 / 9))
        let noanswer = try #require(comparison.line(.noanswer))
        #expect(noanswer.a.value == 0)
        #expect(near(noanswer.b.value, 2.0 / 9 * 100))
        #expect(noanswer.test?.kind == .twoProportion)
    }

    @Test func compareStatementShowsTheComparison() throws {
        let table = try Fixture.run("compare participant \"Alfa Bank\" vs class on total, agent")
        let agent = try #require(Fixture.small.definition.areaIndex(id: "agent"))
        let comparison = try evaluator.comparison(
            participant: try participant("Alfa Bank"), against: .restOfClass,
            on: [.total, .area(agent)], in: wholeSeason)
        #expect(table == evaluator.comparisonTable(comparison, aLabel: "Alfa Bank", bLabel: "rest of Bank"))
    }

    @Test func awardsOfTheSeason() throws {
        let seasonAwards = try evaluator.awards(shownFor: nil)
        let alfa = try participant("Alfa Bank")
        let gamma = try participant("Gamma Forsikring")
        let phone = try #require(Fixture.small.definition.channelIndex(named: "phone"))
        let bank = try #require(Fixture.small.classes.firstIndex(of: "Bank"))
        let forsikring = try #require(Fixture.small.classes.firstIndex(of: "Forsikring"))
        let kinds: [Ranking.AwardKind] = [
            .classWinner(classIndex: bank), .classWinner(classIndex: forsikring),
            .bestInTest, .bestOnChannel(channel: phone),
        ]
        #expect(seasonAwards.awards.map(\.kind) == kinds)
        #expect(seasonAwards.awards.map(\.winner.participant) == [alfa, gamma, alfa, alfa])
        // Alfa Bank over q1 q2 q3 q9; on the phone q1 q2 q9: (100 + 31.25 + 86) / 3.
        #expect(seasonAwards.awards[0].winner.total == 74.8125)
        #expect(seasonAwards.awards[0].winner.inquiryCount == 4)
        #expect(near(seasonAwards.awards[3].winner.total, 217.25 / 3))
        #expect(seasonAwards.awards[3].winner.inquiryCount == 3)
        #expect(seasonAwards.minInquiries == 2)
        #expect(seasonAwards.seasonName == nil)
        #expect(!seasonAwards.isFiltered)
        #expect(try Fixture.run("winners") == evaluator.awardsTable(seasonAwards))
    }

    @Test func awardsAFilterAsksAbout() throws {
        let forsikring = try #require(Fixture.small.classes.firstIndex(of: "Forsikring"))
        let gammaInquiries = Fixture.small.inquiries(ofParticipant: try participant("Gamma Forsikring"))
        let seasonAwards = try evaluator.awards(shownFor: gammaInquiries)
        #expect(seasonAwards.awards.map(\.kind) == [.classWinner(classIndex: forsikring)])
        #expect(seasonAwards.isFiltered)
        #expect(try Fixture.run("winners where class = Forsikring") == evaluator.awardsTable(seasonAwards))
    }

    @Test func figuresPerChannelWithTheirKeys() throws {
        let alfa = Fixture.small.inquiries(ofParticipant: try participant("Alfa Bank"))
        let figures = try evaluator.groupedFigures([.total], by: .channel, alfa)
        let phone = try #require(Fixture.small.definition.channelIndex(named: "phone"))
        let email = try #require(Fixture.small.definition.channelIndex(named: "email"))
        // q1 q2 q9 on the phone, q3 by e-mail; rows in the season's channel order.
        #expect(figures.keys == [phone, email])
        #expect(figures.table.firstColumn == ["phone", "email"])
        #expect(near(figures.table.number("phone", "total"), 217.25 / 3))
        #expect(figures.table.number("email", "total") == 82)
        // Every base is below 10, so the small-base note is there, as `select` gives it.
        #expect(figures.table.notes == [evaluator.smallBaseNote])
        #expect(try Fixture.run("total by channel where participant = \"Alfa Bank\"") == figures.table)
    }

    @Test func classRankingsEqualTheRankStatement() throws {
        let bank = try #require(Fixture.small.classes.firstIndex(of: "Bank"))
        let rankings = try evaluator.classRankings(bank, wholeSeason)
        // Alfa Bank 74.8125 ahead of Beta Bank 19.9444.
        #expect(rankings.ranks.map(\.participant) == [try participant("Alfa Bank"), try participant("Beta Bank")])
        #expect(rankings.ranks.map(\.position) == [1, 2])
        #expect(rankings.ranks[0].value == 74.8125)
        #expect(rankings.table == (try Fixture.run("rank within class Bank")))
    }
}
