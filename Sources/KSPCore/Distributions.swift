import Foundation

/// Distribution functions for the significance tests.
public enum Distributions {
    /// Standard normal CDF Φ(x), through erfc for accuracy in the tails.
    public static func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

    /// Two-sided p-value of a z statistic.
    public static func normalTwoSidedP(_ z: Double) -> Double { erfc(abs(z) / 2.0.squareRoot()) }

    /// Student's t CDF with `df` degrees of freedom (df may be fractional, as in Welch's test).
    public static func studentTCDF(_ t: Double, df: Double) -> Double {
        let x = df / (df + t * t)
        let tail = 0.5 * regularizedIncompleteBeta(df / 2, 0.5, x)
        return t >= 0 ? 1 - tail : tail
    }

    /// Two-sided p-value of a t statistic.
    public static func studentTTwoSidedP(_ t: Double, df: Double) -> Double {
        guard t.isFinite else { return 0 }
        return regularizedIncompleteBeta(df / 2, 0.5, df / (df + t * t))
    }

    /// The t value with `P(T ≤ t) = p` (bisection on the CDF; exact enough for intervals).
    public static func studentTQuantile(_ p: Double, df: Double) -> Double {
        var low = -1000.0
        var high = 1000.0
        for _ in 0..<200 {
            let mid = (low + high) / 2
            if studentTCDF(mid, df: df) < p { low = mid } else { high = mid }
        }
        return (low + high) / 2
    }

    /// The regularized incomplete beta function I_x(a, b), by the continued fraction
    /// (modified Lentz's method, as in Numerical Recipes §6.4).
    /// The short names (a, b, x, c, d, h, aa) are the formula's own notation there.
    public static func regularizedIncompleteBeta(_ a: Double, _ b: Double, _ x: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let lnBeta: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
        let lnFront: Double = lnBeta + a * log(x) + b * log(1 - x)
        let front = exp(lnFront)
        if x < (a + 1) / (a + b + 2) { return front * betaContinuedFraction(a, b, x) / a }
        return 1 - front * betaContinuedFraction(b, a, 1 - x) / b
    }

    static func betaContinuedFraction(_ a: Double, _ b: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        let eps = 1e-15
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...500 {
            let m2 = Double(2 * m)
            let md = Double(m)
            var aa = md * (b - md) * x / ((a + m2 - 1) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + md) * (a + b + md) * x / ((a + m2) * (a + m2 + 1))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < eps { break }
        }
        return h
    }
}

/// The test behind a comparison of two groups, and its result.
public struct SignificanceTest: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case welch = "Welch's t-test"
        case student = "Student's t-test (pooled variance)"
        case twoProportion = "two-proportion z-test"
        case npsZ = "NPS z-test"
        case npsExact = "exact NPS test"
    }
    public var kind: Kind
    public var statistic: Double
    public var p: Double

    /// Welch's t-test from means, sample variances and sizes.
    public static func welch(meanA: Double, varA: Double, nA: Int, meanB: Double, varB: Double, nB: Int)
        -> SignificanceTest?
    {
        guard nA >= 2, nB >= 2 else { return nil }
        let varianceOfMeanA = varA / Double(nA)
        let varianceOfMeanB = varB / Double(nB)
        let standardError = (varianceOfMeanA + varianceOfMeanB).squareRoot()
        // No variation in either group: nothing to test against (a p of 0 would be a false certainty).
        guard standardError > 0 else { return nil }
        let t = (meanA - meanB) / standardError
        let df =
            (varianceOfMeanA + varianceOfMeanB) * (varianceOfMeanA + varianceOfMeanB)
            / (varianceOfMeanA * varianceOfMeanA / Double(nA - 1) + varianceOfMeanB * varianceOfMeanB / Double(nB - 1))
        return SignificanceTest(kind: .welch, statistic: t, p: Distributions.studentTTwoSidedP(t, df: df))
    }

    /// Student's t-test with the pooled variance. For a part against the rest of its table: the part's own
    /// variance moves with its mean on skewed scores (a group without a zero total has a high mean and a
    /// small spread), which makes Welch's t far too often "above" at the small levels Holm asks of it.
    public static func student(meanA: Double, varA: Double, nA: Int, meanB: Double, varB: Double, nB: Int)
        -> SignificanceTest?
    {
        guard nA >= 2, nB >= 2 else { return nil }
        let df = Double(nA + nB - 2)
        let pooled = (Double(nA - 1) * varA + Double(nB - 1) * varB) / df
        let standardError = (pooled * (1 / Double(nA) + 1 / Double(nB))).squareRoot()
        guard standardError > 0 else { return nil }
        let t = (meanA - meanB) / standardError
        return SignificanceTest(kind: .student, statistic: t, p: Distributions.studentTTwoSidedP(t, df: df))
    }

    /// Two-proportion z-test with the pooled proportion.
    public static func twoProportion(hitsA: Int, nA: Int, hitsB: Int, nB: Int) -> SignificanceTest? {
        guard nA > 0, nB > 0 else { return nil }
        let shareA = Double(hitsA) / Double(nA)
        let shareB = Double(hitsB) / Double(nB)
        let pooled = Double(hitsA + hitsB) / Double(nA + nB)
        let standardError = (pooled * (1 - pooled) * (1 / Double(nA) + 1 / Double(nB))).squareRoot()
        guard standardError > 0 else { return nil }
        let z = (shareA - shareB) / standardError
        return SignificanceTest(kind: .twoProportion, statistic: z, p: Distributions.normalTwoSidedP(z))
    }

    /// NPS difference: exact (`NPSExactTest`) while the smaller group has at most
    /// `NPSExactTest.largestExactBase` answers, else z = (NPS_a − NPS_b) / √(Var_a + Var_b),
    /// Var = 100²(p(1−p) + d(1−d) + 2pd) / n. nil without answers or without variation.
    public static func nps(promotersA: Int, detractorsA: Int, nA: Int, promotersB: Int, detractorsB: Int, nB: Int)
        -> SignificanceTest?
    {
        guard nA > 0, nB > 0 else { return nil }
        if min(nA, nB) <= NPSExactTest.largestExactBase {
            let exact = NPSExactTest.p(
                promotersA: promotersA, detractorsA: detractorsA, nA: nA,
                promotersB: promotersB, detractorsB: detractorsB, nB: nB)
            let npsDifference =
                100 * (Double(promotersA - detractorsA) / Double(nA) - Double(promotersB - detractorsB) / Double(nB))
            return exact.map { SignificanceTest(kind: .npsExact, statistic: npsDifference, p: $0) }
        }
        return npsZ(
            promotersA: promotersA, detractorsA: detractorsA, nA: nA,
            promotersB: promotersB, detractorsB: detractorsB, nB: nB)
    }

    /// The NPS z-test: z = (NPS_a − NPS_b) / √(Var_a + Var_b); nil without answers or variation.
    public static func npsZ(promotersA: Int, detractorsA: Int, nA: Int, promotersB: Int, detractorsB: Int, nB: Int)
        -> SignificanceTest?
    {
        guard nA > 0, nB > 0 else { return nil }
        func parts(_ promoters: Int, _ detractors: Int, _ count: Int) -> (Double, Double) {
            let p = Double(promoters) / Double(count)
            let d = Double(detractors) / Double(count)
            return ((p - d) * 100, npsVariance(p: p, d: d, n: count))
        }
        let (npsA, varianceA) = parts(promotersA, detractorsA, nA)
        let (npsB, varianceB) = parts(promotersB, detractorsB, nB)
        let standardError = (varianceA + varianceB).squareRoot()
        guard standardError > 0 else { return nil }
        let z = (npsA - npsB) / standardError
        return SignificanceTest(kind: .npsZ, statistic: z, p: Distributions.normalTwoSidedP(z))
    }

    /// Var(NPS) = 100² · (p(1−p) + d(1−d) + 2pd) / n.
    public static func npsVariance(p: Double, d: Double, n: Int) -> Double {
        10_000 * (p * (1 - p) + d * (1 - d) + 2 * p * d) / Double(n)
    }
}
