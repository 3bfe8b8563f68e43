import Foundation
import KSPCore

/// Draws each participant's resampled mean for one bootstrap round of a ranking: its own values drawn with
/// replacement and averaged. A total over a large base is drawn from the normal distribution with the
/// resampled mean's exact mean and variance (the plug-in variance over n) instead of value by value: by
/// the central limit theorem the two cannot be told apart there (docs/query-language.md, "rank"), and it
/// costs one draw instead of n. Below `normalBase` every value is drawn, exactly as before.
struct ResampledMeans: Sendable {
    /// From this many values on, a total's resampled mean is drawn from its normal approximation. Above
    /// every base of the sample seasons (25 inquiries a participant), so their figures are unchanged.
    static let normalBase = 100

    /// A participant's values, each drawn alike in a resample.
    let values: [[Double]]
    /// Mean and standard error of the resampled mean, where it is drawn from its normal approximation.
    let normal: [(mean: Double, standardError: Double)?]

    /// `approximate`: whether the metric's resampled mean may be drawn from its normal approximation (the
    /// total, whose values are weighted sums of many answers; a share or a question has a few levels, where
    /// resampled means tie and the normal would not).
    init(_ values: [[Double]], approximate: Bool) {
        self.values = values
        normal = values.map { own in
            guard approximate else { return nil }
            return ResampledMeans.normal(
                count: own.count, sum: own.reduce(0, +), sumSquares: own.reduce(0) { $0 + $1 * $1 })
        }
    }

    /// Totals given by their moments where they take the normal route (`values` may be empty there).
    init(values: [[Double]], normal: [(mean: Double, standardError: Double)?]) {
        self.values = values
        self.normal = normal
    }

    /// The resampled mean's mean and standard error for a total on `count` values with the given sum and sum of
    /// squares, from `normalBase` values on (nil below).
    static func normal(count: Int, sum: Double, sumSquares: Double) -> (mean: Double, standardError: Double)? {
        guard count >= normalBase else { return nil }
        let n = Double(count)
        let mean = sum / n
        let variance = max(0, sumSquares / n - mean * mean)
        return (mean, (variance / n).squareRoot())
    }

    /// One resampled mean of participant `p`, drawn from `stream`.
    func draw(_ p: Int, _ stream: inout BootstrapStream) -> Double {
        if let normal = normal[p] { return normal.mean + normal.standardError * stream.normal() }
        let own = values[p]
        let count = own.count
        guard count > 0 else { return .nan }
        // The same draws, added in the same order, as resampling into an array and summing it.
        var sum = 0.0
        own.withUnsafeBufferPointer { buffer in
            for _ in 0..<count { sum += buffer[Int(stream.random.next() % UInt64(count))] }
        }
        return sum / Double(count)
    }

    /// Whether participant `other` can be left out of a round that ranks only `p`: both drawn from normal
    /// approximations and `other` more than `ResampledMeans.negligibleDistance` standard errors of the
    /// difference behind, so that the chance it passes `p` in any of 1000 rounds is below 1e-20.
    func cannotPass(_ other: Int, _ p: Int, lowerIsBetter: Bool) -> Bool {
        guard let mine = normal[p], let theirs = normal[other] else { return false }
        let ahead = lowerIsBetter ? theirs.mean - mine.mean : mine.mean - theirs.mean
        let spread = (mine.standardError * mine.standardError + theirs.standardError * theirs.standardError)
            .squareRoot()
        return ahead > ResampledMeans.negligibleDistance * spread
    }

    /// Ten standard errors: a normal difference passes it with chance 7.6e-24.
    static let negligibleDistance = 10.0
}
