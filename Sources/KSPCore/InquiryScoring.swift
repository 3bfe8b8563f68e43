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
    /// Questions of each area, with weights, for rule 2.
    private let questionsByArea: [[(index: Int, weight: Double)]]
    private let areaWeights: [Double]
    /// Raw answer → points per question, without copying the question on the hot path.
    private let pointsOf: [(Double) -> Double]

    public init(definition: SeasonDefinition) {
        self.definition = definition
        timeZone = TimeZone(identifier: definition.timezone)
        waitArea = definition.waitAreaIndex
        var byArea = Array(repeating: [(index: Int, weight: Double)](), count: definition.areas.count)
        for (index, question) in definition.questions.enumerated() {
            byArea[question.areaIndex].append((index, question.weight))
        }
        questionsByArea = byArea
        areaWeights = definition.areas.map(\.weight)
        pointsOf = definition.questions.map { question in
            switch question.type {
            case .yesno: return { $0 * 100 }
            case .scale(let low, let high): return { ($0 - Double(low)) / Double(high - low) * 100 }
            case .choice: return { $0 }
            }
        }
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
        let channelDefinition = definition.channels[channel]
        var waitSeconds: Double?
        var answered = false
        if let answeredAt {
            let waited = wait(channel: channel, from: contactedAt, to: answeredAt)
            waitSeconds = waited
            // A negative wait (an answer before the contact, however it got past the loader) never scores.
            answered = waited >= 0 && waited <= channelDefinition.limit
        }
        for area in areas.indices { areas[area] = .nan }
        guard answered, let waited = waitSeconds else {
            // Rule 3 and 5: no answer scores 0 on wait and in total; every other area is undefined.
            if let waitAreaIndex = waitArea { areas[waitAreaIndex] = 0 }
            return (false, waitSeconds, 0)
        }
        for area in 0..<areaWeights.count {
            if area == waitArea {
                var points = channelDefinition.points(forWait: waited)
                if attempts >= 2 { points *= definition.secondAttemptFactor }
                areas[area] = points
                continue
            }
            var sum = 0.0
            var weights = 0.0
            for (question, weight) in questionsByArea[area] {
                let answer = raw[question]
                if answer.isNaN { continue }
                sum += pointsOf[question](answer) * weight
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
