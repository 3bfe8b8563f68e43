import KSPCore
import Testing

@Suite("Shopper leniency")
struct ShopperLeniencyTests {
    /// Participant 0: shopper 0 gives 80 and 70, shopper 1 60, shopper 2 50.
    /// Participant 1: shopper 0 gives 90, shopper 1 70, shopper 2 80 and 60.
    static let inquiries = [
        (0, 0, 80.0), (0, 0, 70), (0, 1, 60), (0, 2, 50), (1, 0, 90), (1, 1, 70), (1, 2, 80), (1, 2, 60),
    ].map { ShopperInquiry(participant: $0.0, shopper: $0.1, total: $0.2) }

    @Test func leniencyAgainstTheOtherShoppersAtTheSameParticipant() throws {
        let analysis = ShopperLeniency.analyse(Self.inquiries)
        let first = try #require(analysis.effects.first { $0.shopper == 0 })
        // Participant 0 without shopper 0: (60 + 50) / 2 = 55, so 80 − 55 = 25 and 70 − 55 = 15;
        // participant 1 without shopper 0: (70 + 80 + 60) / 3 = 70, so 90 − 70 = 20. Mean 20.
        #expect(first.inquiries == 3)
        #expect(first.meanTotal == 80)
        #expect(first.leniency == 20)
        #expect(first.comparedInquiries == 3)
        // sd of 25, 15, 20 is 5; se 5/√3; t(0.975, 2) = 4.302653; t = 20 / (5/√3) = √48.
        let half = 4.302653 * 5 / 3.0.squareRoot()
        #expect(abs((first.low ?? 0) - (20 - half)) < 1e-5)
        #expect(abs((first.high ?? 0) - (20 + half)) < 1e-5)
        // With 2 degrees of freedom P(|T| > t) = 1 − t / √(2 + t²) = 1 − √48 / √50.
        #expect(abs((first.p ?? 0) - (1 - (48.0 / 50).squareRoot())) < 1e-9)
        // Shopper 1's differences are −20/3 at both participants: no variation, no test; 0 and 2 are tested.
        #expect(analysis.effects.first { $0.shopper == 1 }?.p == nil)
        #expect(analysis.testedShoppers == 2)
    }

    /// Holm (1979): the k-th smallest of m p-values times (m − k + 1), kept monotone. By hand:
    /// 0.005 × 4 = 0.02, 0.01 × 3 = 0.03, 0.03 × 2 = 0.06, 0.04 × 1 = 0.04 → 0.06 (monotone).
    @Test func holmAdjustedPValues() {
        let adjusted = PValueAdjustment.holm.adjusted([0.01, 0.04, 0.03, 0.005])
        let expected = [0.03, 0.06, 0.06, 0.02]
        #expect(zip(adjusted, expected).allSatisfy { abs(($0 ?? .nan) - $1) < 1e-12 })
        #expect(PValueAdjustment.holm.adjusted([0.5, 0.9]) == [1, 1])
    }

    /// One participant; shopper 0 gives 60 and 80, shopper 1 40 and 60. Residuals after the participant
    /// mean 60: 0, 20 and −20, 0. MSB = (2 · 10² + 2 · 10²) / 1 = 400, MSW = 4 · 10² / 2 = 200,
    /// n₀ = (4 − 8/4) / 1 = 2, σ²_shopper = (400 − 200) / 2 = 100; Var(totals) = 800 / 3: share 0.375.
    @Test func shareOfVarianceDueToShoppers() throws {
        let inquiries = [(0, 60.0), (0, 80), (1, 40), (1, 60)].map {
            ShopperInquiry(participant: 0, shopper: $0.0, total: $0.1)
        }
        let share = try #require(ShopperLeniency.analyse(inquiries).shopperVarianceShare)
        #expect(abs(share - 0.375) < 1e-12)
        // One shopper: no share.
        #expect(ShopperLeniency.analyse(Array(inquiries.prefix(2))).shopperVarianceShare == nil)
    }

    @Test func aShopperAloneAtTheirParticipantsHasNoLeniency() throws {
        let inquiries = [(0, 0, 50.0), (1, 1, 70), (1, 2, 90)].map {
            ShopperInquiry(participant: $0.0, shopper: $0.1, total: $0.2)
        }
        let alone = try #require(ShopperLeniency.analyse(inquiries).effects.first { $0.shopper == 0 })
        #expect(alone.leniency == nil)
        #expect(alone.p == nil)
        // One compared inquiry: a leniency but no interval and no test.
        let single = try #require(ShopperLeniency.analyse(inquiries).effects.first { $0.shopper == 1 })
        #expect(single.leniency == -20)
        #expect(single.low == nil && single.p == nil)
    }
}
