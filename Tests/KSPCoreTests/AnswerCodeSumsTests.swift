import Testing

@testable import KSPCore

/// `AnswerColumns.count` with `summingCodes`: every question's sum of codes and how many are answered, added in
/// 16-bit running sums that are moved on before they could overflow, beside the tally it always made.
@Suite("Answer codes summed with the tally")
struct AnswerCodeSumsTests {
    @Test func sumsCountsAndTallyByHand() {
        // A yes/no (codes 1 no, 2 yes), a 0–2000 scale (value v has code v + 1: its 16-bit running sums are moved
        // on every 32 rows) and a choice.
        let questions = [
            Question(id: "J", areaIndex: 0, type: .yesno, text: "J"),
            Question(id: "S", areaIndex: 0, type: .scale(min: 0, max: 2000), text: "S"),
            Question(id: "C", areaIndex: 0, type: .choice(options: [("a", 100), ("b", 40)]), text: "C"),
        ]
        var answers = AnswerColumns(questions: questions)
        // 100 rows: row r answers yes when r is even (50 yes, 50 no), the scale 2000 on every row but every
        // tenth (not applicable), the choice "b" (40 points, code 2) on the first 30 rows only.
        for r in 0..<100 {
            let row: [Double] = [r % 2 == 0 ? 1 : 0, r % 10 == 0 ? .nan : 2000, r < 30 ? 40 : .nan]
            row.withUnsafeBufferPointer { answers.append($0) }
        }
        let inquiries = Array(0..<100)
        let counts = answers.count(
            [AnswerColumns.TallySlot(column: 2, slot: 0)], over: inquiries, slotCount: 3, summingCodes: true)
        #expect(counts.codeSums == [50 * 2 + 50 * 1, 90 * 2001, 30 * 2])
        #expect(counts.answered == [100, 90, 30])
        #expect(counts.tally == [70, 0, 30])
        let tallyOnly = answers.count(
            [AnswerColumns.TallySlot(column: 0, slot: 0)], over: inquiries, slotCount: 3, summingCodes: false)
        #expect(tallyOnly.tally == [0, 50, 50])
        #expect(tallyOnly.codeSums.isEmpty)
        #expect(
            answers.tally([AnswerColumns.TallySlot(column: 0, slot: 0)], over: inquiries, slotCount: 3) == [0, 50, 50])
    }

    @Test func pointsRisingByOneStep() {
        #expect(GapRescorer.risesByOneStep([0, 100][...]))
        #expect(GapRescorer.risesByOneStep([0, 25, 50, 75, 100][...]))
        #expect(GapRescorer.risesByOneStep([7][...]))
        #expect(!GapRescorer.risesByOneStep([100, 60, 40, 0][...]))
        #expect(!GapRescorer.risesByOneStep([0, 1, 3][...]))
    }
}
