import Testing

@testable import KSPCore

@Suite("Rule 6: group figures")
struct GroupFigureTests {
    let s: Season
    init() throws { s = try Fixtures.small() }

    var all: [Int] { Array(0..<s.inquiries.count) }
    func of(_ name: String) -> [Int] { s.inquiries(ofParticipant: s.participantIndex(named: name)!) }
    func area(_ id: String) -> Metric { .area(s.definition.areaIndex(id: id)!) }

    @Test func totalCountsUnansweredAsZero() {
        #expect(approx(s.figure(.total, over: of("Alfa Bank")).value, 299.25 / 4))
        let q6: Double = (20 * 260.0 / 3 + 4250) / 100
        #expect(approx(s.figure(.total, over: of("Beta Bank")).value, q6 / 3))
        #expect(s.figure(.total, over: of("Beta Bank")).base == 3)
    }

    @Test func totalAnsweredLeavesUnansweredOut() {
        let f = s.figure(.totalAnswered, over: of("Beta Bank"))
        #expect(f.base == 1)
        let q6: Double = (20 * 260.0 / 3 + 4250) / 100
        #expect(approx(f.value, q6))
    }

    @Test func areasOverDefinedScores() {
        let alfa = of("Alfa Bank")
        #expect(approx(s.figure(area("wait"), over: alfa).value, 73.75))  // (100 + 45 + 80 + 70) / 4
        #expect(approx(s.figure(area("welcome"), over: alfa).value, 80))
        #expect(approx(s.figure(area("agent"), over: alfa).value, 75))
        let imp = s.figure(area("impression"), over: alfa)
        #expect(approx(imp.value, 200.0 / 3))  // q3 undefined
        #expect(imp.base == 3)
        // The wait area counts unanswered inquiries as 0; dialogue areas leave them out.
        #expect(s.figure(area("wait"), over: of("Beta Bank")).base == 3)
        #expect(s.figure(area("agent"), over: of("Beta Bank")).base == 1)
    }

    @Test func questionMeanOverApplicable() {
        let k1 = Metric.question(s.definition.questionIndex(id: "K1")!)
        // Answered K1: q1 5 (100), q2 3 (50), q3 4 (75), q6 2 (25), q8 4 (75), q9 4 (75); q7 N/A, q4 ignored.
        let f = s.figure(k1, over: all)
        #expect(f.base == 6)
        #expect(approx(f.value, 400.0 / 6))
    }

    @Test func cxMeansOfRawAnswers() {
        #expect(approx(s.figure(.cx(.csat), over: all).value, 24.0 / 7))
    }

    @Test func npsPromotersMinusDetractors() {
        // 10 7 9 6 0 8 9: promoters 3, passives 2, detractors 2 → (3 − 2) / 7 × 100.
        let f = s.figure(.cx(.nps), over: all)
        #expect(f.base == 7)
        #expect(approx(f.value, 100.0 / 7))
        // Alfa Bank: 10 7 9 9 → (3 − 0) / 4.
        #expect(approx(s.figure(.cx(.nps), over: of("Alfa Bank")).value, 75))
    }

    @Test func countsAndShares() {
        #expect(s.figure(.n, over: all).value == 9)
        #expect(approx(s.figure(.noanswer, over: all).value, 200.0 / 9))  // q4, q5
        #expect(approx(s.figure(.noanswer1, over: all).value, 300.0 / 9))  // q4, q5 and q2 (second attempt)
    }

    @Test func medianWaitOfAnswered() {
        // 30 40 50 70 120 150 s on the wall clock and 72000 s of e-mail business time: not one median.
        #expect(s.figure(.waitMedian, over: all).value == nil)
        // Without the e-mail: 30 40 50 70 120 150 → (50 + 70) / 2.
        let wallClock = all.filter { s.inquiries.channel[$0] != 2 }
        #expect(s.figure(.waitMedian, over: wallClock).value == 60)
        // Even count: Gamma 150 and 40 → 95.
        #expect(s.figure(.waitMedian, over: of("Gamma Forsikring")).value == 95)
    }

    @Test func emptyGroupIsUndefined() {
        #expect(s.figure(.total, over: []).value == nil)
        #expect(s.figure(.cx(.nps), over: []).value == nil)
    }
}
