/// One participant's place in a ranking (rule 7).
public struct RankedParticipant: Sendable, Equatable {
    public var participant: Int
    public var rank: Int
    public var total: Double
    /// Score of the highest-weighted area (-1 where it has none), the first tie-breaker: only where another
    /// participant has the same total (nil elsewhere, where it breaks no tie).
    public var tieBreak: Double?
    /// Inquiries its total rests on.
    public var inquiryCount: Int
}

/// Ranking and awards (scoring rule 7).
public enum Ranking {
    /// Ranks the participants by total over the given inquiries; ties by the highest-weighted
    /// area's score, then by name. Participants with fewer than `minInquiries` inquiries are left out.
    public static func rank(
        _ season: Season, inquiries: some Collection<Int>, participants: Set<Int>? = nil, minInquiries: Int = 0
    ) -> [RankedParticipant] {
        let count = season.participants.count
        // A mask rather than the set: asked once per inquiry.
        var competes = [Bool](repeating: participants == nil, count: count)
        for participant in participants ?? [] where competes.indices.contains(participant) {
            competes[participant] = true
        }
        let totals = sums(season, inquiries, of: competes, .total)
        return ordered(season, totals, minInquiries: minInquiries) { Array(inquiries) }
    }

    /// The participants with a total on at least `minInquiries` (and one) inquiries, best first by rule 7, from
    /// each participant's sum and count of totals; `inquiries` gives those they were added over, asked for
    /// only when two totals tie.
    static func ordered(
        _ season: Season, _ totals: (sums: [Double], counts: [Int]), minInquiries: Int, inquiries: () -> [Int]
    ) -> [RankedParticipant] {
        var rows: [RankedParticipant] = []
        for participant in totals.sums.indices {
            let figure = Figure.mean(count: totals.counts[participant], sum: totals.sums[participant], sumSquares: 0)
            guard let total = figure.value, figure.base >= max(1, minInquiries) else { continue }
            rows.append(
                RankedParticipant(
                    participant: participant, rank: 0, total: total, tieBreak: nil, inquiryCount: figure.base))
        }
        // The tie-breaker is added up only for those whose total another has too (rarely any).
        let ascending = rows.map(\.total).sorted()
        var tiedTotals = Set<Double>()
        for k in ascending.indices.dropFirst() where ascending[k] == ascending[k - 1] {
            tiedTotals.insert(ascending[k])
        }
        if !tiedTotals.isEmpty {
            var tied = [Bool](repeating: false, count: totals.sums.count)
            for row in rows where tiedTotals.contains(row.total) { tied[row.participant] = true }
            let tieArea = season.definition.highestWeightedAreaIndex
            let ties = sums(season, inquiries(), of: tied, tieArea.map { .area($0) } ?? .total)
            for k in rows.indices where tied[rows[k].participant] {
                let participant = rows[k].participant
                rows[k].tieBreak =
                    Figure.mean(count: ties.counts[participant], sum: ties.sums[participant], sumSquares: 0).value ?? -1
            }
        }
        rows.sort { left, right in
            if left.total != right.total { return left.total > right.total }
            if left.tieBreak != right.tieBreak { return (left.tieBreak ?? -1) > (right.tieBreak ?? -1) }
            return NorwegianCollation.less(
                season.participants[left.participant].name, season.participants[right.participant].name)
        }
        for k in rows.indices { rows[k].rank = k + 1 }
        return rows
    }

    /// Each participant's sum and count of a metric (the total, or an area's score where it has one) over the
    /// inquiries of the participants in `mask`, added in inquiry order as FigureAccumulator adds them: the
    /// same sums to the last bit, without a list of inquiries per participant.
    static func sums(_ season: Season, _ inquiries: some Collection<Int>, of mask: [Bool], _ metric: Metric)
        -> (sums: [Double], counts: [Int])
    {
        var sums = [Double](repeating: 0, count: mask.count)
        var counts = [Int](repeating: 0, count: mask.count)
        let columns = season.inquiries
        let area: Int?
        if case .area(let index) = metric { area = index } else { area = nil }
        // A participant's inquiries mostly come one after another: its sum stays in a register while they do.
        var current = -1
        var sum = 0.0
        var added = 0
        for inquiry in inquiries {
            let participant = Int(columns.participant[inquiry])
            guard mask[participant] else { continue }
            if participant != current {
                if current >= 0 {
                    sums[current] = sum
                    counts[current] = added
                }
                current = participant
                sum = sums[participant]
                added = counts[participant]
            }
            let value = area.map { columns.areaScore(inquiry, $0) } ?? columns.total[inquiry]
            // A total always counts; an area only where the inquiry has a score for it.
            if area == nil || !value.isNaN {
                sum += value
                added += 1
            }
        }
        if current >= 0 {
            sums[current] = sum
            counts[current] = added
        }
        return (sums, counts)
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

    /// Class winners, "Best i test" and "Best på <channel>" over the given inquiries (`channelTotals` over
    /// the same inquiries, when the caller has them already).
    public static func awards(
        _ season: Season, inquiries: [Int]? = nil, minInquiries: Int? = nil, channelTotals: ChannelTotals? = nil
    ) -> [Award] {
        let all = inquiries ?? Array(0..<season.inquiries.count)
        let minimumInquiries = minInquiries ?? season.definition.minInquiriesForAward
        let participantCount = season.participants.count
        let overall = sums(season, all, of: [Bool](repeating: true, count: participantCount), .total)
        let ranked = ordered(season, overall, minInquiries: minimumInquiries) { all }
        var result: [Award] = []
        for classIndex in season.classes.indices {
            if let top = ranked.first(where: { season.participants[$0.participant].classIndex == classIndex }) {
                result.append(Award(kind: .classWinner(classIndex: classIndex), winner: top))
            }
        }
        if let best = ranked.first { result.append(Award(kind: .bestInTest, winner: best)) }
        // Only participants with the season's award minimum compete on a channel too.
        var competes = [Bool](repeating: false, count: participantCount)
        for row in ranked { competes[row.participant] = true }
        let channelColumn = season.inquiries.channel
        let totals = channelTotals ?? ChannelTotals(season, inquiries: all)
        for channel in season.definition.channels.indices {
            var sums = [Double](repeating: 0, count: participantCount)
            var counts = [Int](repeating: 0, count: participantCount)
            for participant in competes.indices where competes[participant] {
                let slot = totals.slot(participant, on: channel)
                sums[participant] = totals.sumOfTotals(slot)
                counts[participant] = totals.inquiries[slot]
            }
            let channelRanks = ordered(season, (sums, counts), minInquiries: channelMinimum) {
                all.filter { Int(channelColumn[$0]) == channel && competes[Int(season.inquiries.participant[$0])] }
            }
            if let best = channelRanks.first {
                result.append(Award(kind: .bestOnChannel(channel: channel), winner: best))
            }
        }
        return result
    }
}
