import KSPCore
import Testing

/// Holm and Benjamini–Hochberg on published worked examples, and the exact NPS test's level.
@Suite("Multiplicity and small-base tests")
struct PValueAdjustmentTests {
    /// Benjamini & Hochberg (1995), J. R. Statist. Soc. B 57(1), section 4.1: the 15 p-values of a
    /// myocardial-infarction study. At 0.05 their procedure rejects the four smallest; Bonferroni-type
    /// procedures (Holm among them) reject three.
    static let benjaminiHochberg15 = [
        0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262, 0.5719, 0.6528,
        0.7590, 1.0000,
    ]

    @Test func benjaminiHochbergRejectsFourOfThePublishedFifteen() throws {
        let adjusted = PValueAdjustment.bh.adjusted(Self.benjaminiHochberg15).compactMap { $0 }
        #expect(adjusted.filter { $0 < 0.05 }.count == 4)
        // By hand: the 4th smallest, 0.0095 · 15 / 4 = 0.035625 (no later p·m/k is smaller);
        // the 5th, min over k ≥ 5 of p·15/k = 0.0201 · 3 = 0.0603 against 0.0278 · 2.5 = 0.0695 … → 0.0603.
        #expect(abs(adjusted[3] - 0.035625) < 1e-12)
        #expect(abs(adjusted[4] - 0.0603) < 1e-12)
        // The smallest: min(0.0001 · 15, 0.0004 · 7.5, …) = 0.0015.
        #expect(abs(adjusted[0] - 0.0015) < 1e-12)
        #expect(adjusted[14] == 1)
    }

    @Test func holmRejectsThreeOfThePublishedFifteen() throws {
        let adjusted = PValueAdjustment.holm.adjusted(Self.benjaminiHochberg15).compactMap { $0 }
        #expect(adjusted.filter { $0 < 0.05 }.count == 3)
        // By hand: 15 · 0.0001 = 0.0015; 14 · 0.0004 = 0.0056; 13 · 0.0019 = 0.0247; 12 · 0.0095 = 0.114.
        let byHand = [0.0015, 0.0056, 0.0247, 0.114]
        for (value, expected) in zip(adjusted, byHand) { #expect(abs(value - expected) < 1e-12) }
    }

    /// The Holm–Bonferroni example of Wikipedia ("Holm–Bonferroni method", Example): four hypotheses with
    /// p = 0.01, 0.04, 0.03, 0.005 at α = 0.05: H4 (0.005 < 0.0125) and H1 (0.01 < 0.0167) are rejected,
    /// then 0.03 > 0.025 stops the procedure.
    @Test func holmOnTheFourHypothesesExample() {
        let adjusted = PValueAdjustment.holm.adjusted([0.01, 0.04, 0.03, 0.005])
        #expect(adjusted.map { ($0 ?? 1) < 0.05 } == [true, false, false, true])
        // Adjusted by hand: 4 · 0.005 = 0.02; 3 · 0.01 = 0.03; 2 · 0.03 = 0.06; max(0.06, 1 · 0.04) = 0.06.
        let byHand = [0.03, 0.06, 0.06, 0.02]
        for (value, expected) in zip(adjusted, byHand) { #expect(abs((value ?? 0) - expected) < 1e-12) }
    }

    @Test func untestedRowsAreNeitherAdjustedNorCounted() {
        #expect(PValueAdjustment.holm.adjusted([0.02, nil, 0.04]) == [0.04, nil, 0.04])
        #expect(PValueAdjustment.none.adjusted([0.02, nil]) == [0.02, nil])
        #expect(PValueAdjustment.bh.adjusted([]) == [])
    }

    /// Under the null (both groups drawn from one NPS distribution) the exact test rejects at most 5 % at
    /// 10 answers against 100, where the z-test rejects far more often. 4 000 simulations (seed 15):
    /// a standard error of about 0.34 points at 5 %; the exact test must stay ≤ 5 % + 3 standard errors.
    @Test func exactNPSTestHoldsItsLevelAtTenAnswers() {
        var random = SplitMix64(seed: 15)
        let simulations = 4000
        var exactRejections = 0
        var zRejections = 0
        func answers(_ count: Int) -> (promoters: Int, detractors: Int) {
            var promoters = 0
            var detractors = 0
            for _ in 0..<count {
                let draw = random.uniform()
                // 45 % promoters, 25 % detractors: an NPS of 20, typical of a KSP class.
                if draw < 0.45 { promoters += 1 } else if draw < 0.70 { detractors += 1 }
            }
            return (promoters, detractors)
        }
        for _ in 0..<simulations {
            let small = answers(10)
            let large = answers(100)
            if let exact = SignificanceTest.nps(
                promotersA: small.promoters, detractorsA: small.detractors, nA: 10,
                promotersB: large.promoters, detractorsB: large.detractors, nB: 100), exact.p < 0.05
            {
                exactRejections += 1
            }
            if let z = SignificanceTest.npsZ(
                promotersA: small.promoters, detractorsA: small.detractors, nA: 10,
                promotersB: large.promoters, detractorsB: large.detractors, nB: 100), z.p < 0.05
            {
                zRejections += 1
            }
        }
        let exactRate = Double(exactRejections) / Double(simulations)
        let zRate = Double(zRejections) / Double(simulations)
        let standardError = (0.05 * 0.95 / Double(simulations)).squareRoot()
        #expect(exactRate <= 0.05 + 3 * standardError, "exact NPS test rejected \(exactRate)")
        #expect(zRate > exactRate, "the z-test (\(zRate)) should reject more often than the exact test")
    }

    @Test func noVariationIsNoTest() {
        // Answers 5, 5, 5 against 3, 3: both variances 0; a p of 0 would be a false certainty.
        #expect(SignificanceTest.welch(meanA: 5, varA: 0, nA: 3, meanB: 3, varB: 0, nB: 2) == nil)
        #expect(SignificanceTest.twoProportion(hitsA: 3, nA: 3, hitsB: 2, nB: 2) == nil)
        #expect(SignificanceTest.nps(promotersA: 3, detractorsA: 0, nA: 3, promotersB: 2, detractorsB: 0, nB: 2) == nil)
    }
}
