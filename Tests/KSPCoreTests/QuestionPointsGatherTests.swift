import Testing

@testable import KSPCore

/// `drivers` on questions gathers every predictor's points at once, a block of 4096 pool positions at a time: each
/// column must be what the question-at-a-time gather gives, for questions kept as codes and as numbers alike, across
/// the blocks' seams, in the pool's order (repeats and gaps included).
@Suite struct QuestionPointsGatherTests {
    static let questions = [
        Question(id: "V1", areaIndex: 0, type: .yesno, text: "Velkommen?"),
        Question(id: "K1", areaIndex: 0, type: .scale(min: -2, max: 2), text: "Hvor godt?"),
        Question(
            id: "V2", areaIndex: 0, type: .choice(options: [("Firmanavn", 100), ("Navn", 33.3), ("Ingen", 0)]),
            text: "Presentasjon"),
        Question(id: "W1", areaIndex: 0, type: .scale(min: 0, max: 1_000_000), text: "Bred skala"),
    ]

    /// 10 000 inquiries, inquiry i answering V1 i % 2, K1 i % 5 − 2, V2 by i % 4 (the fourth
    /// not asked), W1 i.
    static func columns() -> InquiryColumns {
        var columns = InquiryColumns()
        columns.answers = AnswerColumns(questions: questions)
        let choice: [Double] = [100, 33.3, 0, .nan]
        for i in 0..<10_000 {
            let row = [Double(i % 2), Double(i % 5 - 2), choice[i % 4], Double(i)]
            row.withUnsafeBufferPointer { columns.answers.append($0) }
        }
        columns.count = 10_000
        return columns
    }

    @Test func everyColumnIsTheOneQuestionAtATimeGives() {
        let columns = QuestionPointsGatherTests.columns()
        #expect(!columns.answers.isCoded(3))
        // 10 005 positions: the blocks' seams fall at positions 4096 and 8192 (inquiries 5 903 and 1 807).
        let pool = Array((0..<10_000).reversed()) + [5, 5, 4_096, 4_095, 8_192]
        let picked = [3, 0, 2, 1]
        let definitions = picked.map { QuestionPointsGatherTests.questions[$0] }
        let gathered = columns.points(picked, definitions, over: pool)
        for (k, question) in picked.enumerated() {
            let single = columns.points(question, definitions[k], over: pool)
            #expect(gathered[k].count == pool.count)
            #expect(zip(gathered[k], single).allSatisfy { $0.bitPattern == $1.bitPattern })
        }
        // By hand: inquiry 5 answers V1 1 (100 points), K1 5 % 5 − 2 = −2 (0 points), V2 33.3, W1 5 (0.0005).
        let at = pool.count - 4
        #expect(gathered.map { $0[at] } == [0.0005, 100, 33.3, 0])
        // Inquiry 4 095 (4095 % 4 = 3): V2 not asked.
        #expect(gathered[2][pool.count - 2].isNaN)
        // The first position of the second block, inquiry 5 903: V1 1 (100), K1 5903 % 5 − 2 = 1 (75), V2 not asked
        // (5903 % 4 = 3), W1 5 903 (0.5903).
        #expect(gathered[0][4_096] == 0.5903)
        #expect(gathered[1][4_096] == 100)
        #expect(gathered[2][4_096].isNaN)
        #expect(gathered[3][4_096] == 75)
    }
}
