/// Every choice question's options as written in season.yaml, back to back in one byte array, so that
/// a cell is matched against them without a String and without an array per question (which would
/// be retained and released for every cell of a large file).
struct ChoiceOptions {
    private var arena: [UInt8] = []
    /// Option k's bytes are `arena[optionBound[k] ..< optionBound[k + 1]]`.
    private var optionBound: [Int] = [0]
    private var points: [Double] = []
    /// Question q's options are `questionStart[q] ..< questionStart[q + 1]` (none for other types).
    private var questionStart: [Int] = [0]

    init(_ questions: [Question]) {
        for question in questions {
            if case .choice(let options) = question.type {
                for option in options {
                    arena += Array(option.text.utf8)
                    optionBound.append(arena.count)
                    points.append(option.points)
                }
            }
            questionStart.append(points.count)
        }
    }

    /// The options seen through pointers, valid inside `body`.
    func withView<Result>(_ body: (View) -> Result) -> Result {
        arena.withUnsafeBufferPointer { arena in
            optionBound.withUnsafeBufferPointer { optionBound in
                points.withUnsafeBufferPointer { points in
                    questionStart.withUnsafeBufferPointer { questionStart in
                        body(View(arena: arena, optionBound: optionBound, points: points, questionStart: questionStart))
                    }
                }
            }
        }
    }

    struct View {
        let arena: UnsafeBufferPointer<UInt8>
        let optionBound: UnsafeBufferPointer<Int>
        let points: UnsafeBufferPointer<Double>
        let questionStart: UnsafeBufferPointer<Int>

        /// The points of the first of the question's options written exactly as the cell, or nil.
        @inline(__always) func points(question: Int, matching cell: UnsafeBufferPointer<UInt8>) -> Double? {
            for option in questionStart[question]..<questionStart[question + 1] {
                let start = optionBound[option]
                let end = optionBound[option + 1]
                if end - start == cell.count && UnsafeBufferPointer(rebasing: arena[start..<end]).elementsEqual(cell) {
                    return points[option]
                }
            }
            return nil
        }
    }
}
