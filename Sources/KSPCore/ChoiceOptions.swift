/// Every choice question's options as written in season.yaml, back to back in one byte array, so that
/// a cell is matched against them without a String and without an array per question (which would
/// be retained and released for every cell of a large file).
struct ChoiceOptions {
    private var arena: [UInt8] = []
    /// Option k's bytes are `arena[optionBound[k] ..< optionBound[k + 1]]`.
    private var optionBound: [Int] = [0]
    private var points: [Double] = []
    /// Option k's answer code: the code of its points in its question's table (`AnswerColumns.table`); 0 for a
    /// question whose answers are not kept as codes.
    private var codes: [UInt16] = []
    /// Question q's options are `questionStart[q] ..< questionStart[q + 1]` (none for other types).
    private var questionStart: [Int] = [0]

    init(_ questions: [Question]) {
        for question in questions {
            if case .choice(let options) = question.type {
                let table = AnswerColumns.table(question.type)
                for option in options {
                    arena += Array(option.text.utf8)
                    optionBound.append(arena.count)
                    points.append(option.points)
                    codes.append(table.listed[option.points.bitPattern] ?? AnswerColumns.notApplicable)
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
                    codes.withUnsafeBufferPointer { codes in
                        questionStart.withUnsafeBufferPointer { questionStart in
                            body(
                                View(
                                    arena: arena, optionBound: optionBound, points: points, codes: codes,
                                    questionStart: questionStart))
                        }
                    }
                }
            }
        }
    }

    struct View {
        let arena: UnsafeBufferPointer<UInt8>
        let optionBound: UnsafeBufferPointer<Int>
        let points: UnsafeBufferPointer<Double>
        let codes: UnsafeBufferPointer<UInt16>
        let questionStart: UnsafeBufferPointer<Int>

        /// The first of the question's options written exactly as the cell (its index among all options), or nil.
        @inline(__always) func option(question: Int, matching cell: UnsafeBufferPointer<UInt8>) -> Int? {
            for option in questionStart[question]..<questionStart[question + 1] {
                let start = optionBound[option]
                let end = optionBound[option + 1]
                if end - start == cell.count && UnsafeBufferPointer(rebasing: arena[start..<end]).elementsEqual(cell) {
                    return option
                }
            }
            return nil
        }

        @inline(__always) func points(_ option: Int) -> Double { points[option] }

        @inline(__always) func code(_ option: Int) -> UInt16 { codes[option] }
    }
}
