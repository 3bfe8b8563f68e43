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
    public func id(in d: SeasonDefinition) -> String {
        switch self {
        case .total: return "total"
        case .totalAnswered: return "total_answered"
        case let .area(a): return d.areas[a].id
        case let .question(q): return d.questions[q].id
        case let .cx(m): return m.rawValue
        case .n: return "n"
        case .noanswer: return "noanswer"
        case .noanswer1: return "noanswer1"
        case .waitMedian: return "wait_median"
        }
    }

    /// Named metrics that are not areas or questions.
    public static let fixedNames: [String: Metric] = [
        "total": .total, "total_answered": .totalAnswered, "n": .n, "noanswer": .noanswer, "noanswer1": .noanswer1,
        "wait_median": .waitMedian, "csat": .cx(.csat), "ces": .cx(.ces), "nps": .cx(.nps), "ves1": .cx(.ves1), "ves2": .cx(.ves2),
    ]

    /// Resolves a metric id against a season: fixed names, then area ids, then question ids.
    public static func named(_ text: String, in d: SeasonDefinition) -> Metric? {
        let key = text.lowercased()
        if let m = fixedNames[key] { return m }
        if let a = d.areaIndex(id: key) { return .area(a) }
        if let q = d.questionIndex(id: key) { return .question(q) }
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
        self.value = value; self.base = base; self.variance = variance
    }
}

/// Accumulates one metric over the inquiries of a group, one inquiry at a time.
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

    /// points = (raw − pointsOffset) × pointsScale for the question behind the metric.
    private var pointsOffset = 0.0
    private var pointsScale = 1.0

    public init(_ metric: Metric, definition: SeasonDefinition) {
        self.metric = metric
        switch metric {
        case let .question(q): question = q
        case let .cx(m): question = definition.questionIndex(metric: m) ?? -1
        default: question = -1
        }
        if question >= 0 {
            switch definition.questions[question].type {
            case .yesno: pointsScale = 100
            case let .scale(lo, hi): pointsOffset = Double(lo); pointsScale = 100 / Double(hi - lo)
            case .choice: break
            }
        }
    }

    /// Adds many inquiries at once: one switch, then a tight loop over the column's buffer.
    public mutating func add(_ indices: [Int], _ s: Season) {
        let c = s.inquiries
        switch metric {
        case .total:
            c.total.withUnsafeBufferPointer { t in for i in indices { addValue(t[i]) } }
        case .totalAnswered:
            c.total.withUnsafeBufferPointer { t in c.answered.withUnsafeBufferPointer { a in for i in indices where a[i] { addValue(t[i]) } } }
        case let .area(area):
            let na = c.areaCount
            c.areaScores.withUnsafeBufferPointer { b in for i in indices { let v = b[i &* na &+ area]; if !v.isNaN { addValue(v) } } }
        case .question:
            let nq = c.questionCount, q = question, off = pointsOffset, scale = pointsScale
            c.raw.withUnsafeBufferPointer { b in for i in indices { let r = b[i &* nq &+ q]; if !r.isNaN { addValue((r - off) * scale) } } }
        case .cx where s.seasons.count > 1:
            for i in indices { add(i, s) }
        case .cx(.nps):
            guard question >= 0 else { return }
            let nq = c.questionCount, q = question
            c.raw.withUnsafeBufferPointer { b in
                for i in indices {
                    let r = b[i &* nq &+ q]
                    if r.isNaN { continue }
                    count += 1
                    if r >= 9 { promoters += 1 } else if r <= 6 { detractors += 1 }
                }
            }
        case .cx:
            guard question >= 0 else { return }
            let nq = c.questionCount, q = question
            c.raw.withUnsafeBufferPointer { b in for i in indices { let r = b[i &* nq &+ q]; if !r.isNaN { addValue(r) } } }
        default:
            for i in indices { add(i, s) }
        }
    }

    @inline(__always) private mutating func addValue(_ v: Double) {
        count += 1; sum += v; sumSquares += v * v
    }

    @inline(__always) public mutating func add(_ i: Int, _ s: Season) {
        let c = s.inquiries
        switch metric {
        case .total: addValue(c.total[i])
        case .totalAnswered: if c.answered[i] { addValue(c.total[i]) }
        case let .area(a):
            let v = c.areaScore(i, a)
            if !v.isNaN { addValue(v) }
        case .question:
            let r = c.raw(i, question)
            if !r.isNaN { addValue((r - pointsOffset) * pointsScale) }
        case let .cx(cx):
            let q = s.seasons.count > 1 ? s.seasons[Int(c.season[i])].metricQuestions[cx] ?? -1 : question
            guard q >= 0 else { return }
            let r = c.raw(i, q)
            if r.isNaN { return }
            if cx == .nps {
                count += 1
                if r >= 9 { promoters += 1 } else if r <= 6 { detractors += 1 }
            } else {
                addValue(r)
            }
        case .n: count += 1
        case .noanswer:
            count += 1
            if !c.answered[i] { promoters += 1 }
        case .noanswer1:
            count += 1
            if !c.answered[i] || c.attempts[i] >= 2 { promoters += 1 }
        case .waitMedian:
            if c.answered[i] {
                count += 1
                values.append(c.waitSeconds[i])
                clocks |= s.definition.channels[Int(c.channel[i])].clock == .business ? 2 : 1
            }
        }
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
            let p = Double(promoters) / Double(count), d = Double(detractors) / Double(count)
            // Per-answer variance of the ±100/0 score: 100² (p(1−p) + d(1−d) + 2pd).
            return Figure(value: (p - d) * 100, base: count, variance: 10_000 * (p * (1 - p) + d * (1 - d) + 2 * p * d))
        case .waitMedian:
            guard !values.isEmpty else { return Figure(value: nil, base: 0) }
            guard !mixesClocks else { return Figure(value: nil, base: count) }
            let sorted = values.sorted()
            let m = sorted.count / 2
            return Figure(value: sorted.count % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2, base: count)
        default:
            guard count > 0 else { return Figure(value: nil, base: 0) }
            let mean = sum / Double(count)
            let variance = count > 1 ? max(0, (sumSquares - Double(count) * mean * mean) / Double(count - 1)) : nil
            return Figure(value: mean, base: count, variance: variance)
        }
    }

    /// This group's figures with another group's taken out (the other must be part of this one):
    /// "the rest" of a row or table, for testing a cell against it. Not for medians.
    public func removing(_ part: FigureAccumulator) -> FigureAccumulator {
        var r = self
        r.count -= part.count
        r.sum -= part.sum
        r.sumSquares -= part.sumSquares
        r.promoters -= part.promoters
        r.detractors -= part.detractors
        return r
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

    /// The note for a table where some wait median was left empty for mixing clocks.
    public static let mixedClocksNote =
        "wait_median is left empty where channels with different clocks (business time vs wall clock) are mixed"

    /// Promoters and detractors (nps) or hits (shares), for tests that need the counts.
    public var counts: (hits: Int, detractors: Int, base: Int) { (promoters, detractors, count) }
}

extension Season {
    /// Rule 6: one metric over a set of inquiries.
    public func figure(_ metric: Metric, over inquiries: some Sequence<Int>) -> Figure {
        var acc = FigureAccumulator(metric, definition: definition)
        acc.add(Array(inquiries), self)
        return acc.figure
    }

    /// All inquiries of a participant.
    public func inquiries(ofParticipant p: Int) -> [Int] {
        var r: [Int] = []
        for i in 0..<inquiries.count where Int(inquiries.participant[i]) == p { r.append(i) }
        return r
    }
}
