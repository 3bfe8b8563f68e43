/// The inquiries' raw answers: one 16-bit code per inquiry and question (0 = not applicable), read
/// through each question's table of the values its type allows — a yes/no's 0 and 1, a scale's whole
/// numbers, a choice's points.
///
/// Why codes: as Doubles the answers were the largest part of a season (137 MB of a 334 MB peak at 100×,
/// issue 17), and a pass over a question read eight bytes per cell. A code holds the same value exactly
/// (the table holds the Double itself), so every figure stays what it was.
///
/// A question whose values do not fit a table — a scale of more than 65 534 steps, or (in combined
/// seasons) a value its type does not list — keeps its answers as numbers in a column of its own.
public struct AnswerColumns: Sendable {
    public static let notApplicable: UInt16 = 0
    /// Codes above this are never made: a table holds at most this many values besides "not applicable".
    static let maxCode = Int(UInt16.max)

    public private(set) var questionCount: Int
    public private(set) var count = 0
    /// Row-major `count × questionCount`; 0 where not applicable and for questions kept as numbers.
    public private(set) var codes: [UInt16] = []
    /// Per question, the raw value of each code (`values[q][0]` is NaN); empty for a question kept as numbers.
    public private(set) var values: [[Double]]
    /// Per question kept as numbers, its answers (one per inquiry, NaN = not applicable); else empty.
    public private(set) var numbers: [[Double]]
    /// How a value finds its code, per question, in flat arrays (no payload retained per cell):
    /// whole numbers from `lowest` up (yes/no, a scale) have code `value − lowest + 1` below `wholeEnd`;
    /// a choice's points (`lowest` NaN) are looked up in `listed`.
    private var lowest: [Double] = []
    private var wholeEnd: [Double] = []
    private var listed: [[UInt64: UInt16]] = []
    private var coded: [Bool] = []
    /// How many questions keep their answers as numbers (`coded` false).
    private var uncoded = 0
    /// A short choice's points, all questions' back to back (code c of question q at `shortStart[q] + c − 1`,
    /// up to `shortEnd[q]`), so that a row is coded without hashing (see `appendListed`).
    private var shortPoints: [Double] = []
    private var shortStart: [Int] = []
    private var shortEnd: [Int] = []
    /// One row's codes, reused from row to row.
    private var rowCodes: [UInt16]
    /// Choices with more points than this are looked up by hashing.
    static let shortChoice = 16

    public init(questions: [Question]) {
        questionCount = questions.count
        values = []
        numbers = [[Double]](repeating: [], count: questions.count)
        rowCodes = [UInt16](repeating: AnswerColumns.notApplicable, count: questions.count)
        for question in questions {
            let table = AnswerColumns.table(question.type)
            values.append(table.values)
            lowest.append(table.lowest)
            wholeEnd.append(Double(table.values.count - 1))
            listed.append(table.listed)
            coded.append(!table.values.isEmpty)
            if table.values.isEmpty { uncoded += 1 }
            shortStart.append(shortPoints.count)
            if !table.listed.isEmpty && table.listed.count <= AnswerColumns.shortChoice {
                shortPoints += table.values.dropFirst()
            }
            shortEnd.append(shortPoints.count)
        }
    }

    /// A question type's table of values and how a value finds its code in it.
    static func table(_ type: QuestionType) -> (values: [Double], lowest: Double, listed: [UInt64: UInt16]) {
        switch type {
        case .yesno:
            return ([.nan, 0, 1], 0, [:])
        case .scale(let lowest, let highest):
            // Whole-number ends within `SeasonLimits.scaleBound`: no overflow in the subtraction.
            guard highest >= lowest, highest - lowest < maxCode else { return ([], .nan, [:]) }
            return ([.nan] + (lowest...highest).map(Double.init), Double(lowest), [:])
        case .choice(let options):
            var table: [Double] = [.nan]
            var codeOf: [UInt64: UInt16] = [:]
            for option in options where codeOf[option.points.bitPattern] == nil {
                guard table.count <= maxCode else { return ([], .nan, [:]) }
                codeOf[option.points.bitPattern] = UInt16(table.count)
                table.append(option.points)
            }
            return (table, .nan, codeOf)
        }
    }

    /// A whole number's code in a table counted from `lowest` (a yes/no's 0, a scale's lower end): the code
    /// `table` gives it, for a value the table lists.
    @inline(__always) static func code(whole value: Int, lowest: Int) -> UInt16 {
        UInt16(truncatingIfNeeded: value &- lowest &+ 1)
    }

    public mutating func reserveCapacity(_ rows: Int) {
        codes.reserveCapacity(rows * questionCount)
    }

    /// Whether a question's answers are codes (else they are kept as numbers).
    @inline(__always) public func isCoded(_ question: Int) -> Bool { coded[question] }

    /// The raw answer (NaN = not applicable).
    @inline(__always) public func value(_ inquiry: Int, _ question: Int) -> Double {
        if !coded[question] { return numbers[question][inquiry] }
        return values[question][Int(codes[inquiry &* questionCount &+ question])]
    }

    /// Whether every question's answers are codes, so that a row may be appended as codes (`append(codes:)`).
    public var allCoded: Bool { uncoded == 0 }

    /// Appends one inquiry's answers as codes already made, one per question, each listed in its question's
    /// table (the reader's common cells, `InquiryBuilder.readCommonCodes`). Only while `allCoded`.
    mutating func append(codes row: UnsafeBufferPointer<UInt16>) {
        assert(allCoded && row.count == questionCount)
        codes.append(contentsOf: row)
        count += 1
    }

    /// Appends one inquiry's answers (NaN = not applicable).
    public mutating func append(_ row: UnsafeBufferPointer<Double>) {
        if appendListed(row) { return }
        for question in 0..<questionCount {
            let value = row[question]
            guard let code = code(value, question) else {
                if isCoded(question) { keepAsNumbers(question) }
                numbers[question].append(value)
                codes.append(AnswerColumns.notApplicable)
                continue
            }
            if !isCoded(question) { numbers[question].append(value) }
            codes.append(code)
        }
        count += 1
    }

    /// Appends a row whose every value its question's table lists without hashing (whole numbers, short
    /// choices): nearly every row of a combined season (the loader reads its common cells straight to codes,
    /// `append(codes:)`), at the cost of a few comparisons per cell. False, with nothing appended, for any other row.
    private mutating func appendListed(_ row: UnsafeBufferPointer<Double>) -> Bool {
        let questionCount = questionCount
        let coded = coded
        let listed = rowCodes.withUnsafeMutableBufferPointer { out in
            lowest.withUnsafeBufferPointer { lowest in
                wholeEnd.withUnsafeBufferPointer { wholeEnd in
                    shortPoints.withUnsafeBufferPointer { points in
                        shortStart.withUnsafeBufferPointer { start in
                            shortEnd.withUnsafeBufferPointer { end in
                                for question in 0..<questionCount {
                                    // A question kept as numbers takes every value, not-applicable ones too.
                                    guard coded[question] else { return false }
                                    let value = row[question]
                                    if value.isNaN {
                                        out[question] = AnswerColumns.notApplicable
                                        continue
                                    }
                                    let low = lowest[question]
                                    if !low.isNaN {
                                        let offset = value - low
                                        guard offset >= 0, offset < wholeEnd[question],
                                            offset == offset.rounded(.towardZero)
                                        else { return false }
                                        out[question] = AnswerColumns.code(whole: Int(offset), lowest: 0)
                                        continue
                                    }
                                    // A short choice (a long one, or a question kept as numbers, has none).
                                    var k = start[question]
                                    while k < end[question] && points[k] != value { k &+= 1 }
                                    guard k < end[question] else { return false }
                                    out[question] = UInt16(truncatingIfNeeded: k &- start[question] &+ 1)
                                }
                                return true
                            }
                        }
                    }
                }
            }
        }
        guard listed else { return false }
        codes.append(contentsOf: rowCodes)
        count += 1
        return true
    }

    /// A value's code; nil when the question has no table or its table does not list the value.
    @inline(__always) func code(_ value: Double, _ question: Int) -> UInt16? {
        if value.isNaN { return AnswerColumns.notApplicable }
        let lowest = lowest[question]
        if lowest.isNaN { return isCoded(question) ? listed[question][value.bitPattern] : nil }
        // Whole numbers are exact in a Double far beyond these tables: `lowest + offset` is `value` itself.
        let offset = value - lowest
        guard offset >= 0, offset < wholeEnd[question], offset == offset.rounded(.towardZero) else { return nil }
        return AnswerColumns.code(whole: Int(offset), lowest: 0)
    }

    /// Turns a question's codes into numbers: from now on it is kept as numbers.
    mutating func keepAsNumbers(_ question: Int) {
        let table = values[question]
        var column = [Double]()
        column.reserveCapacity(count)
        for inquiry in 0..<count {
            let at = inquiry * questionCount + question
            column.append(table[Int(codes[at])])
            codes[at] = AnswerColumns.notApplicable
        }
        numbers[question] = column
        values[question] = []
        shortEnd[question] = shortStart[question]
        lowest[question] = .nan
        listed[question] = [:]
        if coded[question] { uncoded += 1 }
        coded[question] = false
    }

    /// Appends another set's inquiries (the same questions), taking each question as numbers where
    /// either keeps it so.
    public mutating func append(contentsOf other: AnswerColumns) {
        var other = other
        for question in 0..<questionCount where isCoded(question) != other.isCoded(question) {
            if isCoded(question) { keepAsNumbers(question) }
            if other.isCoded(question) { other.keepAsNumbers(question) }
        }
        codes += other.codes
        for question in 0..<questionCount where !isCoded(question) {
            numbers[question] += other.numbers[question]
        }
        count += other.count
    }

    /// Makes every answer of an inquiry not applicable (rule 2: an inquiry that counts as no answer).
    public mutating func clear(_ inquiry: Int) {
        for question in 0..<questionCount {
            codes[inquiry * questionCount + question] = AnswerColumns.notApplicable
            if !isCoded(question) { numbers[question][inquiry] = .nan }
        }
    }

    /// One inquiry's answers as numbers, into `row` (`questionCount` long).
    @inline(__always) public func decode(_ inquiry: Int, into row: UnsafeMutableBufferPointer<Double>) {
        for question in 0..<questionCount { row[question] = value(inquiry, question) }
    }
}
