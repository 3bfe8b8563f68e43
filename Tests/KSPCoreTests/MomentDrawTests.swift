import Foundation
import Testing

@testable import KSPCore

/// drivers' moment route (issue 17): on 10 000 complete cases or more, each bootstrap round draws the means and
/// mean products from their normal approximation (MomentDraw) instead of resampling the rows.
@Suite("Drivers: the moment route on a large base")
struct MomentDrawTests {
    @Test func productsFollowTheVariablesPairByPair() {
        // Width 3: the variables 0, 1, 2, then (0,0) (0,1) (0,2) (1,1) (1,2) (2,2).
        let indices = [(0, 0), (0, 1), (0, 2), (1, 1), (1, 2), (2, 2)].map {
            MomentDraw.productIndex($0.0, $0.1, width: 3)
        }
        #expect(indices == [3, 4, 5, 6, 7, 8])
    }

    @Test func covarianceOfTheMeanFromTheBatchesByHand() {
        // Two moments; batch sums (4, 1) and (2, 3) over 2 rows each, and an empty batch that does not count.
        // Mean (6/4, 4/4) = (1.5, 1). Deviations (S − n m̄)/√n: (1, −1)/√2 and (−1, 1)/√2; their outer products
        // add to [[1, −1], [−1, 1]] over B − 1 = 1, and over n = 4 rows: [[0.25, −0.25], [−0.25, 0.25]].
        let covariance = MomentDraw.covarianceOfMean(
            (sums: [4, 1, 2, 3, 0, 0], counts: [2, 2, 0]), mean: [1.5, 1], rows: 4)
        let expected = [0.25, -0.25, -0.25, 0.25]
        #expect(zip(covariance, expected).allSatisfy { approx($0, $1, 1e-15) })
    }

    @Test func factorOfAFullAndASingularCovariance() {
        // [[4, 2], [2, 2]] = L Lᵀ with L = [[2, 0], [1, 1]].
        #expect(MomentDraw.lowerFactor([4, 2, 2, 2], size: 2) == [2, 0, 1, 1])
        // [[0.25, −0.25], [−0.25, 0.25]] has rank one: the second moment is minus the first, so its column stays
        // zero (no division by rounding noise) and L Lᵀ still gives the matrix back.
        #expect(MomentDraw.lowerFactor([0.25, -0.25, -0.25, 0.25], size: 2) == [0.5, 0, -0.5, 0])
    }

    /// Each round's decomposition starts from the eigenvectors of the correlations over every row: the same
    /// eigenvalues as from the identity, and its vectors still decompose the matrix.
    @Test func aWarmStartDecomposesTheSameMatrix() {
        let near = [1, 0.5, 0.2, 0.5, 1, 0.3, 0.2, 0.3, 1.0]
        let matrix = [1, 0.52, 0.18, 0.52, 1, 0.33, 0.18, 0.33, 1.0]
        let start = SymmetricEigen.decompose(near, size: 3).vectors
        let cold = SymmetricEigen.decompose(matrix, size: 3)
        let warm = SymmetricEigen.decompose(matrix, size: 3, near: start)
        #expect(zip(cold.values.sorted(), warm.values.sorted()).allSatisfy { approx($0, $1, 1e-13) })
        for row in 0..<3 {
            for col in 0..<3 {
                let rebuilt = (0..<3).reduce(0.0) { sum, k in
                    sum + warm.vectors[row * 3 + k] * warm.values[k] * warm.vectors[col * 3 + k]
                }
                #expect(approx(rebuilt, matrix[row * 3 + col], 1e-13))
            }
        }
    }

    @Test func theRouteFollowsTheBase() throws {
        #expect(ResamplingRoute(rows: 9_999, width: 4, rounds: 1000) == .rows)
        #expect(ResamplingRoute(rows: 10_000, width: 4, rounds: 1000) == .moments)
        let small = try DriverAnalysis.run(Self.data(rows: 2_000, seed: 5), outcomeName: "y", rounds: 50, seed: 1)
        #expect(small.route == .rows)
        let large = try DriverAnalysis.run(Self.data(rows: 12_000, seed: 5), outcomeName: "y", rounds: 200, seed: 1)
        #expect(large.route == .moments)
        // Seeded: the same seed gives the same intervals, another seed others.
        let again = try DriverAnalysis.run(Self.data(rows: 12_000, seed: 5), outcomeName: "y", rounds: 200, seed: 1)
        let other = try DriverAnalysis.run(Self.data(rows: 12_000, seed: 5), outcomeName: "y", rounds: 200, seed: 2)
        #expect(large.rows == again.rows)
        #expect(large.rows.map(\.shareLow) != other.rows.map(\.shareLow))
        for row in large.rows {
            let low = try #require(row.shareLow)
            let high = try #require(row.shareHigh)
            #expect(low < row.share && row.share < high)
        }
    }

    /// The moment route's cost grows with the square of its moments: with 58 or 88 predictors on 13 373 cases the
    /// rows are cheaper; on 447 519 cases the moments win, up to about 45 predictors, past which they would hold
    /// more than 128 MB.
    @Test func theRouteFollowsTheCost() {
        #expect(ResamplingRoute(rows: 447_519, width: 5, rounds: 1000) == .moments)
        #expect(ResamplingRoute(rows: 242_208, width: 17, rounds: 1000) == .moments)
        #expect(ResamplingRoute(rows: 13_373, width: 59, rounds: 1000) == .rows)
        #expect(ResamplingRoute(rows: 13_373, width: 89, rounds: 1000) == .rows)
        #expect(ResamplingRoute(rows: 447_519, width: 46, rounds: 1000) == .moments)
        // 63 predictors: 2 × 4288 batches × 2144 moments and two 2144² matrices are over 128 MB.
        #expect(ResamplingRoute(rows: 447_519, width: 64, rounds: 1000) == .rows)
    }

    @Test func oneBatchsPartOfAMomentsSpreadByHand() {
        // One moment over three batches of two rows, sums 2, 2 and 8: mean 12/6 = 2. Parts n_g (m̄_g − m̄)²:
        // 2 (1 − 2)² = 2, 2, and 2 (4 − 2)² = 8; the largest is 8 of 12.
        let share = MomentDraw.largestBatchShare((sums: [2, 2, 8], counts: [2, 2, 2]), mean: [2])
        #expect(approx(share, 8.0 / 12, 1e-15))
    }

    /// A yes/no answered "nei" in three of 12 000 rows: its square's mean moves by whole units with those rows, one
    /// batch holds most of that moment's spread, and the table takes the row route; without the rare answers the
    /// moment route holds.
    @Test func aMomentOnAHandfulOfRowsSendsTheTableToTheRows() throws {
        var input = Self.data(rows: 12_000, seed: 5)
        let ordinary = try DriverAnalysis.run(input, outcomeName: "y", rounds: 100, seed: 1)
        #expect(ordinary.route == .moments)
        input.predictors[2] = input.predictors[2].indices.map { $0 % 4_000 == 7 ? 0 : 1 }
        let rare = try DriverAnalysis.run(input, outcomeName: "y", rounds: 100, seed: 1)
        #expect(rare.route == .rows)
        #expect(rare.rows.allSatisfy { $0.shareLow != nil && $0.shareHigh != nil })
    }

    /// A round in which a predictor is the same in every drawn row: that predictor explains nothing there (share 0)
    /// and the others share R² without it; a round in which the outcome is constant gives nothing.
    @Test func aRoundWithAConstantPredictor() throws {
        let nan = Double.nan
        // Predictors 0 and 2 correlate 0.5 and 0.3 with the outcome and 0.2 with each other; predictor 1 is constant.
        let shares = try #require(
            RelativeWeights.sharesOfARound(
                correlations: [1, nan, 0.2, nan, nan, nan, 0.2, nan, 1], withOutcome: [0.5, nan, 0.3], near: nil))
        let alone = try #require(RelativeWeights.compute(correlations: [1, 0.2, 0.2, 1], withOutcome: [0.5, 0.3]))
        #expect(shares[1] == 0)
        #expect(approx(shares[0], alone.shares[0], 1e-12) && approx(shares[2], alone.shares[1], 1e-12))
        #expect(RelativeWeights.sharesOfARound(correlations: [nan], withOutcome: [nan], near: nil) == nil)
        // The correlations of a resample with a constant column are NaN, not rounding noise divided by rounding.
        // Variable 0 has mean 2 and mean square 4: no variance. Variable 1 (variance 0.5) and the outcome
        // (variance 1) covary by 3.5 − 1 × 3 = 0.5: r = 0.5 / √0.5.
        let sums: [Double] = [2, 1, 3]
        let products: [Double] = [4, 2, 6, 0, 1.5, 3.5, 0, 0, 10]
        let drawn = sums.withUnsafeBufferPointer { sums in
            products.withUnsafeBufferPointer { products in
                Standardized.correlations(sums: sums, products: products, total: 1, width: 3)
            }
        }
        #expect(drawn.predictors[0].isNaN && drawn.predictors[1].isNaN && drawn.outcome[0].isNaN)
        #expect(approx(drawn.predictors[3], 1, 1e-15) && approx(drawn.outcome[1], 0.5 / 0.5.squareRoot(), 1e-15))
    }

    /// The two routes over the same 10 000 rows (one predictor a yes/no answer, whose square is the answer itself:
    /// a singular covariance of moments): each share's spread over the rounds and its centre agree within what 250
    /// rounds can tell apart.
    @Test func bothRoutesGiveTheSameSpreadOfShares() throws {
        let input = Self.data(rows: 10_000, seed: 9)
        let data = Standardized(
            columns: input.predictors, outcome: input.outcome, completeRows: nil,
            moments: (input.predictors + [input.outcome]).map(ColumnMoments.init))
        let byRows = DriverAnalysis.bootstrapShares(data, rounds: 250, seed: 3)
        let near = SymmetricEigen.decompose(data.correlations().predictors, size: data.width - 1).vectors
        let byMoments = MomentDraw(data, seed: 3).shares(rounds: 250, seed: 3, near: near)
        #expect(byRows.count == 3 && byMoments.count == 3)
        for (rows, moments) in zip(byRows, byMoments) {
            #expect(rows.count == 250 && moments.count == 250)
            let spreadRows = Self.standardDeviation(rows)
            let spreadMoments = Self.standardDeviation(moments)
            // 250 rounds estimate a spread within about 5 %; the batches within about 2 %.
            #expect(abs(spreadMoments / spreadRows - 1) < 0.15, "spread \(spreadMoments) against \(spreadRows)")
            let centreRows = rows.reduce(0, +) / Double(rows.count)
            let centreMoments = moments.reduce(0, +) / Double(moments.count)
            #expect(abs(centreMoments - centreRows) < 0.3 * spreadRows)
        }
    }

    /// Three predictors (two correlated scales and a yes/no answer) and an outcome that depends on all three.
    static func data(rows: Int, seed: UInt64) -> DriverInput {
        var rng = SplitMix64(seed: seed)
        var predictors = [[Double]](repeating: [], count: 3)
        var outcome: [Double] = []
        for _ in 0..<rows {
            let shared = rng.normal()
            let first = (shared + rng.normal()).rounded()
            let second = (0.5 * shared + rng.normal()).rounded()
            let yes: Double = rng.uniform() < 0.3 ? 1 : 0
            predictors[0].append(first)
            predictors[1].append(second)
            predictors[2].append(yes)
            outcome.append(first + 0.5 * second + 1.5 * yes + 2 * rng.normal())
        }
        return DriverInput(outcome: outcome, predictors: predictors, names: ["first", "second", "yes"])
    }

    static func standardDeviation(_ values: [Double]) -> Double {
        let mean = values.reduce(0, +) / Double(values.count)
        return (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)).squareRoot()
    }
}
