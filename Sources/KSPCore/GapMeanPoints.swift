extension GapRescorer {
    /// Mean points per question (over the inquiries where it was asked) and mean wait points, from the
    /// inquiries' answer codes, every figure to the same bits as adding each inquiry's points in turn:
    /// - a question whose points are whole numbers (yes/no, most choices and scales) has its codes counted
    ///   (`AnswerColumns.tally`) and sums count × points afterwards (`gap … to all` at 100×: 475 000 × 30
    ///   answers, 31 ms added one by one);
    /// - any other question adds its points one by one in the inquiries' order.
    /// `scoredOnly` leaves out the questions that do not count towards the total (their mean is nil),
    /// which a gap does not show.
    public func meanPoints(_ inquiries: [Int], scoredOnly: Bool = false)
        -> (question: [Double?], base: [Int], wait: Double?)
    {
        let questions = season.definition.questions
        let answers = season.inquiries.answers
        let questionCount = answers.questionCount
        // Question q's code c has its points at `slots[q] + c` (code 0, not asked, has NaN points).
        let coded = questions.indices.map(answers.isCoded)
        var slots: [Int] = []
        var codePoints: [Double] = []
        for (q, question) in questions.enumerated() {
            slots.append(codePoints.count)
            if coded[q] { codePoints += answers.values[q].map(question.points(raw:)) }
        }
        let counted = questions.indices.map { q in
            coded[q]
                && AnswerColumns.countsExactly(
                    codePoints[slots[q] + 1..<slots[q] + answers.values[q].count], over: inquiries.count)
        }
        let wanted = questions.indices.filter { !scoredOnly || questionWeight[$0] > 0 }
        let countedQuestions = wanted.filter { counted[$0] }
        let addedQuestions = wanted.filter { !counted[$0] }
        var sums = [Double](repeating: 0, count: questionCount)
        var bases = [Int](repeating: 0, count: questionCount)
        let tally = answers.tally(
            countedQuestions.map { AnswerColumns.TallySlot(column: $0, slot: slots[$0]) }, over: inquiries,
            slotCount: codePoints.count)
        // The questions added one by one keep the inquiries' order in a pass of their own.
        if !addedQuestions.isEmpty {
            for inquiry in inquiries {
                for q in addedQuestions {
                    let value =
                        coded[q]
                        ? codePoints[slots[q] + Int(answers.codes[inquiry * questionCount + q])]
                        : questions[q].points(raw: answers.value(inquiry, q))
                    if value.isNaN { continue }
                    sums[q] += value
                    bases[q] += 1
                }
            }
        }
        for q in countedQuestions {
            for code in 1..<answers.values[q].count where tally[slots[q] + code] > 0 {
                sums[q] += Double(tally[slots[q] + code]) * codePoints[slots[q] + code]
                bases[q] += tally[slots[q] + code]
            }
        }
        var waitSum = 0.0
        var waitBase = 0
        if let waitArea {
            // Through the scores' buffer: `waitPoints` per inquiry retains the column each time.
            let areaCount = season.inquiries.areaCount
            season.inquiries.areaScores.withUnsafeBufferPointer { scores in
                for inquiry in inquiries {
                    let wait = scores[inquiry &* areaCount &+ waitArea]
                    if !wait.isNaN {
                        waitSum += wait
                        waitBase += 1
                    }
                }
            }
        }
        let means = sums.indices.map { bases[$0] > 0 ? sums[$0] / Double(bases[$0]) : nil }
        return (means, bases, waitBase > 0 ? waitSum / Double(waitBase) : nil)
    }
}
