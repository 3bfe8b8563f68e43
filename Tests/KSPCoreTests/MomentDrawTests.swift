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
        #expect(ResamplingRoute(rows: 9_999) == .rows)
        #expect(ResamplingRoute(rows: 10_000) == .moments)
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

    /// The two routes over the same 10 000 rows (one predictor a yes/no answer, whose square is the answer itself:
    /// a singular covariance of moments): each share's spread over the rounds and its centre agree within what 250
    /// rounds can tell apart.
    @Test func bothRoutesGiveTheSameSpreadOfShares() throws {
        let input = Self.data(rows: 10_000, seed: 9)
        let data = Standardized(columns: input.predictors, outcome: input.outcome)
        let byRows = DriverAnalysis.bootstrapShares(data, rounds: 250, seed: 3)
        let byMoments = MomentDraw(data, seed: 3).shares(rounds: 250, seed: 3)
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
