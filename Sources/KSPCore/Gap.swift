/// "What would it take?": how much of the difference between a participant's total and a target's
/// (the class winner, the rest of its class, everyone, another participant) each question, the wait
/// and answering account for, by the season's own scoring rules (issue 14).
///
/// For a question q: the participant's points on q, in each of its answered inquiries where q was
/// asked, become the target's mean points on q; those inquiries are rescored by rules 2 and 5 and the
/// change of the participant's total is q's gain. The wait area likewise (its answered inquiries get the
/// target's mean wait points). An inquiry's total is linear in its question and area points once the
/// N/A cells are fixed, so the question and wait gains add up exactly to what replacing all of them at
/// once gives. Answering is one more row: (own no-answer share − target's) × own score for answered.
/// What is left of the gap (channel mix and the like) is `remaining`.
public struct GapItem: Sendable, Equatable {
    public enum Subject: Sendable, Equatable {
        /// A question, by its index in the season's (combined) definition.
        case question(Int)
        case wait
        case answering
    }

    public var subject: Subject
    /// The area the row belongs to (nil for answering).
    public var area: Int?
    /// Mean points over the participant's answered inquiries where the question was asked
    /// (the no-answer share in % for answering).
    public var ownPoints: Double?
    /// The same over the target's inquiries.
    public var targetPoints: Double?
    /// The participant's inquiries behind `ownPoints`.
    public var ownBase: Int
    /// Change of the participant's total, in total points.
    public var gain: Double
}

public struct GapAnalysis: Sendable {
    /// Every scored question, the wait area and answering, in the definition's order.
    public var items: [GapItem]
    public var ownTotal: Double
    public var targetTotal: Double
    public var ownInquiries: Int
    public var targetInquiries: Int

    /// The whole gap: target's total − own total.
    public var gap: Double { targetTotal - ownTotal }
    /// Sum of the question, wait and answering gains.
    public var explained: Double { items.reduce(0) { $0 + $1.gain } }
    /// What the rows do not account for (channel mix, which inquiries had which questions, …).
    public var remaining: Double { gap - explained }
}

public enum GapCalculator {
    /// The gap between `own` and `target` inquiries of a season. `scoring` is the definition whose
    /// weights scored these inquiries (with several seasons loaded, the scoped season's own); questions
    /// and areas are matched to the loaded (combined) definition by id.
    public static func gap(
        _ season: Season, scoring: SeasonDefinition? = nil,
        own: [Int], target: [Int]
    ) -> GapAnalysis {
        let rescorer = GapRescorer(season, scoring: scoring ?? season.definition)
        let columns = season.inquiries
        let questionCount = columns.questionCount
        let ownAnswered = answeredOnes(own, columns)
        let targetAnswered = answeredOnes(target, columns)
        let targetMeans = rescorer.meanPoints(targetAnswered, scoredOnly: true)
        let ownMeans = rescorer.meanPoints(ownAnswered, scoredOnly: true)
        let ownCount = Double(max(own.count, 1))
        // Each own answered inquiry's points, row by row, and its total as they stand: every question's
        // rescoring starts from the same total, so it is worked out once (same inputs, same bits).
        let stride = season.definition.questions.count
        var ownPoints: [Double] = []
        ownPoints.reserveCapacity(ownAnswered.count * stride)
        for inquiry in ownAnswered { ownPoints += rescorer.points(of: inquiry) }
        var scratch = GapRescorer.Scratch(areaCount: season.definition.areas.count)
        let ownWaits = ownAnswered.map { rescorer.waitPoints($0) }
        let ownTotals = ownPoints.withUnsafeBufferPointer { ownPoints in
            ownAnswered.indices.map { k in
                rescorer.total(
                    UnsafeBufferPointer(rebasing: ownPoints[k * stride..<(k + 1) * stride]), wait: ownWaits[k],
                    &scratch)
            }
        }
        let replaced = (0..<questionCount).filter { rescorer.questionWeight[$0] > 0 && targetMeans.question[$0] != nil }
        let questionGains = rescorer.gains(
            replacing: replaced.map { ($0, targetMeans.question[$0] ?? .nan) }, points: ownPoints, waits: ownWaits,
            totals: ownTotals)
        var gains = [Double](repeating: 0, count: questionCount)
        for (question, gain) in zip(replaced, questionGains) { gains[question] = gain }
        var items: [GapItem] = []
        for question in 0..<questionCount where rescorer.questionWeight[question] > 0 {
            items.append(
                GapItem(
                    subject: .question(question), area: season.definition.questions[question].areaIndex,
                    ownPoints: ownMeans.question[question], targetPoints: targetMeans.question[question],
                    ownBase: ownMeans.base[question], gain: gains[question] / ownCount))
        }
        if let waitArea = rescorer.waitArea {
            var gain = 0.0
            if let targetWait = targetMeans.wait {
                ownPoints.withUnsafeBufferPointer { ownPoints in
                    for k in ownAnswered.indices {
                        let row = UnsafeBufferPointer(rebasing: ownPoints[k * stride..<(k + 1) * stride])
                        gain += rescorer.total(row, wait: targetWait, &scratch) - ownTotals[k]
                    }
                }
            }
            items.append(
                GapItem(
                    subject: .wait, area: waitArea, ownPoints: ownMeans.wait, targetPoints: targetMeans.wait,
                    ownBase: ownAnswered.count, gain: gain / ownCount))
        }
        let ownNoAnswer = share(of: own.count - ownAnswered.count, in: own.count)
        let targetNoAnswer = share(of: target.count - targetAnswered.count, in: target.count)
        let ownAnsweredScore = meanTotal(ownAnswered, columns) ?? 0
        let answeringGain = ((ownNoAnswer ?? 0) - (targetNoAnswer ?? 0)) / 100 * ownAnsweredScore
        items.append(
            GapItem(
                subject: .answering, area: nil, ownPoints: ownNoAnswer, targetPoints: targetNoAnswer,
                ownBase: own.count, gain: targetNoAnswer == nil ? 0 : answeringGain))
        return GapAnalysis(
            items: items, ownTotal: meanTotal(own, columns) ?? 0,
            targetTotal: meanTotal(target, columns) ?? 0,
            ownInquiries: own.count, targetInquiries: target.count)
    }

    static func share(of part: Int, in whole: Int) -> Double? {
        whole > 0 ? Double(part) / Double(whole) * 100 : nil
    }

    /// The inquiries that count as answered, in their order (through buffers: the target may be the
    /// whole season).
    static func answeredOnes(_ inquiries: [Int], _ columns: InquiryColumns) -> [Int] {
        columns.answered.withUnsafeBufferPointer { answered in
            [Int](unsafeUninitializedCapacity: inquiries.count) { result, count in
                // Written ahead of the count, without a capacity check per inquiry.
                guard let first = result.baseAddress else { return }
                var next = first
                for inquiry in inquiries {
                    next.initialize(to: inquiry)
                    next += answered[inquiry] ? 1 : 0
                }
                count = next - first
            }
        }
    }

    /// The mean total, added in the inquiries' order (as a reduce would), without an array of totals.
    static func meanTotal(_ inquiries: [Int], _ columns: InquiryColumns) -> Double? {
        guard !inquiries.isEmpty else { return nil }
        var sum = 0.0
        columns.total.withUnsafeBufferPointer { totals in
            for inquiry in inquiries { sum += totals[inquiry] }
        }
        return sum / Double(inquiries.count)
    }
}

/// Rules 2 and 5 on points rather than raw answers, so that a question's or the wait's points can be
/// replaced by a target's mean and the inquiry rescored.
public struct GapRescorer: Sendable {
    let season: Season
    /// Per loaded question: its weight in the scoring definition (0 = not scored: absent, or in an
    /// area that does not count towards the total).
    public let questionWeight: [Double]
    let questionArea: [Int]
    /// Per loaded area: its questions with a weight, in the definition's order (the order `total` adds them),
    /// area a's at `scoredQuestions[scoredQuestionStart[a]..<scoredQuestionStart[a + 1]]` (one flat array: no
    /// inner array is retained per rescoring).
    let scoredQuestions: [Int]
    let scoredQuestionStart: [Int]
    /// Per loaded area: its weight towards the total in the scoring definition.
    let areaWeight: [Double]
    public let waitArea: Int?

    public init(_ season: Season, scoring: SeasonDefinition) {
        self.season = season
        let loaded = season.definition
        var areaWeight = [Double](repeating: 0, count: loaded.areas.count)
        for (a, area) in loaded.areas.enumerated() {
            if let own = scoring.areaIndex(id: area.id) { areaWeight[a] = max(0, scoring.areas[own].weight) }
        }
        var questionWeight = [Double](repeating: 0, count: loaded.questions.count)
        for (q, question) in loaded.questions.enumerated() where areaWeight[question.areaIndex] > 0 {
            if let own = scoring.questionIndex(id: question.id) {
                questionWeight[q] = max(0, scoring.questions[own].weight)
            }
        }
        self.areaWeight = areaWeight
        self.questionWeight = questionWeight
        questionArea = loaded.questions.map(\.areaIndex)
        var scoredQuestionsOfArea = [[Int]](repeating: [], count: loaded.areas.count)
        for q in questionWeight.indices where questionWeight[q] > 0 { scoredQuestionsOfArea[questionArea[q]].append(q) }
        scoredQuestions = scoredQuestionsOfArea.flatMap { $0 }
        scoredQuestionStart = InquiryScorer.runStarts(scoredQuestionsOfArea.map(\.count))
        waitArea = loaded.waitAreaIndex.flatMap { areaWeight[$0] > 0 ? $0 : nil }
    }

    /// The points of each question of an inquiry (NaN = not asked).
    public func points(of inquiry: Int) -> [Double] {
        let questions = season.definition.questions
        let columns = season.inquiries
        return questions.indices.map { q in
            let raw = columns.raw(inquiry, q)
            return raw.isNaN ? .nan : questions[q].points(raw: raw)
        }
    }

    public func waitPoints(_ inquiry: Int) -> Double {
        guard let waitArea else { return .nan }
        return season.inquiries.areaScore(inquiry, waitArea)
    }

    /// Per-area sums reused from one inquiry's total to the next (a gap rescores an inquiry once per
    /// question: two arrays a time add up to milliseconds at 100×).
    struct Scratch {
        var areaSums: [Double]
        var areaWeights: [Double]

        init(areaCount: Int) {
            areaSums = [Double](repeating: 0, count: areaCount)
            areaWeights = [Double](repeating: 0, count: areaCount)
        }
    }

    /// An answered inquiry's total from its question points and wait points (rules 2 and 5).
    public func total(_ points: [Double], wait: Double) -> Double {
        var scratch = Scratch(areaCount: areaWeight.count)
        return points.withUnsafeBufferPointer { total($0, wait: wait, &scratch) }
    }

    func total(_ points: UnsafeBufferPointer<Double>, wait: Double, _ scratch: inout Scratch) -> Double {
        for a in scratch.areaSums.indices {
            scratch.areaSums[a] = 0
            scratch.areaWeights[a] = 0
        }
        for (q, value) in points.enumerated() where !value.isNaN && questionWeight[q] > 0 {
            scratch.areaSums[questionArea[q]] += value * questionWeight[q]
            scratch.areaWeights[questionArea[q]] += questionWeight[q]
        }
        if let waitArea, !wait.isNaN {
            scratch.areaSums[waitArea] = wait
            scratch.areaWeights[waitArea] = 1
        }
        return combine(scratch)
    }

    /// Rule 5 from an inquiry's area sums.
    func combine(_ areas: Scratch) -> Double {
        var sum = 0.0
        var weights = 0.0
        for a in areaWeight.indices where areaWeight[a] > 0 {
            guard areas.areaWeights[a] > 0 else { continue }
            sum += areas.areaSums[a] / areas.areaWeights[a] * areaWeight[a]
            weights += areaWeight[a]
        }
        return weights > 0 ? sum / weights : 0
    }

    /// Rule 5 for one inquiry, laid out so that one area's score can change: the areas that count, each one's
    /// term, and the running sums `combine` has before it. A changed area's total starts from those running
    /// sums and adds the areas after it in turn, the additions `combine` makes in the order it makes them, so
    /// it has the same bits (a gap rescores every answered inquiry once per question: adding every area each
    /// time was most of `gap … to all` at 100×).
    struct Combination {
        var counted: [Bool]
        var term: [Double]
        var sumBefore: [Double]
        var weightsBefore: [Double]
        /// The inquiry's total as `combine` gives it.
        var total = 0.0

        init(areaCount: Int) {
            counted = [Bool](repeating: false, count: areaCount)
            term = [Double](repeating: 0, count: areaCount)
            sumBefore = [Double](repeating: 0, count: areaCount)
            weightsBefore = [Double](repeating: 0, count: areaCount)
        }
    }

    /// Lays out an inquiry's area sums (as `total` left them) for `total(replacing:…)`.
    func prepare(_ areas: Scratch, _ combination: inout Combination) {
        var sum = 0.0
        var weights = 0.0
        for a in areaWeight.indices {
            combination.sumBefore[a] = sum
            combination.weightsBefore[a] = weights
            let counted = areaWeight[a] > 0 && areas.areaWeights[a] > 0
            combination.counted[a] = counted
            guard counted else { continue }
            let term = areas.areaSums[a] / areas.areaWeights[a] * areaWeight[a]
            combination.term[a] = term
            sum += term
            weights += areaWeight[a]
        }
        combination.total = weights > 0 ? sum / weights : 0
    }

    /// The total with one question's points changed, from the inquiry's laid-out area sums: only that
    /// question's area is summed again, over the same questions in the same order, and the areas after it are
    /// added to the running sums before it, so the result has the bits `total` gives for the changed points.
    func total(
        replacing question: Int, with value: Double, in points: UnsafeBufferPointer<Double>, wait: Double,
        combination: Combination
    ) -> Double {
        let area = questionArea[question]
        // The wait area's sum is its wait points whenever there are any: a question in it changes nothing; nor
        // does a question in an area that does not count.
        if (area == waitArea && !wait.isNaN) || areaWeight[area] <= 0 { return combination.total }
        var areaSum = 0.0
        var areaWeights = 0.0
        for slot in scoredQuestionStart[area]..<scoredQuestionStart[area + 1] {
            let q = scoredQuestions[slot]
            let points = q == question ? value : points[q]
            if points.isNaN { continue }
            areaSum += points * questionWeight[q]
            areaWeights += questionWeight[q]
        }
        var sum = combination.sumBefore[area]
        var weights = combination.weightsBefore[area]
        if areaWeights > 0 {
            sum += areaSum / areaWeights * areaWeight[area]
            weights += areaWeight[area]
        }
        for a in area + 1..<areaWeight.count where combination.counted[a] {
            sum += combination.term[a]
            weights += areaWeight[a]
        }
        return weights > 0 ? sum / weights : 0
    }
}
