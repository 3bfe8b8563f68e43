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
        let count = season.participants.count
        // A mask rather than the set: asked once per inquiry.
        var competes = [Bool](repeating: participants == nil, count: count)
        for participant in participants ?? [] where competes.indices.contains(participant) {
            competes[participant] = true
        }
        // One pass adding each participant's totals and tie-break scores in inquiry order, as
        // FigureAccumulator adds them (a total always, an area score where there is one): the same sums to
        // the last bit, without a list of inquiries per participant.
        var totals = [Double](repeating: 0, count: count)
        var totalCounts = [Int](repeating: 0, count: count)
        var ties = [Double](repeating: 0, count: count)
        var tieCounts = [Int](repeating: 0, count: count)
        let columns = season.inquiries
        // A participant's inquiries mostly come one after another: its sums stay in registers while they do.
        var current = -1
        var total = 0.0
        var totalCount = 0
        var tie = 0.0
        var tieCount = 0
        for inquiry in inquiries {
            let participant = Int(columns.participant[inquiry])
            guard competes[participant] else { continue }
            if participant != current {
                if current >= 0 {
                    totals[current] = total
                    totalCounts[current] = totalCount
                    ties[current] = tie
                    tieCounts[current] = tieCount
                }
                current = participant
                total = totals[participant]
                totalCount = totalCounts[participant]
                tie = ties[participant]
                tieCount = tieCounts[participant]
            }
            let inquiryTotal = columns.total[inquiry]
            total += inquiryTotal
            totalCount += 1
            let tieScore = tieArea.map { columns.areaScore(inquiry, $0) } ?? inquiryTotal
            if tieArea == nil || !tieScore.isNaN {
                tie += tieScore
                tieCount += 1
            }
        }
        if current >= 0 {
            totals[current] = total
            totalCounts[current] = totalCount
            ties[current] = tie
            tieCounts[current] = tieCount
        }
        var rows: [RankedParticipant] = []
        for participant in season.participants.indices {
            let figure = Figure.mean(count: totalCounts[participant], sum: totals[participant], sumSquares: 0)
            guard let total = figure.value, figure.base >= max(1, minInquiries) else { continue }
            let tieBreak = Figure.mean(count: tieCounts[participant], sum: ties[participant], sumSquares: 0).value
            rows.append(
                RankedParticipant(
                    participant: participant, rank: 0, total: total, tieBreak: tieBreak ?? -1,
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
        var onChannel = [[Int]](repeating: [], count: season.definition.channels.count)
        let channelColumn = season.inquiries.channel
        for inquiry in all { onChannel[Int(channelColumn[inquiry])].append(inquiry) }
        for channel in season.definition.channels.indices {
            let channelRanks = rank(
                season, inquiries: onChannel[channel], participants: competing, minInquiries: channelMinimum)
            if let best = channelRanks.first {
                result.append(Award(kind: .bestOnChannel(channel: channel), winner: best))
            }
        }
        return result
    }
}
