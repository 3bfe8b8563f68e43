/// drivers' complete cases standardised, with their correlations over every row and the resampled shares of each
/// bootstrap round, by the route their number and width call for (`ResamplingRoute`).
struct CompleteCases {
    let data: Standardized
    /// The predictors' correlations (row-major) and each predictor's with the outcome, over every row: the same
    /// pass on both routes, so that the shares, r and R² are the same figures whichever route the intervals take.
    let whole: (predictors: [Double], outcome: [Double])

    /// The complete cases are `completeRows` of `columns` and `outcome` (nil: every row); `moments`: each column's
    /// over them, then the outcome's (`ColumnMoments`).
    init(_ columns: [[Double]], outcome: [Double], completeRows: [Int]?, moments: [ColumnMoments]) {
        data = Standardized(columns: columns, outcome: outcome, completeRows: completeRows, moments: moments)
        whole = data.correlations()
    }

    /// Shares of R² (%) per predictor over the rounds whose correlations could be decomposed, and the route they
    /// took: the moment route's batches are made only here, once the predictors are settled (a table whose
    /// collinear predictors are left out is standardised twice, its batches not), and the route falls back to the
    /// rows where the normal approximation does not hold.
    func shares(rounds: Int, seed: UInt64) -> (shares: [[Double]], route: ResamplingRoute) {
        if ResamplingRoute(rows: data.rows, width: data.width, rounds: rounds) == .moments {
            let draw = MomentDraw(data, seed: seed)
            if draw.normalHolds {
                let near = SymmetricEigen.decompose(whole.predictors, size: data.width - 1).vectors
                return (draw.shares(rounds: rounds, seed: seed, near: near), .moments)
            }
        }
        return (DriverAnalysis.bootstrapShares(data, rounds: rounds, seed: seed), .rows)
    }
}
