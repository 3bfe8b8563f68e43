import Foundation

/// NPS difference of two groups tested exactly: with the groups' promoters, passives and detractors
/// pooled, every way of dealing the smaller group's answers out of the pool is weighed by its
/// (multivariate hypergeometric) probability, and p is the chance of an NPS difference at least as
/// large as the one seen. A permutation test enumerated instead of sampled: it holds its level at
/// any base (the z-test does not: about 10 % at nominal 5 % for 10 answers against 100), and it needs
/// no seed.
public enum NPSExactTest {
    /// The smaller group's base up to which the exact test is used; above it the z-test is close.
    public static let largestExactBase = 100

    /// Two-sided p; nil when a group has no answers or every answer is of one kind (no variation).
    public static func p(
        promotersA: Int, detractorsA: Int, nA: Int, promotersB: Int, detractorsB: Int, nB: Int
    ) -> Double? {
        guard nA > 0, nB > 0 else { return nil }
        let promoters = promotersA + promotersB
        let detractors = detractorsA + detractorsB
        let passives = nA + nB - promoters - detractors
        let kinds = [promoters, detractors, passives].filter { $0 > 0 }.count
        guard kinds > 1 else { return nil }
        // Deal the smaller group; the difference is the same function of its counts either way.
        let dealtIsA = nA <= nB
        let dealt = dealtIsA ? nA : nB
        let other = dealtIsA ? nB : nA
        func difference(_ dealtPromoters: Int, _ dealtDetractors: Int) -> Double {
            let dealtScore = Double(dealtPromoters - dealtDetractors) / Double(dealt)
            let otherScore = Double(promoters - dealtPromoters - detractors + dealtDetractors) / Double(other)
            return abs(dealtScore - otherScore)
        }
        let seen =
            dealtIsA ? difference(promotersA, detractorsA) : difference(promotersB, detractorsB)
        // A difference equal to the one seen, up to rounding, counts as at least as large.
        let threshold = seen - 1e-9
        let logTotal = logChoose(nA + nB, dealt)
        var p = 0.0
        for dealtPromoters in 0...min(dealt, promoters) {
            let restAfterPromoters = dealt - dealtPromoters
            let lowestDetractors = max(0, restAfterPromoters - passives)
            guard lowestDetractors <= min(restAfterPromoters, detractors) else { continue }
            for dealtDetractors in lowestDetractors...min(restAfterPromoters, detractors)
            where difference(dealtPromoters, dealtDetractors) >= threshold {
                let dealtPassives = restAfterPromoters - dealtDetractors
                p += exp(
                    logChoose(promoters, dealtPromoters) + logChoose(detractors, dealtDetractors)
                        + logChoose(passives, dealtPassives) - logTotal)
            }
        }
        return min(1, p)
    }

    static func logChoose(_ n: Int, _ k: Int) -> Double {
        lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))
    }
}
