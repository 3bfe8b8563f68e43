import KSPCore
import KSPTestSupport
import Testing

@testable import KSPQuery

/// The ranking as figures: what a report reads instead of a table's cells by position.
@Suite("Rankings")
struct RankingsTests {
    @Test func figuresAgreeWithTheTable() throws {
        let evaluator = Evaluator(season: Fixture.small, options: EvaluationOptions(minBase: 1))
        guard case .rank(let statement) = try Parser.parse("rank within class Bank") else {
            Issue.record("not a rank statement")
            return
        }
        let ranking = try evaluator.rankings(statement)
        let table = ranking.table
        #expect(ranking.ranks.count == table.rows.count)
        for (rank, row) in zip(ranking.ranks, table.rows) {
            #expect(row[table.column("rank") ?? 0].number == Double(rank.position))
            #expect(
                row[table.column("participant") ?? 0].value == .text(Fixture.small.participants[rank.participant].name))
            #expect(row[table.column("n") ?? 0].number == Double(rank.base))
            #expect(rank.lowestRank <= rank.position && rank.position <= rank.highestRank)
        }
        // Positions are 1, 2, … best first; every participant of the class is ranked once.
        #expect(ranking.ranks.map(\.position) == Array(1...ranking.ranks.count))
        #expect(Set(ranking.ranks.map(\.participant)).count == ranking.ranks.count)
    }
}
