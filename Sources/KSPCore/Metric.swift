/// A figure that can be computed for any group of inquiries (scoring rule 6).
public enum Metric: Hashable, Sendable {
    case total
    case totalAnswered
    case area(Int)
    case question(Int)
    case cx(CXMetric)
    case n
    case noanswer
    case noanswer1
    case waitMedian

    /// The metric's id as typed in a statement and used as a column name.
    public func id(in definition: SeasonDefinition) -> String {
        switch self {
        case .total: return "total"
        case .totalAnswered: return "total_answered"
        case .area(let area): return definition.areas[area].id
        case .question(let question): return definition.questions[question].id
        case .cx(let cxMetric): return cxMetric.rawValue
        case .n: return "n"
        case .noanswer: return "noanswer"
        case .noanswer1: return "noanswer1"
        case .waitMedian: return "wait_median"
        }
    }

    /// Named metrics that are not areas or questions.
    public static let fixedNames: [String: Metric] = [
        "total": .total, "total_answered": .totalAnswered, "n": .n, "noanswer": .noanswer, "noanswer1": .noanswer1,
        "wait_median": .waitMedian, "csat": .cx(.csat), "ces": .cx(.ces), "nps": .cx(.nps), "ves1": .cx(.ves1),
        "ves2": .cx(.ves2),
    ]

    /// Resolves a metric id against a season: fixed names, then area ids, then question ids.
    public static func named(_ text: String, in definition: SeasonDefinition) -> Metric? {
        let key = text.lowercased()
        if let metric = fixedNames[key] { return metric }
        if let area = definition.areaIndex(id: key) { return .area(area) }
        if let question = definition.questionIndex(id: key) { return .question(question) }
        return nil
    }

    /// What kind of number the metric is, for formatting and for choosing a significance test.
    public enum Kind: Sendable { case score, rawMean, nps, share, count, seconds }

    public var kind: Kind {
        switch self {
        case .total, .totalAnswered, .area, .question: return .score
        case .cx(.nps): return .nps
        case .cx: return .rawMean
        case .n: return .count
        case .noanswer, .noanswer1: return .share
        case .waitMedian: return .seconds
        }
    }
}

/// A group's value of one metric and the number of inquiries it rests on.
public struct Figure: Sendable, Equatable {
    /// nil when undefined (no inquiry in the group contributes).
    public var value: Double?
    /// Inquiries that contributed to the value.
    public var base: Int
    /// Sample variance of the values averaged (means only), for confidence intervals and tests.
    public var variance: Double?

    public init(value: Double?, base: Int, variance: Double? = nil) {
        self.value = value
        self.base = base
        self.variance = variance
    }

    /// The mean of `count` values from their sum and sum of squares, with the sample variance.
    public static func mean(count: Int, sum: Double, sumSquares: Double) -> Figure {
        guard count > 0 else { return Figure(value: nil, base: 0) }
        let mean = sum / Double(count)
        let variance = count > 1 ? max(0, (sumSquares - Double(count) * mean * mean) / Double(count - 1)) : nil
        return Figure(value: mean, base: count, variance: variance)
    }
}

/// Accumulates one metric over the inquiries of a group.
public struct FigureAccumulator: Sendable {
    public let metric: Metric
    private let question: Int  // question behind .question / .cx, or -1
    private var count = 0
    private var sum = 0.0
    private var sumSquares = 0.0
    private var promoters = 0
    private var detractors = 0
    private var values: [Double] = []
    /// Clocks of the waits in `values` (bit 0 wall clock, bit 1 business time): a median over both
    /// would mix seconds of two kinds, so it is left empty (issue 19, item 6).
    private var clocks: UInt8 = 0
    /// Points of the question behind the metric.
    private let questionPoints: QuestionPoints
    private let isNPS: Bool

    public init(_ metric: Metric, definition: SeasonDefinition) {
        self.metric = metric
        switch metric {
        case .question(let question): self.question = question
        case .cx(let cx): question = definition.questionIndex(metric: cx) ?? -1
        default: question = -1
        }
        questionPoints = question >= 0 ? QuestionPoints(definition.questions[question].type) : .unchanged
        isNPS = metric == .cx(.nps)
    }

    /// Adds a group's inquiries: one switch on the metric, then a tight loop over the column's buffer.
    public mutating func add(_ inquiries: [Int], _ season: Season) {
        let columns = season.inquiries
        switch metric {
        case .total:
            columns.total.withUnsafeBufferPointer { totals in
                for inquiry in inquiries { addValue(totals[inquiry]) }
            }
        case .totalAnswered:
            columns.total.withUnsafeBufferPointer { totals in
                columns.answered.withUnsafeBufferPointer { answered in
                    for inquiry in inquiries where answered[inquiry] { addValue(totals[inquiry]) }
                }
            }
        case .area(let area):
            let areaCount = columns.areaCount
            columns.areaScores.withUnsafeBufferPointer { scores in
                for inquiry in inquiries {
                    let score = scores[inquiry &* areaCount &+ area]
                    if !score.isNaN { addValue(score) }
                }
            }
        case .question where !columns.answers.isCoded(question):
            for inquiry in inquiries {
                let answer = columns.raw(inquiry, question)
                if !answer.isNaN { addValue(questionPoints.points(answer)) }
            }
        case .question:
            let questionCount = columns.questionCount
            let question = question
            // Each code's points, worked out once: the same arithmetic on the same answer as per inquiry.
            let points = columns.answers.values[question].map(questionPoints.points)
            columns.answers.codes.withUnsafeBufferPointer { codes in
                points.withUnsafeBufferPointer { points in
                    for inquiry in inquiries {
                        let code = Int(codes[inquiry &* questionCount &+ question])
                        if code != 0 { addValue(points[code]) }
                    }
                }
            }
        case .cx(let cx) where season.seasons.count > 1:
            // Each season asks its own question for a CX metric.
            for inquiry in inquiries {
                guard let seasonQuestion = season.seasons[Int(columns.season[inquiry])].metricQuestions[cx] else {
                    continue
                }
                addCX(columns.raw(inquiry, seasonQuestion))
            }
        case .cx:
            guard question >= 0 else { return }
            guard columns.answers.isCoded(question) else {
                for inquiry in inquiries { addCX(columns.raw(inquiry, question)) }
                return
            }
            let questionCount = columns.questionCount
            let question = question
            let values = columns.answers.values[question]
            columns.answers.codes.withUnsafeBufferPointer { codes in
                values.withUnsafeBufferPointer { values in
                    for inquiry in inquiries { addCX(values[Int(codes[inquiry &* questionCount &+ question])]) }
                }
            }
        case .n:
            count += inquiries.count
        case .noanswer:
            for inquiry in inquiries { addShare(hit: !columns.answered[inquiry]) }
        case .noanswer1:
            for inquiry in inquiries { addShare(hit: !columns.answered[inquiry] || columns.attempts[inquiry] >= 2) }
        case .waitMedian:
            for inquiry in inquiries where columns.answered[inquiry] {
                count += 1
                values.append(columns.waitSeconds[inquiry])
                clocks |= season.definition.channels[Int(columns.channel[inquiry])].clock == .business ? 2 : 1
            }
        }
    }

    @inline(__always) private mutating func addValue(_ value: Double) {
        count += 1
        sum += value
        sumSquares += value * value
    }

    /// Adds values summed elsewhere in the order `add` would add them (`RowWiseFigures`): into an
    /// empty accumulator, the same figure to the last bit.
    @inline(__always) mutating func addSums(count: Int, sum: Double, sumSquares: Double) {
        self.count += count
        self.sum += sum
        self.sumSquares += sumSquares
    }

    /// A CX answer: NPS counts promoters (9–10) and detractors (0–6), the others average the raw answer.
    @inline(__always) private mutating func addCX(_ answer: Double) {
        if answer.isNaN { return }
        guard isNPS else { return addValue(answer) }
        count += 1
        if answer >= 9 {
            promoters += 1
        } else if answer <= 6 {
            detractors += 1
        }
    }

    /// One inquiry of a share (its hits are kept as `promoters`).
    @inline(__always) private mutating func addShare(hit: Bool) {
        count += 1
        if hit { promoters += 1 }
    }

    public var figure: Figure {
        switch metric {
        case .n: return Figure(value: Double(count), base: count)
        case .noanswer, .noanswer1:
            guard count > 0 else { return Figure(value: nil, base: 0) }
            let p = Double(promoters) / Double(count)
            return Figure(value: p * 100, base: count, variance: p * (1 - p) * 10_000)
        case .cx(.nps):
            guard count > 0 else { return Figure(value: nil, base: 0) }
            let p = Double(promoters) / Double(count)
            let d = Double(detractors) / Double(count)
            // Per-answer variance of the ±100/0 score: 100² (p(1−p) + d(1−d) + 2pd).
            return Figure(value: (p - d) * 100, base: count, variance: 10_000 * (p * (1 - p) + d * (1 - d) + 2 * p * d))
        case .waitMedian:
            guard !values.isEmpty else { return Figure(value: nil, base: 0) }
            guard !mixesClocks else { return Figure(value: nil, base: count) }
            let sorted = values.sorted()
            let middle = sorted.count / 2
            return Figure(
                value: sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2, base: count)
        default:
            return Figure.mean(count: count, sum: sum, sumSquares: sumSquares)
        }
    }

    /// This group's figures with another group's taken out (the other must be part of this one):
    /// "the rest" of a row or table, for testing a cell against it. Not for medians.
    public func removing(_ part: FigureAccumulator) -> FigureAccumulator {
        var rest = self
        rest.count -= part.count
        rest.sum -= part.sum
        rest.sumSquares -= part.sumSquares
        rest.promoters -= part.promoters
        rest.detractors -= part.detractors
        return rest
    }

    /// Adds another group's inquiries (disjoint from this one's).
    public mutating func merge(_ other: FigureAccumulator) {
        count += other.count
        sum += other.sum
        sumSquares += other.sumSquares
        promoters += other.promoters
        detractors += other.detractors
        values += other.values
        clocks |= other.clocks
    }

    /// True for a wait median over waits on both clocks, which is left empty.
    public var mixesClocks: Bool { clocks == 3 }

    /// Promoters and detractors (nps) or hits (shares), for tests that need the counts.
    public var counts: (hits: Int, detractors: Int, base: Int) { (promoters, detractors, count) }
}

extension Season {
    /// Rule 6: one metric over a set of inquiries.
    public func figure(_ metric: Metric, over inquiries: some Sequence<Int>) -> Figure {
        var accumulator = FigureAccumulator(metric, definition: definition)
        accumulator.add(Array(inquiries), self)
        return accumulator.figure
    }

    /// All inquiries of a participant.
    public func inquiries(ofParticipant participant: Int) -> [Int] {
        var result: [Int] = []
        for i in 0..<inquiries.count where Int(inquiries.participant[i]) == participant { result.append(i) }
        return result
    }
}
