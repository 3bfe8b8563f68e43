/// Questions' points per answer code, laid end to end: question k's code c has its points at `slots[k] + c` (code
/// 0, not asked, at `slots[k]`). Worked out once per code with the caller's rule (a gap rescores by the scoring
/// rules' arithmetic, group figures by `QuestionPoints`), so a pass over the inquiries looks points up by code: the
/// same arithmetic on the same answer as per inquiry. A question kept as numbers has no codes here.
public struct CodePoints: Sendable {
    public let slots: [Int]
    public let points: [Double]

    /// `questions`: columns of `answers`; `rule`: the points of a question's (by its position in `questions`) raw
    /// answer.
    public init(_ questions: [Int], _ answers: AnswerColumns, rule: (Int, Double) -> Double) {
        var slots: [Int] = []
        var points: [Double] = []
        for (k, question) in questions.enumerated() {
            slots.append(points.count)
            if answers.isCoded(question) { points += answers.values[question].map { rule(k, $0) } }
        }
        self.slots = slots
        self.points = points
    }

    /// Where question k's codes end (one past its last).
    public func end(_ k: Int) -> Int { k + 1 < slots.count ? slots[k + 1] : points.count }

    /// The points of question k's answers (code 1 on; code 0 left out).
    public func answered(_ k: Int) -> ArraySlice<Double> { points[(slots[k] + 1)..<end(k)] }
}
