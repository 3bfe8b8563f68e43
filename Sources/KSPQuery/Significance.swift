import KSPCore

/// Significance markers in group tables and crosstabs, and confidence intervals.
///
/// Policy (stated in `.help compare`): each cell is tested against the rest of its row (in a
/// crosstab) or the rest of the table (in a group table) with the metric's own test, at 95 %,
/// with Holm's correction over every cell tested in the table (`TableMarkers`), so the chance of
/// any false marker in the table stays at or below 5 %.
enum Significance {
    static let alpha = 0.05

    /// Each part's test against the rest of the whole; nil for a part without a value (nothing to mark).
    static func partTests(
        _ parts: [FigureAccumulator], whole: FigureAccumulator, metric: Metric,
        evaluator: Evaluator
    ) -> [TableMarkers.PartTest?] {
        guard parts.count >= 2, isTestable(metric) else { return parts.map { _ in nil } }
        let minBase = max(2, evaluator.options.minBase)
        return parts.map { part -> TableMarkers.PartTest? in
            let rest = whole.removing(part)
            guard let a = part.figure.value, let b = rest.figure.value else { return nil }
            // No star below .minbase answers, on either side of the test.
            guard part.figure.base >= minBase, rest.figure.base >= minBase else {
                return .untested(.smallBase(minBase: minBase))
            }
            guard let test = evaluator.significance(metric, part, rest, pooled: true) else {
                return .untested(.noVariation)
            }
            return .tested(p: test.p, isAbove: a > b)
        }
    }

    static func isTestable(_ m: Metric) -> Bool {
        switch m.kind {
        case .score, .rawMean, .nps, .share: return true
        case .count, .seconds: return false
        }
    }

    /// 95 % interval: t-distribution for means, normal for NPS, clipped to the metric's range (a score's
    /// 0–100, NPS's −100–100, a scale's ends) so no interval claims a value the scale cannot hold; nil when
    /// it cannot be computed.
    static func interval(
        _ f: Figure, _ m: Metric, range: ClosedRange<Double>?, quantiles: inout [Int: Double]
    ) -> FigureInterval? {
        guard let v = f.value, let variance = f.variance, f.base >= 2 else { return nil }
        switch m.kind {
        case .score, .rawMean:
            let df = f.base - 1
            let t: Double
            if let q = quantiles[df] {
                t = q
            } else {
                t = Distributions.studentTQuantile(0.975, df: Double(df))
                quantiles[df] = t
            }
            let half = t * (variance / Double(f.base)).squareRoot()
            return clipped(FigureInterval(low: v - half, high: v + half), to: range)
        case .nps:
            let half = normalQuantile975 * (variance / Double(f.base)).squareRoot()
            return clipped(FigureInterval(low: v - half, high: v + half), to: range)
        default: return nil
        }
    }

    static func clipped(_ interval: FigureInterval, to range: ClosedRange<Double>?) -> FigureInterval {
        guard let range else { return interval }
        return FigureInterval(
            low: min(max(interval.low, range.lowerBound), range.upperBound),
            high: max(min(interval.high, range.upperBound), range.lowerBound))
    }

    static func hasInterval(_ m: Metric) -> Bool {
        switch m.kind {
        case .score, .rawMean, .nps: return true
        default: return false
        }
    }
}

extension Significance {
    /// The 95 % interval of a − b: Welch's t for means, normal for NPS and for shares (unpooled), clipped to
    /// what a difference of the metric can be (± the width of its range); nil when it cannot be computed.
    static func differenceInterval(
        _ a: Figure, _ b: Figure, _ metric: Metric, range: ClosedRange<Double>?
    ) -> FigureInterval? {
        guard let valueA = a.value, let valueB = b.value, a.base >= 2, b.base >= 2 else { return nil }
        let varianceOfMeanA: Double
        let varianceOfMeanB: Double
        switch metric.kind {
        case .score, .rawMean, .nps:
            guard let varianceA = a.variance, let varianceB = b.variance else { return nil }
            varianceOfMeanA = varianceA / Double(a.base)
            varianceOfMeanB = varianceB / Double(b.base)
        case .share:
            // A share in per cent: Var = p(1 − p) · 100² per answer.
            varianceOfMeanA = valueA * (100 - valueA) / Double(a.base)
            varianceOfMeanB = valueB * (100 - valueB) / Double(b.base)
        case .count, .seconds:
            return nil
        }
        let standardError = (varianceOfMeanA + varianceOfMeanB).squareRoot()
        let quantile: Double
        if metric.kind == .score || metric.kind == .rawMean {
            guard standardError > 0 else { return nil }
            // Welch–Satterthwaite degrees of freedom, as the test uses them (so the interval leaves out 0
            // exactly when the unadjusted p is below 0.05).
            let df =
                (varianceOfMeanA + varianceOfMeanB) * (varianceOfMeanA + varianceOfMeanB)
                / (varianceOfMeanA * varianceOfMeanA / Double(a.base - 1) + varianceOfMeanB * varianceOfMeanB
                    / Double(b.base - 1))
            quantile = Distributions.studentTQuantile(0.975, df: df)
        } else {
            quantile = normalQuantile975
        }
        let diff = valueA - valueB
        let half = quantile * standardError
        let widest = range.map { $0.upperBound - $0.lowerBound } ?? .infinity
        return FigureInterval(low: max(-widest, diff - half), high: min(widest, diff + half))
    }

    /// The two-sided 95 % quantile of the normal distribution.
    static let normalQuantile975 = 1.959963984540054
}
