import Testing

@testable import KSPCore

/// The answers as codes: every value comes back exactly as it went in, whatever its question keeps.
@Suite struct AnswerColumnsTests {
    static let yesno = Question(id: "V1", areaIndex: 0, type: .yesno, text: "Velkommen?")
    static let scale = Question(id: "K1", areaIndex: 0, type: .scale(min: -2, max: 2), text: "Hvor godt?")
    static let choice = Question(
        id: "V2", areaIndex: 0,
        type: .choice(options: [
            ("firmanavn og eget navn", 100), ("kun eget navn", 33.3), ("ingen", 0), ("annet", 33.3),
        ]),
        text: "Presentasjon")
    static let wide = Question(id: "W1", areaIndex: 0, type: .scale(min: 0, max: 1_000_000), text: "Bred skala")

    /// Appends rows and reads every cell back (NaN as nil, so that rows compare).
    func roundTrip(_ questions: [Question], _ rows: [[Double]]) -> (AnswerColumns, [[Double?]]) {
        var answers = AnswerColumns(questions: questions)
        for row in rows { row.withUnsafeBufferPointer { answers.append($0) } }
        let back = (0..<answers.count).map { i in
            (0..<questions.count).map { q -> Double? in
                let value = answers.value(i, q)
                return value.isNaN ? nil : value
            }
        }
        return (answers, back)
    }

    @Test func codesHoldEveryValueOfTheTypes() {
        let nan = Double.nan
        let (answers, back) = roundTrip(
            [Self.yesno, Self.scale, Self.choice],
            [[1, -2, 33.3], [0, 2, 100], [nan, 0, nan], [1, nan, 0]])
        #expect(back == [[1, -2, 33.3], [0, 2, 100], [nil, 0, nil], [1, nil, 0]])
        // yes/no: 0 → 1, 1 → 2; the scale −2…2: −2 → 1 … 2 → 5; the choice's distinct points in option order.
        #expect(answers.codes == [2, 1, 2, 1, 5, 1, 0, 3, 0, 2, 0, 3])
        #expect(answers.values[2].dropFirst() == [100, 33.3, 0])
        #expect((0..<3).allSatisfy(answers.isCoded))
    }

    @Test func aScaleTooWideForCodesKeepsNumbers() {
        let (answers, back) = roundTrip([Self.yesno, Self.wide], [[1, 999_999], [0, .nan], [1, 0]])
        #expect(back == [[1, 999_999], [0, nil], [1, 0]])
        #expect(answers.isCoded(0))
        #expect(!answers.isCoded(1))
        #expect(answers.numbers[1].count == 3)
    }

    @Test func aValueTheTableLacksTurnsTheQuestionIntoNumbers() {
        // A combined season whose older season scored a choice with other points.
        let (answers, back) = roundTrip([Self.choice, Self.yesno], [[100, 1], [33.3, 0], [50, 1], [0, 0]])
        #expect(back == [[100, 1], [33.3, 0], [50, 1], [0, 0]])
        #expect(!answers.isCoded(0))
        #expect(answers.isCoded(1))
        // A scale value off the whole numbers, or outside the scale.
        let (_, off) = roundTrip([Self.scale], [[1], [0.5], [3], [-2]])
        #expect(off == [[1], [0.5], [3], [-2]])
    }

    @Test func appendingSetsMeetsNumbersWithCodes() {
        var first = roundTrip([Self.choice, Self.yesno], [[100, 1], [33.3, 0]]).0
        let second = roundTrip([Self.choice, Self.yesno], [[50, 1], [0, .nan]]).0
        first.append(contentsOf: second)
        #expect(first.count == 4)
        #expect((0..<4).map { first.value($0, 0) } == [100, 33.3, 50, 0])
        #expect(first.value(3, 1).isNaN)
        #expect(first.value(2, 1) == 1)
        // And the other way round: codes first, numbers appended.
        var coded = roundTrip([Self.choice], [[0]]).0
        coded.append(contentsOf: roundTrip([Self.choice], [[12.5]]).0)
        #expect([coded.value(0, 0), coded.value(1, 0)] == [0, 12.5])
        #expect(!coded.isCoded(0))
    }

    @Test func clearingMakesEveryAnswerNotApplicable() {
        var answers = roundTrip([Self.yesno, Self.wide], [[1, 7], [0, 8]]).0
        answers.clear(1)
        #expect(answers.value(0, 0) == 1)
        #expect(answers.value(0, 1) == 7)
        #expect(answers.value(1, 0).isNaN)
        #expect(answers.value(1, 1).isNaN)
    }
}
