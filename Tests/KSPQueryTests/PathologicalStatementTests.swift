import Foundation
import KSPCore
import KSPRender
import KSPTestSupport
import Testing

@testable import KSPQuery

@Suite("Pathological statements")
struct PathologicalStatementTests {
    @Test func inListOfAHundredThousandValues() throws {
        let list = Array(repeating: "\"Alfa Bank\"", count: 50_000) + Array(repeating: "p3", count: 50_000)
        let t = try Fixture.run("n where participant in (" + list.joined(separator: ", ") + ")")
        #expect(t.rows[0][0].value == .number(6, .count))
    }

    @Test func longOrChainDoesNotOverflowTheStack() throws {
        let t = try Fixture.run(
            "n where " + Array(repeating: "channel = email", count: 60_000).joined(separator: " or "))
        #expect(t.rows[0][0].value == .number(1, .count))
    }

    @Test func oneMegabyteStatement() {
        let e = Fixture.error("n where class = \"" + String(repeating: "x", count: 1_000_000) + "\"")!
        #expect(e.message == "no class \"" + String(repeating: "x", count: 40) + "…\"")
        // The caret line shows a window, not a megabyte.
        #expect(
            e.rendered(statement: "n where class = \"" + String(repeating: "x", count: 1_000_000) + "\"").count < 500)
    }

    @Test func thousandsOfDigitsAndOverflow() {
        #expect(Fixture.error("n where total < " + String(repeating: "9", count: 3000))?.message.count ?? 0 < 120)
        #expect(
            Fixture.error("n where total < 1e309")?.message
                == "expected a number to compare total with, found \"1e309\"")
        #expect(
            Fixture.error("n top 99999999999999999999")?.message.hasPrefix("expected a whole number of rows after top")
                == true)
    }

    @Test func nestedNots() throws {
        #expect(
            Fixture.error("n where " + String(repeating: "not ", count: 100_000) + "answered")?.message.hasPrefix(
                "expected less nesting") == true)
        #expect(try Fixture.run("n where not not answered").rows[0][0].value == .number(7, .count))
    }

    @Test func emptySeasonAnswersEverything() throws {
        let empty = try SeasonLoaderForTests.headerOnly()
        for s in [
            "total by class", "winners", "rank", "compare channel phone vs all", "quotes", "questions by channel",
            "total by class across channel", "areas",
        ] {
            _ = try Evaluator(season: empty).run(s)
        }
    }
}

enum SeasonLoaderForTests {
    static func headerOnly() throws -> Season {
        let dir = Fixture.root.appendingPathComponent("small")
        let header = "id,participant,channel,shopper,contacted_at,answered_at,attempts,V1,V2,K1,T1,X1,X3\n"
        return try SeasonLoader.load(
            definition: Array(try String(contentsOf: dir.appendingPathComponent("season.yaml"), encoding: .utf8).utf8),
            participants: Array(
                try String(contentsOf: dir.appendingPathComponent("participants.csv"), encoding: .utf8).utf8),
            inquiries: Array(header.utf8))
    }
}
