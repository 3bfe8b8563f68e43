import Testing

@testable import KSPCore

@Suite("Distribution functions against published values")
struct DistributionTests {
    @Test func normal() {
        // Φ(1.959964) = 0.975 and Φ(1.644854) = 0.95: the standard normal table (Abramowitz & Stegun, Table 26.1).
        #expect(abs(Distributions.normalCDF(1.959963984540054) - 0.975) < 1e-12)
        #expect(abs(Distributions.normalCDF(1.6448536269514722) - 0.95) < 1e-12)
        #expect(abs(Distributions.normalCDF(0) - 0.5) < 1e-15)
        #expect(abs(Distributions.normalTwoSidedP(2.5758293035489) - 0.01) < 1e-12)
    }

    @Test func studentT() {
        // Critical values from the t table (e.g. NIST/SEMATECH e-Handbook of Statistical Methods, §1.3.6.7.2):
        // t(0.975; 10) = 2.228, t(0.975; 24) = 2.064, t(0.995; 20) = 2.845.
        #expect(abs(Distributions.studentTTwoSidedP(2.228138851986, df: 10) - 0.05) < 1e-9)
        // scipy.stats.t.ppf(0.975, 24)
        #expect(abs(Distributions.studentTQuantile(0.975, df: 24) - 2.0638985616280245) < 1e-8)
        #expect(abs(Distributions.studentTTwoSidedP(2.845339709785, df: 20) - 0.01) < 1e-9)
        // t(5) CDF at 1: 0.8183912661754386 (scipy.stats.t.cdf(1, 5)).
        #expect(abs(Distributions.studentTCDF(1, df: 5) - 0.8183912661754386) < 1e-12)
        // A large df tends to the normal.
        #expect(abs(Distributions.studentTTwoSidedP(1.959963984540054, df: 1e7) - 0.05) < 1e-6)
    }

    @Test func incompleteBeta() {
        // I_0.5(2, 3) = 11/16 exactly (binomial sum); I_0.3(2.5, 4) = 0.3521975859067672 (scipy.stats.beta.cdf(0.3, 2.5, 4)).
        #expect(abs(Distributions.regularizedIncompleteBeta(2, 3, 0.5) - 0.6875) < 1e-14)
        #expect(abs(Distributions.regularizedIncompleteBeta(2.5, 4, 0.3) - 0.3521975859067672) < 1e-12)
        #expect(Distributions.regularizedIncompleteBeta(2, 3, 0) == 0)
        #expect(Distributions.regularizedIncompleteBeta(2, 3, 1) == 1)
    }

    @Test func welchAgainstAnIndependentComputation() {
        // scipy.stats.ttest_ind([100, 31.25, 82, 86], [0, 0, 59.8333…], equal_var=False).pvalue = 0.0921660343535726
        let a = [100, 31.25, 82, 86]
        let b = [0, 0, (500 + 20 * 260.0 / 3 + 1250 + 2500) / 100]
        func meanVar(_ x: [Double]) -> (Double, Double) {
            let m = x.reduce(0, +) / Double(x.count)
            return (m, x.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(x.count - 1))
        }
        let (ma, va) = meanVar(a)
        let (mb, vb) = meanVar(b)
        let t = SignificanceTest.welch(meanA: ma, varA: va, nA: 4, meanB: mb, varB: vb, nB: 3)!
        #expect(abs(t.p - 0.0921660343535726) < 1e-9)
    }

    @Test func twoProportion() {
        // 0/4 against 2/3, pooled p = 2/7: z = −1.9321835661585915, p = 0.053336852829139844 (computed with scipy).
        let t = SignificanceTest.twoProportion(hitsA: 0, nA: 4, hitsB: 2, nB: 3)!
        #expect(abs(t.statistic - -1.9321835661585915) < 1e-12)
        #expect(abs(t.p - 0.053336852829139844) < 1e-12)
    }

    @Test func npsVarianceByHand() {
        // 10 answers: 5 promoters, 3 passives, 2 detractors → p = 0.5, d = 0.2, NPS = 30.
        // Var = 100² · (0.5·0.5 + 0.2·0.8 + 2·0.5·0.2) / 10 = 10000 · 0.61 / 10 = 610.
        #expect(abs(SignificanceTest.npsVariance(p: 0.5, d: 0.2, n: 10) - 610) < 1e-9)
        // Against 10 answers with 2 promoters and 5 detractors (NPS −30, Var = 10000·(0.16+0.25+0.2)/10 = 610):
        // z = 60 / √1220 = 1.7178, p = 0.0858.
        let t = SignificanceTest.npsZ(promotersA: 5, detractorsA: 2, nA: 10, promotersB: 2, detractorsB: 5, nB: 10)!
        #expect(abs(t.statistic - 60 / 1220.0.squareRoot()) < 1e-12)
        #expect(abs(t.p - Distributions.normalTwoSidedP(60 / 1220.0.squareRoot())) < 1e-15)
        #expect(abs(t.p - 0.0858) < 5e-4)
        // At these bases ksp uses the exact test: of the C(20, 10) = 184 756 ways to deal the 20 pooled
        // answers into two groups of 10, 35 404 give an NPS difference of 60 or more (counted one by one in
        // Python, itertools.combinations): p = 0.19163, where the z-test says 0.0858.
        let exact = SignificanceTest.nps(
            promotersA: 5, detractorsA: 2, nA: 10, promotersB: 2, detractorsB: 5, nB: 10)
        #expect(exact?.kind == .npsExact)
        #expect(abs((exact?.p ?? 0) - 35404.0 / 184756.0) < 1e-12)
    }
}
