/// Each participant's inquiries and totals on each channel, added up in inquiry order in one pass, at
/// `channel × participants + participant`: what the "Best på <channel>" rankings (Ranking.awards) and the
/// resampled ranks of their winners start from.
public struct ChannelTotals: Sendable {
    public let participantCount: Int
    /// Inquiries on the channel.
    public private(set) var inquiries: [Int]
    /// Those of them with a total (not NaN), with their sum and sum of squares.
    public private(set) var counts: [Int]
    public private(set) var sums: [Double]
    public private(set) var squares: [Double]

    public init(_ season: Season, inquiries list: [Int]) {
        participantCount = season.participants.count
        let slotCount = participantCount * season.definition.channels.count
        inquiries = [Int](repeating: 0, count: slotCount)
        counts = [Int](repeating: 0, count: slotCount)
        sums = [Double](repeating: 0, count: slotCount)
        squares = [Double](repeating: 0, count: slotCount)
        let columns = season.inquiries
        for inquiry in list {
            let slot = Int(columns.channel[inquiry]) &* participantCount &+ Int(columns.participant[inquiry])
            inquiries[slot] += 1
            let total = columns.total[inquiry]
            if !total.isNaN {
                counts[slot] += 1
                sums[slot] += total
                squares[slot] += total * total
            }
        }
    }

    public func slot(_ participant: Int, on channel: Int) -> Int { channel * participantCount + participant }

    /// The sum of a participant's totals on a channel as FigureAccumulator adds them over the same inquiries
    /// (the same totals in the same order; NaN when one of them has no total).
    public func sumOfTotals(_ slot: Int) -> Double {
        counts[slot] == inquiries[slot] ? sums[slot] : .nan
    }
}
