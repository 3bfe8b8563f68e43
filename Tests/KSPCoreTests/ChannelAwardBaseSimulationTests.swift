import KSPCore
import Testing

/// Issue 15: is 3 inquiries a meaningful base for "Best på <channel>"? A null simulation: 100 participants
/// who are all equally good on a channel (inquiry totals N(70, 20²)), each with 3–10 inquiries on it (as on
/// the sample's chat, messenger and e-mail). The award then goes to luck, and luck favours the thinnest
/// bases: the participants with the minimum base win far more often than their share. Raising the minimum to
/// 5 or 8 does not change that (only who is thinnest), so ksp keeps the season's rule (3) and says per award
/// how thin it is (its base and its resampled rank interval on the channel).
@Suite("Best på <channel>: a null simulation of the base")
struct ChannelAwardBaseSimulationTests {
    /// The share of null seasons whose channel winner has the minimum base, and the share of participants
    /// with that base.
    func simulate(minimum: Int, seasons: Int = 2000) -> (winnerThinnest: Double, thinnestShare: Double) {
        var random = SplitMix64(seed: 15)
        var thinnestWins = 0
        var thinnest = 0
        let participants = 100
        for _ in 0..<seasons {
            var best = -Double.infinity
            var bestBase = 0
            for _ in 0..<participants {
                let base = minimum + Int(random.next() % UInt64(10 - minimum + 1))
                var sum = 0.0
                for _ in 0..<base { sum += 70 + 20 * random.normal() }
                if sum / Double(base) > best {
                    best = sum / Double(base)
                    bestBase = base
                }
                if base == minimum { thinnest += 1 }
            }
            if bestBase == minimum { thinnestWins += 1 }
        }
        return (Double(thinnestWins) / Double(seasons), Double(thinnest) / Double(seasons * participants))
    }

    @Test(arguments: [3, 5, 8])
    func theThinnestBasesWinMoreThanTheirShare(minimum: Int) {
        let result = simulate(minimum: minimum)
        // Measured: minimum 3 → 41 % of awards to the 12.5 % with 3 inquiries; 5 → 37 % to 17 %; 8 → 43 % to 33 %.
        // With 2000 seasons the simulation error of the win share is about ±1 percentage point.
        #expect(result.winnerThinnest > 1.25 * result.thinnestShare)
        #expect(result.winnerThinnest > 0.3)
    }
}
