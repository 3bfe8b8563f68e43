import Foundation
import KSPCore
import KSPRender
import KSPTestSupport
import Testing

@testable import KSPQuery

/// compare after issue 15: p adjusted over its rows, intervals of differences, order and top, rows once,
/// nothing starred on a small base or without variation; the report's questions halved by sign.
@Suite("compare, adjusted")
struct CompareAdjustedTests {
    /// The fixture's groups hold 2–4 answers: a minimum base of 2 lets them be tested.
    let evaluator = Evaluator(season: Fixture.small, options: EvaluationOptions(minBase: 2))

    @Test func benjaminiHochbergOnTwoRows() throws {
        var bh = evaluator
        bh.options.adjustment = .bh
        let t = try bh.run("compare participant \"Alfa Bank\" vs class on total, noanswer")
        // p = 0.0922 (total) and 0.0533 (noanswer): the larger stays 0.0922 · 2/2, the smaller becomes
        // min(0.0533 · 2/1, 0.0922) = 0.0922.
        #expect(approx(t.number("total", "p_adj"), 0.0921660343535726, 1e-9))
        #expect(approx(t.number("noanswer", "p_adj"), 0.0921660343535726, 1e-9))
        #expect(
            t.notes[1]
                == .significance(tests: ["Welch's t-test", "two-proportion z-test"], adjustment: .bh, testCount: 2))
        var none = evaluator
        none.options.adjustment = .none
        let raw = try none.run("compare participant \"Alfa Bank\" vs class on total, noanswer")
        #expect(raw.number("noanswer", "p_adj") == raw.number("noanswer", "p"))
    }

    @Test func aDifferenceHasItsIntervalClippedToWhatADifferenceCanBe() throws {
        let t = try evaluator.run("compare participant \"Alfa Bank\" vs class on noanswer")
        // noanswer: Alfa Bank 0 of 4, the rest of Bank 2 of 3: diff −66.67 points, unpooled
        // se = √(0 + 66.67 · 33.33 / 3) = 27.22, half = 1.96 · 27.22 = 53.34: −120.0 to −13.3, the low end
        // clipped to −100.
        let share = 200.0 / 3
        let half = 1.959963984540054 * (share * (100 - share) / 3).squareRoot()
        #expect(approx(t.number("noanswer", "diff_ci_high"), -share + half, 1e-9))
        #expect(t.number("noanswer", "diff_ci_low") == -100)
    }

    @Test func aMetricNamedTwiceIsOneRow() throws {
        let t = try evaluator.run("compare participant \"Alfa Bank\" vs class on areas, agent, total, total")
        let ids = t.firstColumn
        #expect(ids.filter { $0 == "agent" }.count == 1)
        #expect(ids.filter { $0 == "total" }.count == 1)
        #expect(ids.first == "wait")
    }

    @Test func orderByDiffOrPAndTop() throws {
        let byDiff = try evaluator.run("compare participant \"Alfa Bank\" vs class on areas order by diff")
        let diffs = byDiff.rows.indices.compactMap { byDiff.rows[$0][3].number }
        #expect(diffs == diffs.sorted(by: >))
        let byP = try evaluator.run("compare participant \"Alfa Bank\" vs class on areas order by p top 2")
        #expect(byP.rows.count == 2)
        let column = try #require(byP.column(named: "p"))
        let ps = byP.rows.compactMap { $0[column].number }
        #expect(ps == ps.sorted())
        // The adjustment stays over every row tested, not the two shown.
        let all = try evaluator.run("compare participant \"Alfa Bank\" vs class on areas")
        #expect(byP.notes[1] == all.notes[1])
        let ascending = try evaluator.run("compare participant \"Alfa Bank\" vs class on areas order by diff asc")
        #expect(ascending.rows.first?[3].number == diffs.last)
    }

    @Test func orderByAnotherColumnIsAnError() {
        let error = Fixture.error("compare participant \"Alfa Bank\" vs class order by n_a")
        #expect(error?.message == "cannot order compare rows by \"n_a\"; expected diff or p")
    }

    @Test func vsAllIsTheRest() throws {
        let t = try evaluator.run("compare participant \"Alfa Bank\" vs all on total")
        #expect(t.number("total", "n_b") == 5)  // the 9 inquiries less Alfa Bank's 4
        #expect(t.notes[0] == .comparedGroups(a: "Alfa Bank", countA: 4, b: "all others", countB: 5))
    }

    @Test func noVariationLeavesPBlankAndSaysWhy() throws {
        let season = Fixture.small
        // Answered inquiries only: noanswer is 0 in both groups, nothing varies.
        let answered = (0..<season.inquiries.count).filter { inquiry in
            var accumulator = FigureAccumulator(.noanswer, definition: season.definition)
            accumulator.add([inquiry], season)
            return accumulator.figure.value == 0
        }
        let comparison = try evaluator.comparison(
            [.noanswer], Array(answered.prefix(3)), Array(answered.dropFirst(3)))
        let line = try #require(comparison.lines.first)
        #expect(line.test == nil)
        #expect(line.untested == .noVariation)
        let table = evaluator.comparisonTable(comparison, aLabel: "a", bLabel: "b")
        #expect(table.number("noanswer", "p") == nil)
        #expect(table.text(0, "sig") == "no variation")
        #expect(table.notes.contains(.noVariation))
        #expect(OutputFormat.csv.render(table).hasSuffix(",untested"))
    }

    @Test func smallBasesAreNotStarredAnywhere() throws {
        // The default minimum of 10 answers: every fixture group is below it.
        let t = try Fixture.run("compare participant \"Alfa Bank\" vs class")
        let sig = try #require(t.column(named: "sig"))
        #expect(
            t.rows.allSatisfy {
                $0[sig] == Cell(.significanceLevel(nil, untested: .smallBase(minBase: 10)))
                    || $0[sig] == Cell(.significanceLevel(nil, untested: nil))
            })
        #expect(t.rows.allSatisfy { $0[try! #require(t.column(named: "p"))].number == nil })
    }
}
