import Dispatch

/// The moment route of `drivers`' intervals (`ResamplingRoute.moments`): each round's correlations come from
/// means and mean products drawn from their joint normal approximation, instead of from a resample of the rows.
///
/// A row's moments are its w standardised variables and their w(w+1)/2 products (a ≤ b). Under the row bootstrap
/// the mean of the moments over n rows is drawn around their mean m̄ with covariance Σ/n, Σ the covariance of one
/// row's moments, and on a large base that draw is normal. Σ is estimated from random batches: the seed assigns
/// every row to one of B batches, and the spread of the batch means around m̄, each scaled by its batch's size,
/// estimates Σ with B − 1 degrees of freedom (B ≥ 1000: the intervals' widths within about 2 %, well inside the
/// percentile noise of 1000 rounds). Working out Σ row by row instead would cost n × (moments)² operations; the
/// batches cost one pass of n × (moments) additions, and a round is then one draw of m̄ + L z (L Lᵀ = Σ/n, z
/// standard normal) whatever n is.
struct MomentDraw: Sendable {
    /// The fewest batches behind Σ (more where there are more moments, so that Σ has their full rank).
    static let minimumBatches = 1000

    let width: Int
    /// The mean of each moment: the variables, then the products in the order `MomentDraw.productIndex` gives.
    let mean: [Double]
    /// L, lower triangular and row-major (moments × moments), with L Lᵀ the covariance of the mean of the moments.
    let factor: [Double]

    var momentCount: Int { mean.count }

    /// Whether the normal approximation can be trusted: no moment's spread over the batches comes for
    /// `MomentDraw.dominantShare` or more from one batch. A moment that does rests on a handful of inquiries (a
    /// yes/no answered "nei" once in ten thousand: its square's mean moves by whole units with that one row), where
    /// a resample's moments are far from normal; such a table takes the row route (`CompleteCases`).
    let normalHolds: Bool

    /// One batch's part of a moment's spread from which the moment is taken to rest on too few inquiries: 100
    /// times a batch's even share (a tenth, with 1000 batches). A moment resting on k rows gives the batch holding
    /// one of them about 1/k: ten rows or fewer pass it. Ordinary answers do not: products of skewed 1–5 answers in
    /// batches of a dozen rows reach 3–4 % (the review's simulation; 4 % let some tables' route follow the seed).
    static let dominantShare = 100.0

    /// The batches behind Σ for `rows` rows and `moments` moments: at least `minimumBatches`, and twice the moments
    /// (so that Σ can have their full rank), but no more than half the rows.
    static func batchCount(rows: Int, moments: Int) -> Int {
        max(2, min(max(minimumBatches, 2 * moments), rows / 2))
    }

    init(_ data: Standardized, seed: UInt64) {
        let width = data.width
        let momentCount = width + width * (width + 1) / 2
        let batchCount = MomentDraw.batchCount(rows: data.rows, moments: momentCount)
        let batches = MomentDraw.batchSums(data, batchCount: batchCount, seed: seed)
        var mean = [Double](repeating: 0, count: momentCount)
        for batch in 0..<batchCount {
            for moment in 0..<momentCount { mean[moment] += batches.sums[batch * momentCount + moment] }
        }
        let rows = Double(data.rows)
        for moment in 0..<momentCount { mean[moment] /= rows }
        self.width = width
        self.mean = mean
        let used = batches.counts.filter { $0 > 0 }.count
        normalHolds =
            MomentDraw.largestBatchShare(batches, mean: mean) < MomentDraw.dominantShare / Double(max(used, 1))
        // Where it does not hold the table takes the rows: the covariance and its factor (the costly part with many
        // moments) are not worked out.
        factor =
            normalHolds
            ? MomentDraw.lowerFactor(MomentDraw.covarianceOfMean(batches, mean: mean, rows: rows), size: momentCount)
            : []
    }

    /// Where the product of variables a and b (a ≤ b) is among the moments.
    static func productIndex(_ a: Int, _ b: Int, width: Int) -> Int {
        width + a * width - a * (a - 1) / 2 + (b - a)
    }

    /// Shares of R² (%) per predictor over the rounds whose drawn correlations could be decomposed; each round's
    /// generator comes from the seed and the round's number, as on the row route. `near`: the eigenvectors of the
    /// predictors' correlations over every row, which every round's are close to, to start each round's from.
    func shares(rounds: Int, seed: UInt64, near: [Double]) -> [[Double]] {
        DriverAnalysis.sharesOverRounds(rounds: rounds, seed: seed, predictors: width - 1, near: near) {
            { rng in self.correlations(&rng) }
        }
    }

    /// One round: the moments drawn from their normal approximation, and the correlations they give.
    func correlations(_ rng: inout SplitMix64) -> (predictors: [Double], outcome: [Double]) {
        let momentCount = self.momentCount
        var normals = [Double](repeating: 0, count: momentCount)
        for k in 0..<momentCount { normals[k] = rng.normal() }
        var drawn = mean
        factor.withUnsafeBufferPointer { factor in
            normals.withUnsafeBufferPointer { normals in
                for i in 0..<momentCount {
                    var shift = 0.0
                    let row = i &* momentCount
                    for k in 0...i { shift += factor[row &+ k] * normals[k] }
                    drawn[i] += shift
                }
            }
        }
        return correlations(of: drawn)
    }

    /// The correlations that means of the variables and of their products give.
    func correlations(of drawn: [Double]) -> (predictors: [Double], outcome: [Double]) {
        var products = [Double](repeating: 0, count: width * width)
        for a in 0..<width {
            for b in a..<width { products[a * width + b] = drawn[MomentDraw.productIndex(a, b, width: width)] }
        }
        return drawn.withUnsafeBufferPointer { drawn in
            products.withUnsafeBufferPointer { products in
                Standardized.correlations(
                    sums: UnsafeBufferPointer(rebasing: drawn[0..<width]), products: products, total: 1,
                    width: width)
            }
        }
    }

    /// Each batch's sum of every moment (batch-major) and its number of rows. The rows are split in two halves
    /// counted on the two cores into their own sums, then added.
    static func batchSums(_ data: Standardized, batchCount: Int, seed: UInt64) -> (sums: [Double], counts: [Int]) {
        let width = data.width
        let momentCount = width + width * (width + 1) / 2
        let parts = data.rows >= 20_000 ? 2 : 1
        var sums = [[Double]](repeating: [Double](repeating: 0, count: batchCount * momentCount), count: parts)
        var counts = [[Int]](repeating: [Int](repeating: 0, count: batchCount), count: parts)
        // The batches are the seed's, not the rows' order: inquiries stored participant by participant would
        // otherwise put whole participants in one batch, and their differences would pass for sampling noise.
        var seedMixer = SplitMix64(seed: seed ^ 0x6A09_E667_F3BC_C909)
        let batchSeed = seedMixer.next()
        sums.withUnsafeMutableBufferPointer { sums in
            counts.withUnsafeMutableBufferPointer { counts in
                // Each part writes only its own sums and counts.
                nonisolated(unsafe) let partSums = sums
                nonisolated(unsafe) let partCounts = counts
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    let start = data.rows * part / parts
                    let end = data.rows * (part + 1) / parts
                    data.values.withUnsafeBufferPointer { values in
                        partSums[part].withUnsafeMutableBufferPointer { batchSums in
                            for row in start..<end {
                                var draw = SplitMix64(seed: batchSeed &+ UInt64(row))
                                let batch = Int(draw.next() % UInt64(batchCount))
                                partCounts[part][batch] += 1
                                addMoments(
                                    of: values, row: row, width: width,
                                    into: batchSums, at: batch * momentCount)
                            }
                        }
                    }
                }
            }
        }
        var total = sums[0]
        var totalCounts = counts[0]
        for part in 1..<parts {
            for k in total.indices { total[k] += sums[part][k] }
            for k in totalCounts.indices { totalCounts[k] += counts[part][k] }
        }
        return (total, totalCounts)
    }

    /// Adds one row's moments to the sums starting at `offset`.
    @inline(__always)
    static func addMoments(
        of values: UnsafeBufferPointer<Double>, row: Int, width: Int,
        into sums: UnsafeMutableBufferPointer<Double>, at offset: Int
    ) {
        let first = row &* width
        for a in 0..<width { sums[offset &+ a] += values[first &+ a] }
        var moment = offset &+ width
        for a in 0..<width {
            let valueA = values[first &+ a]
            for b in a..<width {
                sums[moment] += valueA * values[first &+ b]
                moment &+= 1
            }
        }
    }

    /// Σ/n from the batches: Σ_g n_g (m̄_g − m̄)(m̄_g − m̄)ᵀ / (B − 1), B the batches with rows, over n rows.
    static func covarianceOfMean(_ batches: (sums: [Double], counts: [Int]), mean: [Double], rows: Double) -> [Double] {
        let momentCount = mean.count
        var covariance = [Double](repeating: 0, count: momentCount * momentCount)
        var deviation = [Double](repeating: 0, count: momentCount)
        var used = 0
        for (batch, count) in batches.counts.enumerated() where count > 0 {
            used += 1
            let size = Double(count)
            let scale = 1 / size.squareRoot()
            for moment in 0..<momentCount {
                deviation[moment] = (batches.sums[batch * momentCount + moment] - size * mean[moment]) * scale
            }
            covariance.withUnsafeMutableBufferPointer { covariance in
                deviation.withUnsafeBufferPointer { deviation in
                    for i in 0..<momentCount {
                        let row = i &* momentCount
                        let deviationI = deviation[i]
                        for j in 0...i { covariance[row &+ j] += deviationI * deviation[j] }
                    }
                }
            }
        }
        let divisor = Double(max(used - 1, 1)) * rows
        for i in 0..<momentCount {
            for j in 0...i {
                let value = covariance[i * momentCount + j] / divisor
                covariance[i * momentCount + j] = value
                covariance[j * momentCount + i] = value
            }
        }
        return covariance
    }

    /// The largest part that one batch has in any moment's spread over the batches: of Σ_g n_g (m̄_g − m̄)², the
    /// largest term (moments without spread left out).
    static func largestBatchShare(_ batches: (sums: [Double], counts: [Int]), mean: [Double]) -> Double {
        let momentCount = mean.count
        var largest = [Double](repeating: 0, count: momentCount)
        var total = [Double](repeating: 0, count: momentCount)
        for (batch, count) in batches.counts.enumerated() where count > 0 {
            let size = Double(count)
            for moment in 0..<momentCount {
                let deviation = batches.sums[batch * momentCount + moment] - size * mean[moment]
                let part = deviation * deviation / size
                total[moment] += part
                largest[moment] = max(largest[moment], part)
            }
        }
        var share = 0.0
        for moment in 0..<momentCount where total[moment] > 0 { share = max(share, largest[moment] / total[moment]) }
        return share
    }

    /// A lower-triangular L with L Lᵀ = the covariance (row-major). A covariance of moments is often singular —
    /// the square of a yes/no answer is a line in the answer itself — so a pivot that the columns before it already
    /// account for (below 1e-10 of the largest variance) leaves its column zero instead of dividing by rounding noise.
    static func lowerFactor(_ covariance: [Double], size: Int) -> [Double] {
        var factor = [Double](repeating: 0, count: size * size)
        let largest = (0..<size).map { covariance[$0 * size + $0] }.max() ?? 0
        let negligible = largest * 1e-10
        for j in 0..<size {
            var pivot = covariance[j * size + j]
            for k in 0..<j { pivot -= factor[j * size + k] * factor[j * size + k] }
            guard pivot > negligible else { continue }
            let root = pivot.squareRoot()
            factor[j * size + j] = root
            for i in (j + 1)..<size {
                var value = covariance[i * size + j]
                for k in 0..<j { value -= factor[i * size + k] * factor[j * size + k] }
                factor[i * size + j] = value / root
            }
        }
        return factor
    }
}
