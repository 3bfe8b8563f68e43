import Testing

@testable import KSPCore

/// Rules 2, 3 and 5 on the hand-computed fixture (Tests/Fixtures/README.md).
@Suite("Rules 2–5: inquiry scores")
struct ScoringTests {
    let s: Season
    init() throws { s = try Fixtures.small() }

    func area(_ id: String, _ a: String) -> Double? {
        let v = s.inquiries.areaScore(Fixtures.index(s, id), s.definition.areaIndex(id: a)!)
        return v.isNaN ? nil : v
    }
    func total(_ id: String) -> Double { s.inquiries.total[Fixtures.index(s, id)] }

    @Test func allTopMarks() {
        #expect(area("q1", "wait") == 100)
        #expect(area("q1", "welcome") == 100)
        #expect(total("q1") == 100)
    }

    @Test func secondAttemptHalvesWaitPoints() {
        #expect(area("q2", "wait") == 45)  // 50 s → 90 points × 0.5
        #expect(approx(area("q2", "welcome"), 20))  // (2·0 + 1·60) / 3
        #expect(approx(total("q2"), 31.25))
    }

    @Test func businessClockAndNotApplicable() {
        // 20 business hours over Christmas → the [1d, 80] bracket; T1 empty → impression undefined.
        #expect(approx(s.inquiries.waitSeconds[Fixtures.index(s, "q3")], 72000))
        #expect(area("q3", "wait") == 80)
        #expect(area("q3", "welcome") == 100)  // V2 is NA: V1 alone
        #expect(area("q3", "impression") == nil)
        #expect(approx(total("q3"), 82))  // renormalised over weights 5 + 20 + 50
    }

    @Test func waitOverTheLimitIsNoAnswerAndIgnoresItsCells() {
        let i = Fixtures.index(s, "q4")
        #expect(s.inquiries.answered[i] == false)
        #expect(area("q4", "wait") == 0)
        #expect(area("q4", "welcome") == nil)
        #expect(area("q4", "agent") == nil)
        #expect(total("q4") == 0)
        // Its filled-in answers do not count in the question figures either.
        let k1 = s.definition.questionIndex(id: "K1")!
        #expect(s.inquiries.raw(i, k1).isNaN)
    }

    @Test func neverAnswered() {
        #expect(total("q5") == 0)
        #expect(area("q5", "wait") == 0)
    }

    @Test func wallClockAcrossTheSwitchToSummerTime() {
        // 01:59 → 03:01 local on 31 March 2024 is 2 minutes in Europe/Oslo.
        #expect(s.inquiries.waitSeconds[Fixtures.index(s, "q6")] == 120)
        #expect(area("q6", "wait") == 100)
        let welcome: Double = 20 * 260.0 / 3
        let expected: Double = (500 + welcome + 1250 + 2500) / 100
        #expect(approx(total("q6"), expected))
    }

    @Test func renormalisedOverDefinedAreas() {
        // Only wait (50) and welcome (33.3) are defined: (5·50 + 20·33.33) / 25.
        #expect(area("q7", "agent") == nil)
        #expect(area("q7", "impression") == nil)
        #expect(approx(total("q7"), (250 + 20 * 100.0 / 3) / 25))
    }

    @Test func bracketBoundIsInclusive() {
        #expect(area("q8", "wait") == 100)  // exactly 40 s
        #expect(area("q9", "wait") == 70)  // 70 s ≤ 2 m
    }

    @Test func scorerOnItsOwn() {
        // An area where no question applies is undefined; the total is renormalised over the rest.
        let scorer = InquiryScorer(definition: s.definition)
        let nan = Double.nan
        let r = scorer.score(
            channel: 0, contactedAt: LocalDateTime.parse("2024-01-15T09:00")!,
            answeredAt: LocalDateTime.parse("2024-01-15T09:00:55")!,
            attempts: 1, raw: [nan, nan, 3, 1, nan, nan])
        #expect(r.areaScores[1] == nil)  // welcome: V1 and V2 not applicable
        #expect(r.areaScores[0] == 90)
        let expected: Double = (5 * 90 + 50 * 50 + 25 * 100) / 80.0
        #expect(approx(r.total, expected))
    }
}
