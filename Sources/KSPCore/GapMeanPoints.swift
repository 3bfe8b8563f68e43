import Dispatch

extension GapRescorer {
    /// Mean points per question (over the inquiries where it was asked) and mean wait points, in one pass
    /// over the inquiries' answer codes, every figure to the same bits as adding each inquiry's points in
    /// turn:
    /// - a question whose points are whole numbers (yes/no, most choices and scales) counts its codes and
    ///   sums count × points afterwards: every partial sum is a whole number below 2⁵³, so both ways add
    ///   exactly and agree (`gap … to all` at 100×: 475 000 × 30 answers, 31 ms added one by one);
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
        let limit = 9_007_199_254_740_992.0 / Double(max(inquiries.count, 1))  // 2⁵³ / n
        let counted = questions.indices.map { q in
            coded[q]
                && codePoints[slots[q] + 1..<slots[q] + answers.values[q].count].allSatisfy {
                    $0 == $0.rounded() && abs($0) < limit
                }
        }
        let wanted = questions.indices.filter { !scoredOnly || questionWeight[$0] > 0 }
        let countedQuestions = wanted.filter { counted[$0] }
        let addedQuestions = wanted.filter { !counted[$0] }
        var sums = [Double](repeating: 0, count: questionCount)
        var bases = [Int](repeating: 0, count: questionCount)
        // The counting is split over the two cores for a large set (counts add exactly, in any order); the
        // questions added one by one keep the inquiries' order in one pass of their own.
        let parts = inquiries.count >= 50_000 && !countedQuestions.isEmpty ? 2 : 1
        var tallies = [[Int]](repeating: [Int](repeating: 0, count: codePoints.count), count: parts)
        let codeColumn = answers.codes
        let slotOf = slots
        tallies.withUnsafeMutableBufferPointer { tallies in
            // Each part writes only its own tally.
            nonisolated(unsafe) let perPart = tallies
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let start = inquiries.count * part / parts
                let end = inquiries.count * (part + 1) / parts
                codeColumn.withUnsafeBufferPointer { codes in
                    inquiries.withUnsafeBufferPointer { inquiries in
                        countedQuestions.withUnsafeBufferPointer { countedQuestions in
                            slotOf.withUnsafeBufferPointer { slots in
                                perPart[part].withUnsafeMutableBufferPointer { tally in
                                    for inquiry in inquiries[start..<end] {
                                        let row = inquiry &* questionCount
                                        for q in countedQuestions {
                                            tally[slots[q] &+ Int(codes[row &+ q])] &+= 1
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        var tally = tallies[0]
        for part in tallies.dropFirst() {
            for slot in tally.indices { tally[slot] += part[slot] }
        }
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
