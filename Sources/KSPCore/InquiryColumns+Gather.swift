/// One column's values over a list of inquiries, gathered inside the core: reading an answer inlines here, where
/// from another module every inquiry would be a call of its own (`drivers` gathers each predictor this way).
extension InquiryColumns {
    /// A question's raw answers, in the inquiries' order (NaN = not applicable).
    public func rawAnswers(_ question: Int, over inquiries: [Int]) -> [Double] {
        inquiries.map { answers.value($0, question) }
    }

    /// A question's points (by `definition`, the question's own), in the inquiries' order (NaN = not asked).
    public func points(_ question: Int, _ definition: Question, over inquiries: [Int]) -> [Double] {
        inquiries.map { inquiry in
            let raw = answers.value(inquiry, question)
            return raw.isNaN ? .nan : definition.points(raw: raw)
        }
    }

    /// Several questions' points (question k by `definitions[k]`, its own), each in the inquiries' order (NaN = not
    /// asked): `drivers` on questions gathers sixteen or more at once. Each code's points are worked out once
    /// (`CodePoints`: the same `points(raw:)` of the same answer as per inquiry), and the inquiries are read a block
    /// at a time, every question's column filled from the block's rows while they are in the cache: a question at a
    /// time over every inquiry read the whole answer table once per question.
    public func points(_ questions: [Int], _ definitions: [Question], over inquiries: [Int]) -> [[Double]] {
        let table = CodePoints(questions, answers) { k, raw in raw.isNaN ? .nan : definitions[k].points(raw: raw) }
        var columns = questions.indices.map { k in
            answers.isCoded(questions[k])
                ? [Double](repeating: .nan, count: inquiries.count)
                : points(questions[k], definitions[k], over: inquiries)
        }
        let width = answers.questionCount
        let block = 4096
        answers.codes.withUnsafeBufferPointer { codes in
            table.points.withUnsafeBufferPointer { points in
                inquiries.withUnsafeBufferPointer { pool in
                    for start in stride(from: 0, to: pool.count, by: block) {
                        let end = min(start + block, pool.count)
                        for k in questions.indices where answers.isCoded(questions[k]) {
                            let question = questions[k]
                            let slot = table.slots[k]
                            columns[k].withUnsafeMutableBufferPointer { column in
                                for j in start..<end {
                                    column[j] = points[slot &+ Int(codes[pool[j] &* width &+ question])]
                                }
                            }
                        }
                    }
                }
            }
        }
        return columns
    }

    /// An area's scores, in the inquiries' order (NaN = not scored).
    public func areaScores(_ area: Int, over inquiries: [Int]) -> [Double] {
        let areaCount = areaCount
        return areaScores.withUnsafeBufferPointer { scores in
            inquiries.map { scores[$0 &* areaCount &+ area] }
        }
    }
}
