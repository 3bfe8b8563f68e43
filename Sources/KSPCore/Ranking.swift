/// One participant's place in a ranking (rule 7).
public struct RankedParticipant: Sendable, Equatable {
    public var participant: Int
    public var rank: Int
    public var total: Double
    /// Score of the highest-weighted area: the first tie-breaker.
    public var tieBreak: Double
    public var n: Int
}

/// Ranking and awards (scoring rule 7).
public enum Ranking {
    /// Ranks the participants by total over the given inquiries; ties by the highest-weighted
    /// area's score, then by name. Participants with fewer than `minInquiries` inquiries are left out.
    public static func rank(_ season: Season, inquiries: some Sequence<Int>, participants: Set<Int>? = nil, minInquiries: Int = 0) -> [RankedParticipant] {
        let tieArea = season.definition.highestWeightedAreaIndex
        var totals = [FigureAccumulator](repeating: FigureAccumulator(.total, definition: season.definition), count: season.participants.count)
        var ties = [FigureAccumulator](repeating: FigureAccumulator(tieArea.map { .area($0) } ?? .total, definition: season.definition), count: season.participants.count)
        var inquiriesOf = [[Int]](repeating: [], count: season.participants.count)
        for i in inquiries {
            let participant = Int(season.inquiries.participant[i])
            if let participants, !participants.contains(participant) { continue }
            inquiriesOf[participant].append(i)
        }
        for participant in season.participants.indices where !inquiriesOf[participant].isEmpty {
            totals[participant].add(inquiriesOf[participant], season)
            ties[participant].add(inquiriesOf[participant], season)
        }
        var rows: [RankedParticipant] = []
        for p in season.participants.indices {
            let f = totals[p].figure
            guard let total = f.value, f.base >= max(1, minInquiries) else { continue }
            rows.append(RankedParticipant(participant: p, rank: 0, total: total, tieBreak: ties[p].figure.value ?? -1, n: f.base))
        }
        rows.sort { a, b in
            if a.total != b.total { return a.total > b.total }
            if a.tieBreak != b.tieBreak { return a.tieBreak > b.tieBreak }
            return NorwegianCollation.less(season.participants[a.participant].name, season.participants[b.participant].name)
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

    /// Class winners, "Best i test" and "Best på <channel>" over the given inquiries.
    public static func awards(_ season: Season, inquiries: [Int]? = nil, minInquiries: Int? = nil) -> [Award] {
        let all = inquiries ?? Array(0..<season.inquiries.count)
        let minN = minInquiries ?? season.definition.minInquiriesForAward
        let ranked = rank(season, inquiries: all, minInquiries: minN)
        var result: [Award] = []
        for c in season.classes.indices {
            if let top = ranked.first(where: { season.participants[$0.participant].classIndex == c }) {
                result.append(Award(kind: .classWinner(classIndex: c), winner: top))
            }
        }
        if let best = ranked.first { result.append(Award(kind: .bestInTest, winner: best)) }
        for ch in season.definition.channels.indices {
            let onChannel = all.filter { Int(season.inquiries.channel[$0]) == ch }
            if let best = rank(season, inquiries: onChannel, minInquiries: 3).first {
                result.append(Award(kind: .bestOnChannel(channel: ch), winner: best))
            }
        }
        return result
    }
}
