import Foundation
import KSPCore
import Synchronization

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
    func channelAwardBases(
        _ awards: [Ranking.Award], seasonInquiries: [Int], channelTotals totals: ChannelTotals
    ) throws(EvaluationError) -> [ChannelAwardBase] {
        let channels = awards.compactMap { award -> Int? in
            guard case .bestOnChannel(let channel) = award.kind else { return nil }
            return channel
        }
        guard !channels.isEmpty else { return [] }
        let eligibility = try awardEligibility(of: seasonInquiries)
        let participantCount = season.participants.count
        let competitors = channels.map { channel in
            NorwegianCollation.sorted(
                (0..<participantCount).filter { participant in
                    let slot = totals.slot(participant, on: channel)
                    return totals.inquiries[slot] >= Ranking.channelMinimum && totals.counts[slot] > 0
                        && eligibility.isEligible(participant)
                }, byName: { season.participants[$0].name })
        }
        // Totals below the normal route's base are drawn one by one: only theirs are kept (in inquiry order).
        var keeps = [Bool](repeating: false, count: totals.inquiries.count)
        for (channel, competing) in zip(channels, competitors) {
            for participant in competing {
                let slot = totals.slot(participant, on: channel)
                if totals.counts[slot] < ResampledMeans.normalBase { keeps[slot] = true }
            }
        }
        var totalsOn = [[Double]](repeating: [], count: totals.inquiries.count)
        if keeps.contains(true) {
            let columns = season.inquiries
            for (k, i) in seasonInquiries.enumerated() {
                try checkCancelled(at: k)
                let slot = totals.slot(Int(columns.participant[i]), on: Int(columns.channel[i]))
                let total = columns.total[i]
                if keeps[slot], !total.isNaN { totalsOn[slot].append(total) }
            }
        }
        var tasks: [(channel: Int, winner: Int, resampled: ResampledMeans, competitors: Int, base: Int)] = []
        for award in awards {
            guard case .bestOnChannel(let channel) = award.kind, let index = channels.firstIndex(of: channel) else {
                continue
            }
            let competing = competitors[index]
            guard let winner = competing.firstIndex(of: award.winner.participant) else { continue }
            let slots = competing.map { totals.slot($0, on: channel) }
            let resampled = ResampledMeans(
                values: slots.map { totalsOn[$0] },
                normal: slots.map {
                    ResampledMeans.normal(
                        count: totals.counts[$0], sum: totals.sums[$0], sumSquares: totals.squares[$0])
                })
            tasks.append((channel, winner, resampled, competing.count, totals.counts[slots[winner]]))
        }
        // Each award's bootstrap has its own stream from the seed: run on both cores, the figures are the same.
        let resamplings = tasks.map { ($0.winner, $0.resampled) }
        let intervals = Mutex([Result<(low: Int, high: Int), EvaluationError>?](repeating: nil, count: tasks.count))
        DispatchQueue.concurrentPerform(iterations: tasks.count) { k in
            let result = Result { () throws(EvaluationError) in
                try bootstrapRankInterval(of: resamplings[k].0, resamplings[k].1, lowerIsBetter: false)
            }
            intervals.withLock { $0[k] = result }
        }
        var bases: [ChannelAwardBase] = []
        for (k, task) in tasks.enumerated() {
            guard let result = intervals.withLock({ $0[k] }) else { continue }
            let interval = try result.get()
            bases.append(
                ChannelAwardBase(
                    channel: task.channel, inquiries: task.base, lowestRank: interval.low, highestRank: interval.high,
                    competitors: task.competitors))
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
