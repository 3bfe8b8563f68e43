import Foundation
import KSPCore
import KSPTestSupport
import Testing

@testable import KSPQuery

/// Every figure's base in csv and json, counted by hand on the fixture (q4 waited too long and q5 was not
/// answered, so phone has 7 inquiries, 5 answered; q7's K1 is N/A).
@Suite("Bases: n_<column>")
struct FigureBaseTests {
    @Test func groupTableBasesByHand() throws {
        let t = try Fixture.run("areas by channel")
        #expect(t.number("phone", "n_wait") == 7)  // every inquiry has a wait score
        #expect(t.number("phone", "n_welcome") == 5)  // q1 q2 q7 q8 q9
        #expect(t.number("phone", "n_agent") == 4)  // q1 q2 q8 q9
        #expect(t.number("phone", "n") == 7)
        // On screen: the bases that differ from n, after n.
        let people = t.visible(to: .people).columns.map(\.name)
        #expect(!people.contains("n_wait"))
        #expect(people.last == "n_cx")
    }

    @Test func neighbouringMetricsOnTheSameBasesShareOneColumnOnScreen() throws {
        let season = try #require(NullSimulationTests.sample)
        let t = try Evaluator(season: season).run("areas by channel")
        let people = t.visible(to: .people).columns.map(\.name)
        #expect(people.contains("n_welcome–impression"))
        #expect(t.visible(to: .machines).columns.map(\.name).contains("n_agent"))
    }

    @Test func crosstabAndQuestionBasesByHand() throws {
        let x = try Fixture.run("total by class across channel")
        // Bank: phone q1 q2 q4 q5 q9, messenger q6, email q3.
        #expect(x.number("Bank", "n_phone") == 5)
        #expect(x.number("Bank", "n_messenger") == 1)
        #expect(x.number("Bank", "n_email") == 1)
        #expect(x.number("Bank", "n_all") == 7)
        let q = try Fixture.run("questions by channel where area = agent")
        #expect(q.number("K1", "n_phone") == 4)  // K1 on q1 q2 q8 q9
        #expect(q.number("K1", "n_all") == 6)
    }
}
