import KSPCore
import Testing

@Suite("Channel standardisation")
struct ChannelStandardisationTests {
    @Test func theMixIsEachChannelsShare() {
        let mix = ChannelMix(channels: [0, 0, 0, 1], channelCount: 3)
        #expect(mix.shares == [0.75, 0.25, 0])
        #expect(ChannelMix(counts: [0, 0]).shares == [0, 0])
    }

    /// A: phone 80, 80, 80 and chat 40 (raw mean 70); standard mix phone 1/4, chat 3/4:
    /// 0.25 · 80 + 0.75 · 40 = 50, by hand.
    @Test func aHandComputedStandardisation() {
        let mix = ChannelMix(counts: [1, 3])
        let adjusted = ChannelStandardisation.standardise(
            [(channel: 0, value: 80), (0, 80), (0, 80), (1, 40)], to: mix)
        #expect(adjusted == StandardisedMean(value: 50, missingChannels: []))
    }

    @Test func aMissingChannelRenormalisesOverTheOthers() {
        // Mix phone 0.5, chat 0.25, e-mail 0.25; the group has phone 90 and e-mail 60 only:
        // (0.5 · 90 + 0.25 · 60) / 0.75 = 80.
        let mix = ChannelMix(counts: [2, 1, 1])
        let adjusted = ChannelStandardisation.standardise([(channel: 0, value: 90), (2, 60)], to: mix)
        #expect(adjusted.value == 80)
        #expect(adjusted.missingChannels == [1])
        // No channel of the mix at all: no figure.
        #expect(
            ChannelStandardisation.standardise([(channel: 1, value: 50)], to: ChannelMix(counts: [1, 0])).value == nil)
    }
}
