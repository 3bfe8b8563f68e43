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
    /// is ranked again with a bootstrap among the participants who compete on the channel.
    func channelAwardBases(_ awards: [Ranking.Award], seasonInquiries: [Int]) throws(EvaluationError)
        -> [ChannelAwardBase]
    {
        var bases: [ChannelAwardBase] = []
        for award in awards {
            guard case .bestOnChannel(let channel) = award.kind else { continue }
            let onChannel = seasonInquiries.filter { Int(season.inquiries.channel[$0]) == channel }
            var counts: [Int32: Int] = [:]
            for i in onChannel { counts[season.inquiries.participant[i], default: 0] += 1 }
            let competing = onChannel.filter {
                counts[season.inquiries.participant[$0], default: 0] >= Ranking.channelMinimum
            }
            let ranking = try rankings(.total, over: competing, within: "channel")
            guard let own = ranking.ranks.first(where: { $0.participant == award.winner.participant }) else { continue }
            bases.append(
                ChannelAwardBase(
                    channel: channel, inquiries: own.base, lowestRank: own.lowestRank, highestRank: own.highestRank,
                    competitors: ranking.ranks.count))
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
