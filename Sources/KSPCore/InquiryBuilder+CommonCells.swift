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
        case .choice: return AnswerColumns.notApplicable
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
        _ b: UnsafeBufferPointer<UInt8>, _ kind: CellKind, question: Int, _ choices: ChoiceOptions.View
    ) -> CommonCell? {
        if b.isEmpty { return .notApplicable }
        if b.count == 1 && b[0] == UInt8(ascii: "-") { return .notApplicable }
        if b.count == 2 || b.count == 3, (b[0] | 0x20) == UInt8(ascii: "n"),
            (b[b.count - 1] | 0x20) == UInt8(ascii: "a"),
            b.count == 2 || b[1] == UInt8(ascii: "/")
        {
            return .notApplicable
        }
        switch kind {
        case .yesno:
            if b.count == 1 { return b[0] == 49 ? .whole(1) : b[0] == 48 ? .whole(0) : nil }
            let c0 = b[0] | 0x20
            let c1 = b[1] | 0x20
            if b.count == 2 {
                if c0 == 106 && c1 == 97 { return .whole(1) }  // ja
                if c0 == 110 && c1 == 111 { return .whole(0) }  // no
            } else if b.count == 3 {
                let c2 = b[2] | 0x20
                if c0 == 121 && c1 == 101 && c2 == 115 { return .whole(1) }  // yes
                if c0 == 110 && c1 == 101 && c2 == 105 { return .whole(0) }  // nei
            }
            return nil
        case .scale(let lo, let hi):
            guard b.count <= 3 else { return nil }
            var v = 0
            for x in b {
                guard x >= 48 && x <= 57 else { return nil }
                v = v * 10 + Int(x - 48)
            }
            return v >= lo && v <= hi ? .whole(v) : nil
        case .choice:
            return choices.option(question: question, matching: b).map { .option($0) }
        }
    }
}
