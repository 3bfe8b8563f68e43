import KSPCore

/// How thin a "Best på <channel>" award is: the winner's inquiries on the channel and the range of ranks
/// it takes on the channel when the inquiries are resampled.
struct ChannelAwardBase: Sendable, Equatable {
    var channel: Int
    /// The winner's inquiries on the channel.
    var inquiries: Int
    var lowestRank: Int
    var highestRank: Int
    /// Participants competing on the channel.
    var competitors: Int
}

extension Evaluator {
    /// The base and rank interval of each "Best på <channel>" award among the season's inquiries: the winner
    /// is ranked again with a bootstrap among the participants who compete on the channel (those with the
    /// season's award minimum and `Ranking.channelMinimum` inquiries on it), as `rank` would rank them. Only
    /// the winner's interval is shown, so only the winner's rank is counted in each round.
    func channelAwardBases(_ awards: [Ranking.Award], seasonInquiries: [Int]) throws(EvaluationError)
        -> [ChannelAwardBase]
    {
        let channels = awards.compactMap { award -> Int? in
            guard case .bestOnChannel(let channel) = award.kind else { return nil }
            return channel
        }
        guard !channels.isEmpty else { return [] }
        let eligibility = try awardEligibility(of: seasonInquiries)
        let participantCount = season.participants.count
        let channelCount = season.definition.channels.count
        // One pass: each participant's inquiries and totals on each channel, in inquiry order.
        var inquiriesOn = [Int](repeating: 0, count: participantCount * channelCount)
        var totalsOn = [[Double]](repeating: [], count: participantCount * channelCount)
        let columns = season.inquiries
        for (k, i) in seasonInquiries.enumerated() {
            try checkCancelled(at: k)
            let slot = Int(columns.participant[i]) * channelCount + Int(columns.channel[i])
            inquiriesOn[slot] += 1
            let total = columns.total[i]
            if !total.isNaN { totalsOn[slot].append(total) }
        }
        var bases: [ChannelAwardBase] = []
        for award in awards {
            guard case .bestOnChannel(let channel) = award.kind else { continue }
            let competing = NorwegianCollation.sorted(
                (0..<participantCount).filter { participant in
                    let slot = participant * channelCount + channel
                    return inquiriesOn[slot] >= Ranking.channelMinimum && !totalsOn[slot].isEmpty
                        && eligibility.isEligible(participant)
                }, byName: { season.participants[$0].name })
            guard let winner = competing.firstIndex(of: award.winner.participant) else { continue }
            let values = competing.map { totalsOn[$0 * channelCount + channel] }
            let interval = try bootstrapRankInterval(of: winner, .total, values, lowerIsBetter: false)
            bases.append(
                ChannelAwardBase(
                    channel: channel, inquiries: values[winner].count, lowestRank: interval.low,
                    highestRank: interval.high, competitors: competing.count))
        }
        return bases
    }

    /// One line per "Best på" award: how many inquiries it rests on and how firm the first place is.
    func channelAwardNote(_ base: ChannelAwardBase) -> String {
        let channel = season.definition.channels[base.channel]
        return "Best på \(channel.name) rests on \(base.inquiries) inquiries on \(channel.id); resampled, "
            + "its rank there is \(base.lowestRank)–\(base.highestRank) of \(base.competitors)"
    }
}
