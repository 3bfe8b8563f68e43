import Testing

@testable import KSPCore

/// Rescoring one question of an inquiry from its area sums gives the bits of rescoring the whole inquiry.
@Suite("Gap rescoring by one area")
struct GapRescoringTests {
    @Test func replacingOneQuestionGivesTheBitsOfTheWholeTotal() throws {
        let season = try Fixtures.sample()
        let rescorer = GapRescorer(season, scoring: season.definition)
        var scratch = GapRescorer.Scratch(areaCount: season.definition.areas.count)
        var combination = GapRescorer.Combination(areaCount: season.definition.areas.count)
        var checked = 0
        for inquiry in stride(from: 0, to: season.inquiries.count, by: 37) where season.inquiries.answered[inquiry] {
            var points = rescorer.points(of: inquiry)
            let wait = rescorer.waitPoints(inquiry)
            _ = points.withUnsafeBufferPointer { rescorer.total($0, wait: wait, &scratch) }
            rescorer.prepare(scratch, &combination)
            for question in points.indices where rescorer.questionWeight[question] > 0 && !points[question].isNaN {
                let replaced = points.withUnsafeBufferPointer {
                    rescorer.total(replacing: question, with: 61.25, in: $0, wait: wait, combination: combination)
                }
                let own = points[question]
                points[question] = 61.25
                #expect(replaced == rescorer.total(points, wait: wait))
                points[question] = own
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    /// Beta Bank's q6 in the hand-computed fixture (every area defined; wait 100, welcome V1 100 × 2 and V2 60
    /// = 260/3, agent K1 25, impression T1 100; weights 5/20/50/25): one question changed changes its area
    /// only, and the areas after it are added as before.
    @Test func oneQuestionChangedByHand() throws {
        let season = try Fixtures.small()
        let inquiry = try #require((0..<season.inquiries.count).first { season.inquiries.id($0) == "q6" })
        let rescorer = GapRescorer(season, scoring: season.definition)
        let points = rescorer.points(of: inquiry)
        let wait = rescorer.waitPoints(inquiry)
        var scratch = GapRescorer.Scratch(areaCount: season.definition.areas.count)
        var combination = GapRescorer.Combination(areaCount: season.definition.areas.count)
        let own = points.withUnsafeBufferPointer { rescorer.total($0, wait: wait, &scratch) }
        rescorer.prepare(scratch, &combination)
        // Rule 5 over the four areas that count, by hand.
        func byHand(wait: Double, welcome: Double, agent: Double, impression: Double) -> Double {
            let weighted: Double = 5 * wait + 20 * welcome + 50 * agent + 25 * impression
            return weighted / 100
        }
        let welcome: Double = 260.0 / 3
        #expect(approx(own, byHand(wait: 100, welcome: welcome, agent: 25, impression: 100)))
        #expect(combination.total == own)
        func replaced(_ id: String, _ value: Double) -> Double {
            let question = season.definition.questionIndex(id: id) ?? -1
            return points.withUnsafeBufferPointer {
                rescorer.total(replacing: question, with: value, in: $0, wait: wait, combination: combination)
            }
        }
        // V1 100 → 75: welcome (2 · 75 + 60) / 3 = 70.
        #expect(approx(replaced("V1", 75), byHand(wait: 100, welcome: 70, agent: 25, impression: 100)))
        #expect(approx(replaced("V1", 75), 56.5))
        // K1 25 → 75 on agent, the areas before and after it as they were.
        #expect(approx(replaced("K1", 75), byHand(wait: 100, welcome: welcome, agent: 75, impression: 100)))
        // T1, the last area that counts: 100 → 40.
        #expect(approx(replaced("T1", 40), byHand(wait: 100, welcome: welcome, agent: 25, impression: 40)))
        // X1 is in cx, an area of weight 0: the total stays as it is, bit for bit.
        #expect(replaced("X1", 0) == own)
    }
}

/// A large participant's gains are shared out between the two cores by question; each gain has the bits of
/// adding it on one core.
@Suite("Gap gains on two cores")
struct GapGainsOnTwoCoresTests {
    @Test func halvesGiveTheBitsOfOnePass() throws {
        let season = try Fixtures.sample()
        let rescorer = GapRescorer(season, scoring: season.definition)
        let own = (0..<season.inquiries.count).filter { season.inquiries.answered[$0] && $0 % 3 == 0 }
        let points = own.flatMap { rescorer.points(of: $0) }
        let waits = own.map { rescorer.waitPoints($0) }
        let totals = own.indices.map { k in
            rescorer.total(
                Array(points[k * rescorer.questionWeight.count..<(k + 1) * rescorer.questionWeight.count]),
                wait: waits[k])
        }
        let replacements = rescorer.questionWeight.indices.filter { rescorer.questionWeight[$0] > 0 }.map {
            (question: $0, mean: 37.5 + Double($0))
        }
        let one = rescorer.gains(
            replacing: replacements, points: points, waits: waits, totals: totals, halvesFrom: .max)
        let two = rescorer.gains(replacing: replacements, points: points, waits: waits, totals: totals, halvesFrom: 1)
        #expect(one.count == replacements.count)
        #expect(one == two)
        #expect(one.contains { $0 != 0 })
    }
}
