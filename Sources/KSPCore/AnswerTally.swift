import Dispatch

/// Answer codes counted over a set of inquiries: the pass behind `questions by …` and a gap's mean points
/// (issue 17). Where every point of a question is a whole number, count × points gives the same bits as adding
/// each inquiry's points in turn, and counting reads two bytes a cell with no arithmetic on points. Counts add
/// exactly in any order, so a large set is counted on the two cores and the parts added.
extension AnswerColumns {
    /// A question counted into a tally: its column in the answer rows, and where its code 0 counts (code c
    /// counts at `slot + c`).
    public struct TallySlot: Sendable {
        public var column: Int
        public var slot: Int

        public init(column: Int, slot: Int) {
            self.column = column
            self.slot = slot
        }
    }

    /// How often each code of each question occurs among `inquiries`, in a tally `slotCount` long.
    public func tally(_ questions: [TallySlot], over inquiries: [Int], slotCount: Int) -> [Int] {
        count(questions, over: inquiries, slotCount: slotCount, summingCodes: false).tally
    }

    /// A tally and, when asked for, every question's sum of codes and how many of its codes are not 0 (not
    /// applicable).
    public struct CodeCounts: Sendable {
        public var tally: [Int]
        /// Per question (empty unless asked for).
        public var codeSums: [Int]
        public var answered: [Int]
    }

    /// How often each code of `questions` occurs among `inquiries` (a tally `slotCount` long), and with
    /// `summingCodes` every question's sum of codes and how many are not 0, in the same pass over the rows. For a
    /// question whose points rise by one step from code to code (yes/no, a scale), the sum of codes gives the sum
    /// of points without counting code by code: whole rows of codes are added, which the compiler turns into
    /// vector additions of eight codes at a time.
    public func count(_ questions: [TallySlot], over inquiries: [Int], slotCount: Int, summingCodes: Bool)
        -> CodeCounts
    {
        let parts = inquiries.count >= 50_000 && (!questions.isEmpty || summingCodes) ? 2 : 1
        let questionCount = questionCount
        let summed = summingCodes ? questionCount : 0
        var tallies = [[Int]](repeating: [Int](repeating: 0, count: slotCount), count: parts)
        var sums = [[Int]](repeating: [Int](repeating: 0, count: summed), count: parts)
        var answered = sums
        // 16-bit running sums, moved into the parts' sums before they could overflow: every code is at most the
        // longest table's last.
        let largestCode = max(1, values.map { $0.count - 1 }.max() ?? 1)
        let rowsPerFlush = Int(UInt16.max) / largestCode
        let codes = codes
        tallies.withUnsafeMutableBufferPointer { tallies in
            sums.withUnsafeMutableBufferPointer { sums in
                answered.withUnsafeMutableBufferPointer { answered in
                    // Each part writes only its own tally, sums and counts.
                    nonisolated(unsafe) let talliesPerPart = tallies
                    nonisolated(unsafe) let sumsPerPart = sums
                    nonisolated(unsafe) let answeredPerPart = answered
                    DispatchQueue.concurrentPerform(iterations: parts) { part in
                        let start = inquiries.count * part / parts
                        let end = inquiries.count * (part + 1) / parts
                        var rowSums = [UInt16](repeating: 0, count: summed)
                        var rowAnswered = [UInt16](repeating: 0, count: summed)
                        codes.withUnsafeBufferPointer { codes in
                            inquiries.withUnsafeBufferPointer { inquiries in
                                questions.withUnsafeBufferPointer { questions in
                                    talliesPerPart[part].withUnsafeMutableBufferPointer { tally in
                                        rowSums.withUnsafeMutableBufferPointer { rowSums in
                                            rowAnswered.withUnsafeMutableBufferPointer { rowAnswered in
                                                guard let first = codes.baseAddress else { return }
                                                func flush() {
                                                    for question in 0..<summed {
                                                        sumsPerPart[part][question] += Int(rowSums[question])
                                                        answeredPerPart[part][question] += Int(rowAnswered[question])
                                                        rowSums[question] = 0
                                                        rowAnswered[question] = 0
                                                    }
                                                }
                                                var rows = 0
                                                for inquiry in inquiries[start..<end] {
                                                    let row = first + inquiry &* questionCount
                                                    for question in 0..<summed {
                                                        let code = row[question]
                                                        rowSums[question] &+= code
                                                        rowAnswered[question] &+=
                                                            code == AnswerColumns.notApplicable ? 0 : 1
                                                    }
                                                    rows &+= summed > 0 ? 1 : 0
                                                    if rows == rowsPerFlush {
                                                        flush()
                                                        rows = 0
                                                    }
                                                    for question in questions {
                                                        tally[question.slot &+ Int(row[question.column])] &+= 1
                                                    }
                                                }
                                                flush()
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        var result = CodeCounts(tally: tallies[0], codeSums: sums[0], answered: answered[0])
        for part in 1..<parts {
            for slot in result.tally.indices { result.tally[slot] += tallies[part][slot] }
            for question in 0..<summed {
                result.codeSums[question] += sums[part][question]
                result.answered[question] += answered[part][question]
            }
        }
        return result
    }

    /// Whether a question's points (one per code, code 0 left out) can be counted over `count` inquiries and
    /// give the same bits as adding them in turn: whole numbers whose squares, times the inquiries, stay below
    /// 2⁵³, so every partial sum of points and of squares is exact. A 1–4 or 1–7 scale (thirds, sixths) cannot:
    /// count × points would round differently (31.25 against 31.249…, shown 31.3 against 31.2).
    public static func countsExactly(_ points: ArraySlice<Double>, over count: Int) -> Bool {
        let limit = 9_007_199_254_740_992.0 / Double(max(count, 1))
        return points.allSatisfy { $0 == $0.rounded() && $0 * $0 < limit }
    }
}
