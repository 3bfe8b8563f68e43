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
        let parts = inquiries.count >= 50_000 && !questions.isEmpty ? 2 : 1
        var tallies = [[Int]](repeating: [Int](repeating: 0, count: slotCount), count: parts)
        let questionCount = questionCount
        let codes = codes
        tallies.withUnsafeMutableBufferPointer { tallies in
            // Each part writes only its own tally.
            nonisolated(unsafe) let perPart = tallies
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let start = inquiries.count * part / parts
                let end = inquiries.count * (part + 1) / parts
                codes.withUnsafeBufferPointer { codes in
                    inquiries.withUnsafeBufferPointer { inquiries in
                        questions.withUnsafeBufferPointer { questions in
                            perPart[part].withUnsafeMutableBufferPointer { tally in
                                guard let first = codes.baseAddress else { return }
                                for inquiry in inquiries[start..<end] {
                                    let row = first + inquiry &* questionCount
                                    for question in questions {
                                        tally[question.slot &+ Int(row[question.column])] &+= 1
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
        return tally
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
