import Foundation

/// The scores of one inquiry (rules 1–5).
public struct ScoredInquiry: Sendable, Equatable {
    public var answered: Bool
    /// Wait on the channel's clock in seconds; nil when never answered.
    public var waitSeconds: Double?
    /// One per area of the season; nil = undefined.
    public var areaScores: [Double?]
    public var total: Double
}

/// Scores inquiries by the season's rules. One scorer per season: it caches holidays and
/// the timezone's offsets, so it is not shared between threads.
public final class InquiryScorer {
    public let definition: SeasonDefinition
    private let holidays = HolidayCache()
    private let timeZone: TimeZone?
    private var offsetByHour: [Int64: Int64] = [:]
    private let waitArea: Int?
    /// Questions of each area, with weights, for rule 2: area a's are `areaQuestionStart[a] ..< [a + 1]`
    /// in the two flat arrays (flat, so that scoring an inquiry retains and releases no inner array).
    private let areaQuestionStart: [Int]
    private let areaQuestion: [Int]
    private let areaQuestionWeight: [Double]
    private let areaWeights: [Double]
    /// Raw answer → points per question as `(raw - pointsOrigin) / pointsSpan * pointsScale`: yes/no
    /// (0, 1, 100), a scale (low, high - low, 100), a choice (0, 1, 1) — each exactly the rule's arithmetic.
    private let pointsOrigin: [Double]
    private let pointsSpan: [Double]
    private let pointsScale: [Double]
    /// Per channel: its answer limit and wait brackets (channel c's are `bracketStart[c] ..< [c + 1]`).
    private let channelLimit: [Double]
    private let bracketStart: [Int]
    private let bracketBound: [Double]
    private let bracketPoints: [Double]

    public init(definition: SeasonDefinition) {
        self.definition = definition
        timeZone = TimeZone(identifier: definition.timezone)
        waitArea = definition.waitAreaIndex
        var byArea = Array(repeating: [(index: Int, weight: Double)](), count: definition.areas.count)
        for (index, question) in definition.questions.enumerated() {
            byArea[question.areaIndex].append((index, question.weight))
        }
        areaQuestionStart = InquiryScorer.runStarts(byArea.map(\.count))
        areaQuestion = byArea.flatMap { $0.map(\.index) }
        areaQuestionWeight = byArea.flatMap { $0.map(\.weight) }
        areaWeights = definition.areas.map(\.weight)
        let pointRules = definition.questions.map { question -> (origin: Double, span: Double, scale: Double) in
            switch question.type {
            case .yesno: return (0, 1, 100)
            case .scale(let low, let high): return (Double(low), Double(high - low), 100)
            case .choice: return (0, 1, 1)
            }
        }
        pointsOrigin = pointRules.map(\.origin)
        pointsSpan = pointRules.map(\.span)
        pointsScale = pointRules.map(\.scale)
        channelLimit = definition.channels.map(\.limit)
        bracketStart = InquiryScorer.runStarts(definition.channels.map(\.brackets.count))
        bracketBound = definition.channels.flatMap { $0.brackets.map(\.bound) }
        bracketPoints = definition.channels.flatMap { $0.brackets.map(\.points) }
    }

    /// Where each of consecutive runs of these lengths starts in one flat array, and where the last ends.
    static func runStarts(_ lengths: [Int]) -> [Int] {
        var starts = [0]
        for length in lengths { starts.append((starts.last ?? 0) + length) }
        return starts
    }

    /// Wait points of an answered wait (rule 3), before the second-attempt factor: the first bracket
    /// whose bound the wait is within, else 0 (as `Channel.points(forWait:)`).
    private func waitPoints(channel: Int, seconds: Double) -> Double {
        for bracket in bracketStart[channel]..<bracketStart[channel + 1] where seconds <= bracketBound[bracket] {
            return bracketPoints[bracket]
        }
        return 0
    }

    /// Seconds between two local times on the channel's clock (rule 3, rule 4).
    public func wait(channel: Int, from start: LocalDateTime, to end: LocalDateTime) -> Double {
        switch definition.channels[channel].clock {
        case .business:
            return NorwegianCalendar.businessSeconds(from: start, to: end, holidays: holidays)
        case .wall:
            // Local times become instants through the season's timezone, so a wait across the
            // switch to summer time is not an hour off.
            return Double((end.secondsSinceEpoch - utcOffset(end)) - (start.secondsSinceEpoch - utcOffset(start)))
        }
    }

    private func utcOffset(_ time: LocalDateTime) -> Int64 {
        guard let timeZone = timeZone else { return 0 }
        let hour = time.secondsSinceEpoch / 3600
        if let cached = offsetByHour[hour] { return cached }
        // First guess with the offset at the naive instant, then correct once.
        let guess = Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(time.secondsSinceEpoch))))
        let offset = Int64(
            timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(time.secondsSinceEpoch - guess))))
        offsetByHour[hour] = offset
        return offset
    }

    /// Rules 1–5 for one inquiry. `raw` holds one raw answer per question (NaN = not applicable).
    public func score(
        channel: Int, contactedAt: LocalDateTime, answeredAt: LocalDateTime?, attempts: Int, raw: [Double]
    ) -> ScoredInquiry {
        raw.withUnsafeBufferPointer { buffer in
            score(channel: channel, contactedAt: contactedAt, answeredAt: answeredAt, attempts: attempts, raw: buffer)
        }
    }

    public func score(
        channel: Int, contactedAt: LocalDateTime, answeredAt: LocalDateTime?, attempts: Int,
        raw: UnsafeBufferPointer<Double>
    ) -> ScoredInquiry {
        var areas = [Double](repeating: .nan, count: definition.areas.count)
        let scored = areas.withUnsafeMutableBufferPointer {
            score(
                channel: channel, contactedAt: contactedAt, answeredAt: answeredAt, attempts: attempts, raw: raw,
                areaScores: $0)
        }
        return ScoredInquiry(
            answered: scored.answered, waitSeconds: scored.waitSeconds, areaScores: areas.map { $0.isNaN ? nil : $0 },
            total: scored.total)
    }

    /// Rules 1–5 writing the area scores (NaN = undefined) into a buffer: the loader's allocation-free path.
    public func score(
        channel: Int, contactedAt: LocalDateTime, answeredAt: LocalDateTime?, attempts: Int,
        raw: UnsafeBufferPointer<Double>, areaScores areas: UnsafeMutableBufferPointer<Double>
    )
        -> (answered: Bool, waitSeconds: Double?, total: Double)
    {
        var waitSeconds: Double?
        var answered = false
        if let answeredAt {
            let waited = wait(channel: channel, from: contactedAt, to: answeredAt)
            waitSeconds = waited
            // A negative wait (an answer before the contact, however it got past the loader) never scores.
            answered = waited >= 0 && waited <= channelLimit[channel]
        }
        for area in areas.indices { areas[area] = .nan }
        guard answered, let waited = waitSeconds else {
            // Rule 3 and 5: no answer scores 0 on wait and in total; every other area is undefined.
            if let waitAreaIndex = waitArea { areas[waitAreaIndex] = 0 }
            return (false, waitSeconds, 0)
        }
        for area in 0..<areaWeights.count {
            if area == waitArea {
                var points = waitPoints(channel: channel, seconds: waited)
                if attempts >= 2 { points *= definition.secondAttemptFactor }
                areas[area] = points
                continue
            }
            var sum = 0.0
            var weights = 0.0
            for slot in areaQuestionStart[area]..<areaQuestionStart[area + 1] {
                let question = areaQuestion[slot]
                let answer = raw[question]
                if answer.isNaN { continue }
                let weight = areaQuestionWeight[slot]
                sum += (answer - pointsOrigin[question]) / pointsSpan[question] * pointsScale[question] * weight
                weights += weight
            }
            if weights > 0 { areas[area] = sum / weights }
        }
        var total = 0.0
        var weights = 0.0
        for area in 0..<areaWeights.count where areaWeights[area] > 0 {
            let areaScore = areas[area]
            if !areaScore.isNaN {
                total += areaScore * areaWeights[area]
                weights += areaWeights[area]
            }
        }
        return (true, waited, weights > 0 ? total / weights : 0)
    }
}
