/// The channel mix of a standard population: each channel's share of its inquiries (direct standardisation).
public struct ChannelMix: Sendable, Equatable {
    /// Share per channel index; the shares sum to 1 (all 0 for an empty population).
    public var shares: [Double]

    /// The mix of inquiries counted per channel index.
    public init(counts: [Int]) {
        let all = counts.reduce(0, +)
        shares = counts.map { all > 0 ? Double($0) / Double(all) : 0 }
    }

    /// The mix of the channels of some inquiries, over `channelCount` channels.
    public init(channels: some Sequence<Int>, channelCount: Int) {
        var counts = [Int](repeating: 0, count: channelCount)
        for channel in channels where counts.indices.contains(channel) { counts[channel] += 1 }
        self.init(counts: counts)
    }
}

/// A mean standardised to a channel mix.
public struct StandardisedMean: Sendable, Equatable {
    /// Σ w_c · mean_c; nil when the group has no inquiries on any channel of the mix.
    public var value: Double?
    /// Channels of the mix (share above 0) the group has no inquiries on: its weights were renormalised
    /// over the channels it has, so the figure stands for a mix without them.
    public var missingChannels: [Int]

    public init(value: Double?, missingChannels: [Int]) {
        self.value = value
        self.missingChannels = missingChannels
    }
}

/// Direct standardisation of a group's mean to a standard channel mix, so that two groups are compared as
/// if their inquiries had been spread over the channels alike (phone scores higher than messenger, and
/// mixes differ by participant).
public enum ChannelStandardisation {
    /// adjusted = Σ_c w_c · m_c / Σ_c w_c over the channels c the group has, where w_c is the mix's share
    /// of channel c and m_c the group's mean on c. With every channel of the mix present, Σ w_c = 1 and this
    /// is the plain direct standardisation; channels with no share in the mix do not count.
    public static func standardise(
        _ values: some Sequence<(channel: Int, value: Double)>, to mix: ChannelMix
    ) -> StandardisedMean {
        var sums = [Double](repeating: 0, count: mix.shares.count)
        var counts = [Int](repeating: 0, count: mix.shares.count)
        for (channel, value) in values where mix.shares.indices.contains(channel) {
            sums[channel] += value
            counts[channel] += 1
        }
        var weighted = 0.0
        var weights = 0.0
        var missing: [Int] = []
        for channel in mix.shares.indices where mix.shares[channel] > 0 {
            guard counts[channel] > 0 else {
                missing.append(channel)
                continue
            }
            weighted += mix.shares[channel] * sums[channel] / Double(counts[channel])
            weights += mix.shares[channel]
        }
        return StandardisedMean(value: weights > 0 ? weighted / weights : nil, missingChannels: missing)
    }
}
