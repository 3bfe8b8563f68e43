import Dispatch

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
        let table = CodePoints(Array(questions.indices), answers) { q, raw in questions[q].points(raw: raw) }
        let slots = table.slots
        let codePoints = table.points
        let counted = questions.indices.map { q in
            coded[q] && AnswerColumns.countsExactly(table.answered(q), over: inquiries.count)
        }
        let wanted = questions.indices.filter { !scoredOnly || questionWeight[$0] > 0 }
        let countedQuestions = wanted.filter { counted[$0] }
        let addedQuestions = wanted.filter { !counted[$0] }
        var sums = [Double](repeating: 0, count: questionCount)
        var bases = [Int](repeating: 0, count: questionCount)
        // A counted question whose points rise by one whole step from code to code (yes/no, a scale) has its
        // points' sum from its codes' sum: code c's points are first + (c − 1) × step.
        let stepped = countedQuestions.filter { q in GapRescorer.risesByOneStep(table.answered(q)) }
        let tallied = countedQuestions.filter { !stepped.contains($0) }
        let counts = answers.count(
            tallied.map { AnswerColumns.TallySlot(column: $0, slot: slots[$0]) }, over: inquiries,
            slotCount: codePoints.count, summingCodes: !stepped.isEmpty)
        let tally = counts.tally
        for q in stepped {
            // Whole numbers within `countsExactly`'s bound: the sum is an exact integer, as count × points added
            // code by code gives it.
            let answered = counts.answered[q]
            let first = Int(codePoints[slots[q] + 1])
            let step = answers.values[q].count > 2 ? Int(codePoints[slots[q] + 2] - codePoints[slots[q] + 1]) : 0
            sums[q] = Double(first * answered + step * (counts.codeSums[q] - answered))
            bases[q] = answered
        }
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
        for q in tallied {
            for code in 1..<answers.values[q].count where tally[slots[q] + code] > 0 {
                sums[q] += Double(tally[slots[q] + code]) * codePoints[slots[q] + code]
                bases[q] += tally[slots[q] + code]
            }
        }
        let wait = waitArea.flatMap { waitMean(inquiries, area: $0) }
        let means = sums.indices.map { bases[$0] > 0 ? sums[$0] / Double(bases[$0]) : nil }
        return (means, bases, wait)
    }

    /// Whether points (one per code from code 1) are whole numbers rising by the same step from each code to
    /// the next (a step of 0 and a single code included).
    static func risesByOneStep(_ points: ArraySlice<Double>) -> Bool {
        guard let first = points.first, let second = points.dropFirst().first else { return true }
        let step = second - first
        return zip(points, points.dropFirst()).allSatisfy { $1 - $0 == step }
    }

    /// 1.5 × 2⁵²: a Double of magnitude below 2⁵¹ plus this, less this, is the whole number nearest to it.
    static let roundingShift = 6_755_399_441_055_744.0

    /// Mean wait points (over the inquiries whose wait area has a score), added in the inquiries' order.
    /// A large set is added in two halves on the two cores (the scores lie one row of areas apart, so the
    /// pass is a read of most of the scores), and the halves' sums are kept only when every score is a
    /// whole number small enough that every partial sum is exact, so that any order gives the same bits;
    /// otherwise the scores are added again in one pass.
    func waitMean(_ inquiries: [Int], area waitArea: Int, halvesFrom: Int = 50_000) -> Double? {
        let areaCount = season.inquiries.areaCount
        let parts = inquiries.count >= halvesFrom ? 2 : 1
        // Per part: the sum, how many were added, whether all were whole numbers, the largest magnitude.
        var partial = [(sum: Double, count: Int, whole: Bool, largest: Double)](
            repeating: (0, 0, true, 0), count: parts)
        let areaScores = season.inquiries.areaScores
        partial.withUnsafeMutableBufferPointer { partial in
            // Each part writes only its own entry.
            nonisolated(unsafe) let perPart = partial
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                var sum = 0.0
                var count = 0
                var whole = true
                var largest = 0.0
                let start = inquiries.count * part / parts
                let end = inquiries.count * (part + 1) / parts
                areaScores.withUnsafeBufferPointer { scores in
                    inquiries.withUnsafeBufferPointer { inquiries in
                        for inquiry in inquiries[start..<end] {
                            let wait = scores[inquiry &* areaCount &+ waitArea]
                            if wait.isNaN { continue }
                            sum += wait
                            count &+= 1
                            // Below 2⁵¹ in magnitude, adding and taking away 1.5 × 2⁵² rounds to a whole number
                            // (without a call to `rounded`); larger scores fail `countsExactly` below.
                            whole = whole && (wait + GapRescorer.roundingShift) - GapRescorer.roundingShift == wait
                            largest = max(largest, abs(wait))
                        }
                    }
                }
                perPart[part] = (sum, count, whole, largest)
            }
        }
        let count = partial.reduce(0) { $0 + $1.count }
        guard count > 0 else { return nil }
        let exact =
            partial.allSatisfy(\.whole)
            && AnswerColumns.countsExactly([partial.map(\.largest).max() ?? 0][...], over: count)
        if parts == 1 || exact {
            return partial.reduce(0) { $0 + $1.sum } / Double(count)
        }
        var sum = 0.0
        season.inquiries.areaScores.withUnsafeBufferPointer { scores in
            for inquiry in inquiries {
                let wait = scores[inquiry &* areaCount &+ waitArea]
                if !wait.isNaN { sum += wait }
            }
        }
        return sum / Double(count)
    }
}
