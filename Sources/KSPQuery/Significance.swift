import KSPCore

/// Significance markers in group tables and crosstabs, and confidence intervals.
///
/// Policy (stated in `.help compare`): each cell is tested against the rest of its row (in a
/// crosstab) or the rest of the table (in a group table) with the metric's own test, at 95 %,
/// with Holm's correction over the cells compared together, so the chance of any false marker
/// among them stays below 5 %.
enum Significance {
    static let alpha = 0.05

    /// For each part, whether it differs significantly from the rest of the whole, and which way.
    static func markers(
        _ parts: [FigureAccumulator], whole: FigureAccumulator, metric: Metric,
        evaluator: Evaluator
    ) -> [SignificantDifference?] {
        guard parts.count >= 2, isTestable(metric) else { return parts.map { _ in nil } }
        var tests: [(index: Int, p: Double, up: Bool)] = []
        for (k, part) in parts.enumerated() {
            let rest = whole.removing(part)
            guard let a = part.figure.value, let b = rest.figure.value,
                part.figure.base >= evaluator.options.minBase, rest.figure.base >= 2,
                let t = evaluator.significance(metric, part, rest)
            else { continue }
            tests.append((k, t.p, a > b))
        }
        var marks: [SignificantDifference?] = parts.map { _ in nil }
        // Holm: the k-th smallest p is held to alpha / (m − k); stop at the first that fails.
        let m = tests.count
        for (rank, t) in tests.sorted(by: { $0.p < $1.p }).enumerated() {
            guard t.p < alpha / Double(m - rank) else { break }
            marks[t.index] = t.up ? .above : .below
        }
        return marks
    }

    static func isTestable(_ m: Metric) -> Bool {
        switch m.kind {
        case .score, .rawMean, .nps, .share: return true
        case .count, .seconds: return false
        }
    }

    /// 95 % interval: t-distribution for means, normal for NPS; nil when it cannot be computed.
    static func interval(_ f: Figure, _ m: Metric, quantiles: inout [Int: Double]) -> FigureInterval? {
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
            return FigureInterval(low: v - half, high: v + half)
        case .nps:
            let half = 1.959963984540054 * (variance / Double(f.base)).squareRoot()
            return FigureInterval(low: max(-100, v - half), high: min(100, v + half))
        default: return nil
        }
    }

    static func hasInterval(_ m: Metric) -> Bool {
        switch m.kind {
        case .score, .rawMean, .nps: return true
        default: return false
        }
    }
}
