import KSPCore
import KSPTestSupport
import Testing

@testable import KSPQuery

/// Issue 17: a rank bootstrap draws a total's resampled mean from its normal approximation from
/// `ResampledMeans.normalBase` values on, value by value below it; "Best på <channel>" counts only the winner's
/// rank in each round.
@Suite("Resampled means")
struct ResampledMeansTests {
    @Test func belowTheBaseEveryValueIsDrawnAsBefore() {
        let values: [[Double]] = [[10, 20, 40], [55.5, 70, 81.25, 90, 12]]
        let resampled = ResampledMeans(values, approximate: true)
        var stream = BootstrapStream(seed: 7)
        var reference = SplitMix64(seed: 7)
        for _ in 0..<50 {
            for (p, own) in values.enumerated() {
                // The route before: resample into an array, then average it.
                var sample: [Double] = []
                for _ in own.indices { sample.append(own[Int(reference.next() % UInt64(own.count))]) }
                #expect(resampled.draw(p, &stream) == sample.reduce(0, +) / Double(sample.count))
            }
        }
    }

    @Test func fromTheBaseATotalIsDrawnFromItsNormalApproximation() throws {
        // 50 inquiries at 0 and 50 at 100: mean 50, plug-in variance 2500, resampled mean's variance 2500 / 100.
        let halves = [Double](repeating: 0, count: 50) + [Double](repeating: 100, count: 50)
        let resampled = ResampledMeans([halves, Array(halves.dropLast())], approximate: true)
        let normal = try #require(resampled.normal[0])
        #expect(normal.mean == 50)
        #expect(normal.standardError == 5)
        // 99 values are below the base; a metric that is not the total is never approximated.
        #expect(resampled.normal[1] == nil)
        #expect(ResampledMeans([halves], approximate: false).normal[0] == nil)
    }

    @Test func onlyParticipantsTenStandardErrorsBehindAreLeftOut() {
        // Means 80, 73 and 72.9 with standard errors 0.5 (n 100, sd 5): the difference's is 0.5·√2 = 0.7071, ten
        // of them 7.071; 80 − 73 = 7 is within them, 80 − 72.9 = 7.1 beyond.
        func spread(around mean: Double) -> [Double] {
            (0..<100).map { mean + ($0 % 2 == 0 ? 5 : -5) }
        }
        let resampled = ResampledMeans(
            [spread(around: 80), spread(around: 73), spread(around: 72.9), [70, 75]], approximate: true)
        #expect(!resampled.cannotPass(1, 0, lowerIsBetter: false))
        #expect(resampled.cannotPass(2, 0, lowerIsBetter: false))
        // Lower is better: the one behind is the higher.
        #expect(resampled.cannotPass(0, 2, lowerIsBetter: true))
        #expect(!resampled.cannotPass(2, 0, lowerIsBetter: true))
        // A participant drawn value by value is always drawn.
        #expect(!resampled.cannotPass(3, 0, lowerIsBetter: false))
    }

    /// The simulation behind the choice: eight participants with 120 skewed totals each (a tenth unanswered
    /// at 0, the rest spread over 40–100) and means within a few points, ranked 4000 times by each route. Each
    /// participant's chance of each rank agrees within 0.03, and the 2.5 % and 97.5 % points of its ranks
    /// within one place (seed 17; the largest difference seen is printed by the failure).
    @Test func theNormalRouteRanksAsEveryValueDrawn() {
        var generator = SplitMix64(seed: 17)
        let values: [[Double]] = (0..<8).map { p in
            (0..<120).map { _ in
                generator.uniform() < 0.1 ? 0 : 40 + 60 * generator.uniform().squareRoot() - Double(p) * 0.6
            }
        }
        let rounds = 4000
        func ranks(approximate: Bool) -> [[Int]] {
            let resampled = ResampledMeans(values, approximate: approximate)
            var stream = BootstrapStream(seed: approximate ? 1 : 2)
            var ranks = [[Int]](repeating: [], count: values.count)
            for _ in 0..<rounds {
                let scores = values.indices.map { resampled.draw($0, &stream) }
                for p in values.indices { ranks[p].append(1 + scores.filter { $0 > scores[p] }.count) }
            }
            return ranks
        }
        let exact = ranks(approximate: false)
        let normal = ranks(approximate: true)
        for p in values.indices {
            for rank in 1...values.count {
                let exactShare = Double(exact[p].filter { $0 == rank }.count) / Double(rounds)
                let normalShare = Double(normal[p].filter { $0 == rank }.count) / Double(rounds)
                #expect(abs(exactShare - normalShare) <= 0.03, "participant \(p), rank \(rank)")
            }
            let exactInterval = Evaluator.rankInterval(exact[p])
            let normalInterval = Evaluator.rankInterval(normal[p])
            #expect(abs(exactInterval.low - normalInterval.low) <= 1)
            #expect(abs(exactInterval.high - normalInterval.high) <= 1)
        }
    }

    /// Where every value is drawn, a channel award's interval is the winner's interval in `rank` on that channel.
    @Test func aChannelAwardsIntervalIsTheWinnersRankIntervalThere() throws {
        let season = HandSeason(
            participants: [("a", "Alfa", "Bank"), ("b", "Beta", "Bank"), ("g", "Gamma", "Bank")],
            inquiries: HandSeason.Inquiry.repeated("a", "phone", [60, 90, 40, 80])
                + HandSeason.Inquiry.repeated("b", "phone", [70, 70, 50, 60, 80])
                + HandSeason.Inquiry.repeated("g", "phone", [100, 30, 60, 70]),
            minInquiriesForAward: 4)
        let (winners, rank) = try season.load { loaded in
            let evaluator = Evaluator(season: loaded)
            return (try evaluator.run("winners"), try evaluator.run("rank where channel = phone"))
        }
        let lowColumn = try #require(rank.column("rank_low"))
        let highColumn = try #require(rank.column("rank_high"))
        let low = try #require(rank.rows[0][lowColumn].number)
        let high = try #require(rank.rows[0][highColumn].number)
        #expect(rank.text(0, "participant") == "Alfa")
        #expect(
            winners.notes.last?.text
                == "Best på Telefon rests on 4 inquiries on phone; resampled, its rank there is \(Int(low))–\(Int(high)) of 3"
        )
        #expect(low == 1)
        #expect(high == 3)
    }

    /// From the base on: a winner whose totals never vary, far ahead, is first in every round; two participants
    /// with the same 120 totals (40 and 60 alternating) pass each other half the time.
    @Test func largeBasesRankByTheNormalApproximation() throws {
        let alternating = (0..<120).map { $0 % 2 == 0 ? 40 : 60 }
        let ahead = HandSeason(
            participants: [("a", "Alfa", "Bank"), ("b", "Beta", "Bank")],
            inquiries: HandSeason.Inquiry.repeated("a", "phone", [Int](repeating: 90, count: 120))
                + HandSeason.Inquiry.repeated("b", "phone", alternating),
            minInquiriesForAward: 4)
        let even = HandSeason(
            participants: [("a", "Alfa", "Bank"), ("b", "Beta", "Bank")],
            inquiries: HandSeason.Inquiry.repeated("a", "phone", alternating)
                + HandSeason.Inquiry.repeated("b", "phone", alternating),
            minInquiriesForAward: 4)
        let aheadNote = try ahead.load { try Evaluator(season: $0).run("winners") }.notes.last?.text
        let evenNote = try even.load { try Evaluator(season: $0).run("winners") }.notes.last?.text
        #expect(aheadNote == "Best på Telefon rests on 120 inquiries on phone; resampled, its rank there is 1–1 of 2")
        #expect(evenNote == "Best på Telefon rests on 120 inquiries on phone; resampled, its rank there is 1–2 of 2")
    }
}
