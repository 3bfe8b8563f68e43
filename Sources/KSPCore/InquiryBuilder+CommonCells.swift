/// The common answer cells, read without making a String: empty or NA, a small whole number, a yes/no word, a
/// choice option written exactly as in season.yaml. Anything else takes the full path (`readAnswers`), which
/// reports what is wrong.
extension InquiryBuilder {
    /// A question's type without payloads that would be retained and released per cell.
    enum CellKind {
        case yesno
        case scale(Int, Int)
        case choice
    }

    /// What a common cell holds, recognised from its bytes alone.
    enum CommonCell {
        case notApplicable
        /// A yes/no's 0 or 1, or a whole number within a scale's ends.
        case whole(Int)
        /// A choice's option, by its index among all questions' options (`ChoiceOptions`).
        case option(Int)
    }

    /// Every answer of a row as its code when all its cells are common ones and every question keeps codes
    /// (nearly always): no Double is made, and the row goes to the answer columns as it is (a tenth of a 100×
    /// load went into turning the Doubles back into codes, issue 17). False, with `codes` partly written,
    /// otherwise.
    func readCommonCodes(_ row: InquiryRow, _ setup: RowSetup, into codes: inout [UInt16]) -> Bool {
        guard columns.answers.allCoded else { return false }
        return codes.withUnsafeMutableBufferPointer { codes in
            readCommonCells(row, setup) { question, cell, kind, choices in
                switch cell {
                case .notApplicable: codes[question] = AnswerColumns.notApplicable
                case .whole(let value): codes[question] = InquiryBuilder.code(whole: value, kind)
                case .option(let option): codes[question] = choices.code(option)
                }
            }
        }
    }

    /// Every answer of a row when all its cells are common ones. False, with `answers` partly written, when a
    /// cell needs the full path.
    func readCommonAnswers(_ row: InquiryRow, _ setup: RowSetup, into answers: inout [Double]) -> Bool {
        answers.withUnsafeMutableBufferPointer { answers in
            readCommonCells(row, setup) { question, cell, _, choices in
                answers[question] = InquiryBuilder.raw(cell, choices)
            }
        }
    }

    /// Hands every answer cell of a row to `take` as a common cell, the cells seen through pointers taken once per
    /// row; false at the first cell that needs the full path.
    @inline(__always) private func readCommonCells(
        _ row: InquiryRow, _ setup: RowSetup,
        _ take: (_ question: Int, _ cell: CommonCell, _ kind: CellKind, _ choices: ChoiceOptions.View) -> Void
    ) -> Bool {
        row.table.withFieldBounds { fields in
            setup.choices.withView { choices in
                setup.questionColumn.withUnsafeBufferPointer { columns in
                    setup.kinds.withUnsafeBufferPointer { kinds in
                        for question in 0..<columns.count {
                            let cell = fields.trimmedField(row: row.row, column: columns[question])
                            let kind = kinds[question]
                            guard let common = InquiryBuilder.commonCell(cell, kind, question: question, choices) else {
                                return false
                            }
                            take(question, common, kind, choices)
                        }
                        return true
                    }
                }
            }
        }
    }

    /// A whole number's answer code: counted from its type's lowest value (a yes/no's 0, a scale's lower end).
    @inline(__always) static func code(whole value: Int, _ kind: CellKind) -> UInt16 {
        switch kind {
        case .yesno: return AnswerColumns.code(whole: value, lowest: 0)
        case .scale(let lowest, _): return AnswerColumns.code(whole: value, lowest: lowest)
        case .choice: preconditionFailure("a choice's cell is one of its options, never a whole number")
        }
    }

    /// A common cell's raw answer (NaN = not applicable).
    @inline(__always) static func raw(_ cell: CommonCell, _ choices: ChoiceOptions.View) -> Double {
        switch cell {
        case .notApplicable: return .nan
        case .whole(let value): return Double(value)
        case .option(let option): return choices.points(option)
        }
    }

    /// A cell's meaning when it is a common one, else nil.
    @inline(__always) static func commonCell(
        _ cell: UnsafeBufferPointer<UInt8>, _ kind: CellKind, question: Int, _ choices: ChoiceOptions.View
    ) -> CommonCell? {
        if isNotApplicable(cell) { return .notApplicable }
        switch kind {
        case .yesno: return yesNo(cell).map { .whole($0) }
        case .scale(let lowest, let highest): return wholeNumber(cell, from: lowest, to: highest).map { .whole($0) }
        case .choice: return choices.option(question: question, matching: cell).map { .option($0) }
        }
    }

    /// Empty, `-`, `NA` or `N/A` in any case (as `Question.isNotApplicable`, on bytes).
    @inline(__always) private static func isNotApplicable(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        if cell.isEmpty { return true }
        if cell.count == 1 { return cell[0] == UInt8(ascii: "-") }
        guard cell.count == 2 || cell.count == 3 else { return false }
        return lowercased(cell[0]) == UInt8(ascii: "n") && lowercased(cell[cell.count - 1]) == UInt8(ascii: "a")
            && (cell.count == 2 || cell[1] == UInt8(ascii: "/"))
    }

    /// 1 for `1`, `ja`, `yes`; 0 for `0`, `nei`, `no` (in any case); else nil.
    @inline(__always) private static func yesNo(_ cell: UnsafeBufferPointer<UInt8>) -> Int? {
        switch cell.count {
        case 1:
            if cell[0] == UInt8(ascii: "1") { return 1 }
            if cell[0] == UInt8(ascii: "0") { return 0 }
            return nil
        case 2:
            let first = lowercased(cell[0])
            let second = lowercased(cell[1])
            if first == UInt8(ascii: "j") && second == UInt8(ascii: "a") { return 1 }
            if first == UInt8(ascii: "n") && second == UInt8(ascii: "o") { return 0 }
            return nil
        case 3:
            let word = (lowercased(cell[0]), lowercased(cell[1]), lowercased(cell[2]))
            if word == (UInt8(ascii: "y"), UInt8(ascii: "e"), UInt8(ascii: "s")) { return 1 }
            if word == (UInt8(ascii: "n"), UInt8(ascii: "e"), UInt8(ascii: "i")) { return 0 }
            return nil
        default:
            return nil
        }
    }

    /// A whole number of up to three digits within a scale's ends; else nil (the full path reads the rest).
    @inline(__always) private static func wholeNumber(
        _ cell: UnsafeBufferPointer<UInt8>, from lowest: Int, to highest: Int
    ) -> Int? {
        guard cell.count <= 3 else { return nil }
        var value = 0
        for byte in cell {
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value >= lowest && value <= highest ? value : nil
    }

    /// An ASCII letter in lower case (other bytes changed too, but never into a letter they are compared with).
    @inline(__always) private static func lowercased(_ byte: UInt8) -> UInt8 { byte | 0x20 }
}
