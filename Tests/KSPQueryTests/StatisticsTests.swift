import Foundation
import KSPCore
import KSPRender
import KSPTestSupport
import Testing

@testable import KSPQuery

@Suite("Comparing honestly")
struct StatisticsTests {
    @Test func participantAgainstTheRestOfItsClass() throws {
        // Bases 4 and 3: below the default minimum of 10, so not tested at all.
        let small = try Fixture.run("compare participant \"Alfa Bank\" vs class on total, noanswer")
        #expect(small.number("total", "p") == nil)
        #expect(small.text(0, "sig") == "small base")
        #expect(small.notes.contains(.comparedSmallBase(minBase: 10)))
        let t = try Evaluator(season: Fixture.small, options: EvaluationOptions(minBase: 2))
            .run("compare participant \"Alfa Bank\" vs class on total, noanswer")
        // Welch: p = 0.0921660343535726 (scipy); noanswer 0/4 vs 2/3 pooled z-test p = 0.0533 (scipy).
        #expect(approx(t.number("total", "p"), 0.0921660343535726, 1e-9))
        #expect(approx(t.number("noanswer", "p"), 0.053336852829139844, 1e-9))
        // Holm over the 2 tests: 2 × 0.0533 = 0.1067, then max(0.1067, 1 × 0.0922).
        #expect(approx(t.number("noanswer", "p_adj"), 2 * 0.053336852829139844, 1e-9))
        #expect(approx(t.number("total", "p_adj"), 2 * 0.053336852829139844, 1e-9))
        #expect(t.text(0, "sig") == "")
        let csv = OutputFormat.csv.render(t)
        #expect(
            csv.hasPrefix(
                "metric,a,b,diff,diff_ci_low,diff_ci_high,n_a,n_b,p,p_adj,sig\ntotal,74.8,19.9,54.9,"))
        #expect(csv.contains(",4,3,0.0922,0.1067,none\n"))
    }

    @Test func compareAgainstAList() throws {
        let t = try Fixture.run("compare participant \"Alfa Bank\" vs (\"Beta Bank\", \"Gamma Forsikring\") on total")
        #expect(t.number("total", "n_b") == 5)
        #expect(approx(t.number("total", "b"), (59.833333333 + 121.5) / 5, 1e-6))
    }

    @Test func compareWithAll() throws {
        // vs all is the rest: the 9 inquiries less phone's 7.
        let t = try Fixture.run("compare channel phone vs all on n")
        #expect(t.number("n", "a") == 7)
        #expect(t.number("n", "b") == 2)
    }

    @Test func classRequiresAParticipant() {
        #expect(
            Fixture.error("compare channel phone vs class")?.message.hasPrefix("vs class compares a participant")
                == true)
    }

    @Test func confidenceIntervals() throws {
        let t = try Evaluator(season: Fixture.small, options: EvaluationOptions(minBase: 1, confidenceIntervals: true))
            .run("total by participant")
        // Alfa Bank: mean 74.8125, s² of (100, 31.25, 82, 86) = 896.0807…, t(0.975; 3) = 3.182446305.
        let values = [100, 31.25, 82, 86]
        let mean = values.reduce(0, +) / 4
        let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 3
        let half = 3.182446305284263 * (variance / 4).squareRoot()
        #expect(approx(t.number("Alfa Bank", "total_ci_low"), mean - half, 1e-6))
        // mean + half = 122.6: clipped to the score's ceiling of 100.
        #expect(approx(t.number("Alfa Bank", "total_ci_high"), min(100, mean + half), 1e-6))
        let csv = OutputFormat.csv.render(t)
        #expect(csv.hasPrefix("participant,total,total_sig,total_ci_low,total_ci_high,n_total,n\n"))
        #expect(OutputFormat.table.render(t).contains("total 95% CI"))
    }

    @Test func confidenceIntervalsInCrosstabsAndQuestionTables() throws {
        let e = Evaluator(season: Fixture.small, options: EvaluationOptions(minBase: 1, confidenceIntervals: true))
        let x = try e.run("total by class across channel")
        #expect(
            x.visible(to: .people).columns.map(\.name) == [
                "class", "phone", "messenger", "email", "all",
                "phone 95% CI", "messenger 95% CI", "email 95% CI", "all 95% CI", "n",
            ])
        // Bank's phone: q1 q2 q4 q5 q9 = 100, 31.25, 0, 0, 86: the t interval with 4 degrees of freedom.
        let v = [100, 31.25, 0, 0, 86]
        let mean = v.reduce(0, +) / 5
        let sd = (v.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 4).squareRoot()
        let half = 2.7764451051977987 * sd / 5.0.squareRoot()  // t(0.975; 4)
        // mean − half = −15.2: clipped to the score's floor of 0.
        #expect(approx(x.number("Bank", "phone_ci_low"), max(0, mean - half), 1e-6))
        let q = try e.run("questions by channel where area = agent")
        #expect(q.visible(to: .machines).columns.map(\.name).contains("all_ci_high"))
    }

    @Test func markersOnAClearDifference() throws {
        // Built so that one channel is clearly above the rest: the generated sample's phone vs messenger.
        let sample = try SeasonLoader.load(
            directory: Fixture.root.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
                "samples/ksp2024"
            ).path)
        let t = try Evaluator(season: sample).run("total by channel")
        #expect(t.rows.first { $0[0].value == .text("phone") }?[1].flags == .above)
        #expect(t.rows.first { $0[0].value == .text("messenger") }?[1].flags == .below)
        #expect(t.notes.contains(.markers(family: .restOfTable, testCount: 4)))
        let csv = OutputFormat.csv.render(t)
        #expect(csv.contains("phone,68.1,above,2519"))
    }

    @Test func noMarkersOnSmallBases() throws {
        // Every group of the fixture is below the base of 10: nothing is tested.
        let t = try Fixture.run("total by participant")
        #expect(!t.rows.contains { $0.contains { !$0.flags.isDisjoint(with: [.above, .below]) } })
    }

    @Test func rankBootstrapIsReproducibleAndSeparatesClearCases() throws {
        // Two participants far apart and one in between, 25 inquiries each: built here so it is clear-cut.
        let season = try SyntheticSeason.make(totals: ["Høy": 90, "Middels": 60, "Lav": 20], perParticipant: 25)
        let e = Evaluator(season: season, options: EvaluationOptions(minBase: 1))
        let a = try e.run("rank")
        let b = try e.run("rank")
        #expect(a == b)
        #expect(a.firstColumn.isEmpty == false)
        let names = a.rows.map { r -> String in if case .text(let t) = r[1].value { return t } else { return "" } }
        #expect(names == ["Høy", "Middels", "Lav"])
        let csv = OutputFormat.csv.render(a)
        #expect(csv.hasPrefix("rank,participant,class,total,n,rank_low,rank_high\n1,Høy,Bank,"))
        #expect(csv.contains(",25,1,1\n"))  // Høy: always first
        #expect(csv.hasSuffix(",25,3,3"))  // Lav: always last
        var other = e
        other.options.seed = 99
        #expect(try other.run("rank within class Bank by agent").rows.count == 3)
    }
}

/// A season built in memory with chosen per-participant quality, for statistical tests.
enum SyntheticSeason {
    static func make(totals: [String: Double], perParticipant n: Int) throws -> Season {
        let yaml = try String(contentsOf: Fixture.root.appendingPathComponent("small/season.yaml"), encoding: .utf8)
        var participants = "id,name,class\n"
        var inquiries = "id,participant,channel,shopper,contacted_at,answered_at,attempts,V1,V2,K1,T1,X1,X3\n"
        var rng = SplitMix64(seed: 3)
        var k = 0
        for (p, (name, level)) in totals.sorted(by: { $0.key < $1.key }).enumerated() {
            participants += "p\(p),\(name),Bank\n"
            for j in 0..<n {
                k += 1
                // Answers scattered around the level: K1 on 1–5, yes/no with the level as probability.
                let q = min(1, max(0, level / 100 + (rng.uniform() - 0.5) * 0.3))
                let k1 = 1 + Int((q * 4).rounded())
                let yes = rng.uniform() < q ? "ja" : "nei"
                inquiries +=
                    "i\(k),p\(p),phone,S\(j),2024-01-15T09:00:00,2024-01-15T09:00:30,1,\(yes),Ingen,\(k1),\(yes),3,5\n"
            }
        }
        return try SeasonLoader.load(
            definition: Array(yaml.utf8), participants: Array(participants.utf8), inquiries: Array(inquiries.utf8))
    }
}
