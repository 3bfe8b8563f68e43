/// One scored inquiry as the shopper analysis sees it.
public struct ShopperInquiry: Sendable, Equatable {
    public var participant: Int
    public var shopper: Int
    public var total: Double

    public init(participant: Int, shopper: Int, total: Double) {
        self.participant = participant
        self.shopper = shopper
        self.total = total
    }
}

/// How one shopper scores against the participants they shopped.
public struct ShopperEffect: Sendable, Equatable {
    public var shopper: Int
    public var inquiries: Int
    public var meanTotal: Double
    /// Mean of (inquiry total − the participant's mean total without this shopper's inquiries); nil when
    /// no inquiry has another shopper's inquiries at the same participant to compare with.
    public var leniency: Double?
    /// The inquiries leniency rests on (those at a participant others shopped too).
    public var comparedInquiries: Int
    /// 95 % t-interval of the leniency (at least 2 compared inquiries).
    public var low: Double?
    public var high: Double?
    /// Two-sided one-sample t-test of leniency = 0, and Holm's adjustment over all shoppers tested.
    public var p: Double?
    public var adjustedP: Double?
}

/// Shopper effects for fieldwork quality control, and the share of variance due to shoppers.
public struct ShopperLeniencyAnalysis: Sendable, Equatable {
    public var effects: [ShopperEffect]
    /// σ²_shopper / Var(inquiry totals); nil with fewer than 2 shoppers or no inquiry beyond one per shopper.
    public var shopperVarianceShare: Double?
    /// The shoppers tested (the m of Holm's correction).
    public var testedShoppers: Int
}

public enum ShopperLeniency {
    /// Per shopper: inquiries, mean total and leniency with its interval and Holm-adjusted p; and the share of
    /// the variance of inquiry totals due to shoppers beyond participants: a one-way random-effects ANOVA by
    /// shopper on the residuals e = total − participant mean, σ²_shopper = max(0, (MSB − MSW) / n₀) with
    /// n₀ = (N − Σ n_s² / N) / (k − 1), over the sample variance of the totals.
    public static func analyse(_ inquiries: [ShopperInquiry]) -> ShopperLeniencyAnalysis {
        var participantSum: [Int: Double] = [:]
        var participantCount: [Int: Int] = [:]
        var pairSum: [Pair: Double] = [:]
        var pairCount: [Pair: Int] = [:]
        for inquiry in inquiries {
            let pair = Pair(participant: inquiry.participant, shopper: inquiry.shopper)
            participantSum[inquiry.participant, default: 0] += inquiry.total
            participantCount[inquiry.participant, default: 0] += 1
            pairSum[pair, default: 0] += inquiry.total
            pairCount[pair, default: 0] += 1
        }
        var differences: [Int: [Double]] = [:]
        var totals: [Int: [Double]] = [:]
        for inquiry in inquiries {
            let pair = Pair(participant: inquiry.participant, shopper: inquiry.shopper)
            totals[inquiry.shopper, default: []].append(inquiry.total)
            let others = participantCount[inquiry.participant, default: 0] - pairCount[pair, default: 0]
            guard others > 0 else { continue }
            let othersMean =
                (participantSum[inquiry.participant, default: 0] - pairSum[pair, default: 0]) / Double(others)
            differences[inquiry.shopper, default: []].append(inquiry.total - othersMean)
        }
        var effects = totals.keys.sorted().map { shopper in
            effect(shopper, totals: totals[shopper] ?? [], differences: differences[shopper] ?? [])
        }
        let adjusted = PValueAdjustment.holm.adjusted(effects.map(\.p))
        for index in effects.indices { effects[index].adjustedP = adjusted[index] }
        let residuals = inquiries.map { inquiry in
            (
                shopper: inquiry.shopper,
                value: inquiry.total - participantSum[inquiry.participant, default: 0]
                    / Double(participantCount[inquiry.participant, default: 1])
            )
        }
        return ShopperLeniencyAnalysis(
            effects: effects, shopperVarianceShare: varianceShare(residuals, totals: inquiries.map(\.total)),
            testedShoppers: effects.filter { $0.p != nil }.count)
    }

    struct Pair: Hashable {
        var participant: Int
        var shopper: Int
    }

    static func effect(_ shopper: Int, totals: [Double], differences: [Double]) -> ShopperEffect {
        var effect = ShopperEffect(
            shopper: shopper, inquiries: totals.count, meanTotal: mean(totals), leniency: nil,
            comparedInquiries: differences.count)
        guard !differences.isEmpty else { return effect }
        let leniency = mean(differences)
        effect.leniency = leniency
        let m = differences.count
        guard m >= 2 else { return effect }
        let variance = differences.reduce(0) { $0 + ($1 - leniency) * ($1 - leniency) } / Double(m - 1)
        let standardError = (variance / Double(m)).squareRoot()
        let quantile = Distributions.studentTQuantile(0.975, df: Double(m - 1))
        effect.low = leniency - quantile * standardError
        effect.high = leniency + quantile * standardError
        // No variation among the differences: no test (a zero standard error is not a certainty).
        if standardError > 0 {
            effect.p = Distributions.studentTTwoSidedP(leniency / standardError, df: Double(m - 1))
        }
        return effect
    }

    static func varianceShare(_ residuals: [(shopper: Int, value: Double)], totals: [Double]) -> Double? {
        var sums: [Int: Double] = [:]
        var counts: [Int: Int] = [:]
        for residual in residuals {
            sums[residual.shopper, default: 0] += residual.value
            counts[residual.shopper, default: 0] += 1
        }
        let n = residuals.count
        let k = counts.count
        guard k >= 2, n > k else { return nil }
        let grand = residuals.reduce(0) { $0 + $1.value } / Double(n)
        var between = 0.0
        for (shopper, count) in counts {
            let groupMean = sums[shopper, default: 0] / Double(count)
            between += Double(count) * (groupMean - grand) * (groupMean - grand)
        }
        var within = 0.0
        for residual in residuals {
            let groupMean = sums[residual.shopper, default: 0] / Double(counts[residual.shopper, default: 1])
            within += (residual.value - groupMean) * (residual.value - groupMean)
        }
        let meanSquareBetween = between / Double(k - 1)
        let meanSquareWithin = within / Double(n - k)
        let sizeSquares = counts.values.reduce(0.0) { $0 + Double($1) * Double($1) }
        let typicalSize = (Double(n) - sizeSquares / Double(n)) / Double(k - 1)
        let shopperVariance = max(0, (meanSquareBetween - meanSquareWithin) / typicalSize)
        let totalMean = mean(totals)
        let totalVariance = totals.reduce(0) { $0 + ($1 - totalMean) * ($1 - totalMean) } / Double(totals.count - 1)
        guard totalVariance > 0 else { return nil }
        return shopperVariance / totalVariance
    }

    static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }
}
