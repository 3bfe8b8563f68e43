/// One participant's place in a ranking (rule 7).
public struct RankedParticipant: Sendable, Equatable {
    public var participant: Int
    public var rank: Int
    public var total: Double
    /// Score of the highest-weighted area: the first tie-breaker.
    public var tieBreak: Double
    /// Inquiries its total rests on.
    public var inquiryCount: Int
}

/// Ranking and awards (scoring rule 7).
public enum Ranking {
    /// Ranks the participants by total over the given inquiries; ties by the highest-weighted
    /// area's score, then by name. Participants with fewer than `minInquiries` inquiries are left out.
    public static func rank(
        _ season: Season, inquiries: some Sequence<Int>, participants: Set<Int>? = nil, minInquiries: Int = 0
    ) -> [RankedParticipant] {
        let tieArea = season.definition.highestWeightedAreaIndex
        var totals = [FigureAccumulator](
            repeating: FigureAccumulator(.total, definition: season.definition), count: season.participants.count)
        var ties = [FigureAccumulator](
            repeating: FigureAccumulator(tieArea.map { .area($0) } ?? .total, definition: season.definition),
            count: season.participants.count)
        var inquiriesOf = [[Int]](repeating: [], count: season.participants.count)
        for inquiry in inquiries {
            let participant = Int(season.inquiries.participant[inquiry])
            if let participants, !participants.contains(participant) { continue }
            inquiriesOf[participant].append(inquiry)
        }
        for participant in season.participants.indices where !inquiriesOf[participant].isEmpty {
            totals[participant].add(inquiriesOf[participant], season)
            ties[participant].add(inquiriesOf[participant], season)
        }
        var rows: [RankedParticipant] = []
        for participant in season.participants.indices {
            let figure = totals[participant].figure
            guard let total = figure.value, figure.base >= max(1, minInquiries) else { continue }
            rows.append(
                RankedParticipant(
                    participant: participant, rank: 0, total: total, tieBreak: ties[participant].figure.value ?? -1,
                    inquiryCount: figure.base))
        }
        rows.sort { left, right in
            if left.total != right.total { return left.total > right.total }
            if left.tieBreak != right.tieBreak { return left.tieBreak > right.tieBreak }
            return NorwegianCollation.less(
                season.participants[left.participant].name, season.participants[right.participant].name)
        }
        for k in rows.indices { rows[k].rank = k + 1 }
        return rows
    }

    public enum AwardKind: Sendable, Equatable {
        case classWinner(classIndex: Int)
        case bestInTest
        case bestOnChannel(channel: Int)
    }

    public struct Award: Sendable, Equatable {
        public var kind: AwardKind
        public var winner: RankedParticipant
    }

    /// Inquiries on a channel a "Best på <channel>" winner needs (besides the season's award minimum).
    public static let channelMinimum = 3

    /// Class winners, "Best i test" and "Best på <channel>" over the given inquiries.
    public static func awards(_ season: Season, inquiries: [Int]? = nil, minInquiries: Int? = nil) -> [Award] {
        let all = inquiries ?? Array(0..<season.inquiries.count)
        let minimumInquiries = minInquiries ?? season.definition.minInquiriesForAward
        let ranked = rank(season, inquiries: all, minInquiries: minimumInquiries)
        var result: [Award] = []
        for classIndex in season.classes.indices {
            if let top = ranked.first(where: { season.participants[$0.participant].classIndex == classIndex }) {
                result.append(Award(kind: .classWinner(classIndex: classIndex), winner: top))
            }
        }
        if let best = ranked.first { result.append(Award(kind: .bestInTest, winner: best)) }
        // Only participants with the season's award minimum compete on a channel too.
        let competing = Set(ranked.map(\.participant))
        for channel in season.definition.channels.indices {
            let onChannel = all.filter { Int(season.inquiries.channel[$0]) == channel }
            if let best = rank(season, inquiries: onChannel, participants: competing, minInquiries: channelMinimum)
                .first
            {
                result.append(Award(kind: .bestOnChannel(channel: channel), winner: best))
            }
        }
        return result
    }
}
