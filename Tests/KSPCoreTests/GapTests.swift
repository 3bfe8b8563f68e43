import Testing

@testable import KSPCore

/// `gap` on the hand-computed fixture (Tests/Fixtures/README.md tabulates every inquiry).
@Suite("Gap: what it takes, by the scoring rules")
struct GapTests {
    let s: Season
    init() throws { s = try Fixtures.small() }

    func inquiries(of participantId: String) -> [Int] {
        let p = s.participants.firstIndex { $0.id == participantId } ?? -1
        return (0..<s.inquiries.count).filter { Int(s.inquiries.participant[$0]) == p }
    }

    func gain(_ analysis: GapAnalysis, _ subject: GapItem.Subject) -> Double? {
        analysis.items.first { $0.subject == subject }?.gain
    }

    func question(_ id: String) -> GapItem.Subject { .question(s.definition.questionIndex(id: id) ?? -1) }

    @Test func rescoringPointsGivesTheStoredTotals() {
        let rescorer = GapRescorer(s, scoring: s.definition)
        for i in 0..<s.inquiries.count where s.inquiries.answered[i] {
            #expect(approx(rescorer.total(rescorer.points(of: i), wait: rescorer.waitPoints(i)), s.inquiries.total[i]))
        }
    }

    /// Beta Bank (q4, q5 unanswered; q6 answered, all areas defined, weights 5/20/50/25) to Alfa Bank
    /// (q1 q2 q3 q9): Alfa's means V1 75, V2 (100+60+100)/3, K1 75, T1 (100+0+100)/3, wait (100+45+80+70)/4.
    @Test func betaBankToAlfaBankByHand() {
        let g = GapCalculator.gap(s, own: inquiries(of: "p2"), target: inquiries(of: "p1"))
        // V1 100 → 75: welcome (2·75+60)/3 = 70 instead of 260/3; × 20/100; over 3 inquiries.
        #expect(approx(gain(g, question("V1")), (70 - 260.0 / 3) * 0.2 / 3))
        // V2 60 → 260/3: welcome (200 + 260/3)/3.
        #expect(approx(gain(g, question("V2")), ((200 + 260.0 / 3) / 3 - 260.0 / 3) * 0.2 / 3))
        #expect(approx(gain(g, question("K1")), (75 - 25) * 0.5 / 3))  // 25 → 75 on agent (50 %)
        #expect(approx(gain(g, question("T1")), (200.0 / 3 - 100) * 0.25 / 3))
        #expect(approx(gain(g, .wait), (73.75 - 100) * 0.05 / 3))
        // Answering: (2/3 − 0) × 59.8333 (q6's total, the own score for answered).
        #expect(approx(gain(g, .answering), 2.0 / 3 * (5 * 100 + 20 * 260.0 / 3 + 50 * 25 + 25 * 100) / 100))
        #expect(approx(g.ownTotal, 179.5 / 9))
        #expect(approx(g.targetTotal, 74.8125))
        #expect(approx(g.explained + g.remaining, 74.8125 - 179.5 / 9))
        // Questions in a zero-weight area (cx) do not count towards the total and get no row.
        #expect(gain(g, question("X1")) == nil)
        let answering = g.items.first { $0.subject == .answering }
        #expect(approx(answering?.ownPoints, 200.0 / 3))
        #expect(approx(answering?.targetPoints, 0))
    }

    /// Alfa Bank to Gamma Forsikring (q7 q8): N/A cells stay N/A, and q3 (T1 and V2 N/A) renormalises over 75.
    @Test func notApplicableStaysNotApplicable() {
        let g = GapCalculator.gap(s, own: inquiries(of: "p1"), target: inquiries(of: "p3"))
        // T1 to Gamma's 100 (q7's T1 is N/A): only q2 moves, 0 → 100 on impression (25 %); q3 keeps N/A.
        #expect(approx(gain(g, question("T1")), 25.0 / 4))
        // V1 to 50 (weight 2 of 3 in welcome): q1, q9 −100/3 × 0.2 each, q2 +100/3 × 0.2, q3 (V1 alone in
        // welcome, total over 75) −50 × 20/75: −20 over 4 inquiries.
        #expect(approx(gain(g, question("V1")), (-100.0 / 3 * 0.2 * 2 + 100.0 / 3 * 0.2 - 50 * 20.0 / 75) / 4))
        #expect(approx(gain(g, question("V1")), -5))
        // K1 to 75 (q7's K1 is N/A): q1 −12.5, q2 +12.5, q3 and q9 already 75.
        #expect(approx(gain(g, question("K1")), 0))
        #expect(g.items.first { $0.subject == question("K1") }?.ownBase == 4)
    }

    /// Setting every question and the wait to the target's level at once changes the total by exactly
    /// the sum of the rows: an inquiry's total is linear in its points once the N/A cells are fixed.
    @Test(arguments: [("p1", "p3"), ("p2", "p1"), ("p3", "p1"), ("p1", "p2")])
    func everyQuestionAtOnceReproducesTheSum(own: String, target: String) {
        let ownInquiries = inquiries(of: own)
        let g = GapCalculator.gap(s, own: ownInquiries, target: inquiries(of: target))
        let rescorer = GapRescorer(s, scoring: s.definition)
        let means = rescorer.meanPoints(inquiries(of: target).filter { s.inquiries.answered[$0] })
        var change = 0.0
        for i in ownInquiries where s.inquiries.answered[i] {
            let points = rescorer.points(of: i)
            var replaced = points
            for q in replaced.indices where !replaced[q].isNaN {
                replaced[q] = means.question[q] ?? replaced[q]
            }
            change += rescorer.total(replaced, wait: means.wait ?? rescorer.waitPoints(i)) - s.inquiries.total[i]
        }
        let rows = g.items.filter { $0.subject != .answering }.reduce(0) { $0 + $1.gain }
        #expect(approx(rows, change / Double(ownInquiries.count), 1e-12))
        #expect(approx(g.explained + g.remaining, g.targetTotal - g.ownTotal, 1e-12))
    }
}
