/// drivers' complete cases standardised, with their correlations over every row and the resampled shares of each
/// bootstrap round, by the route their number and width call for (`ResamplingRoute`).
struct CompleteCases {
    let data: Standardized
    /// The route taken: the moment route falls back to the rows where its normal approximation does not hold.
    let route: ResamplingRoute
    /// The moment route's batches (nil on the row route).
    let draw: MomentDraw?
    /// The predictors' correlations (row-major) and each predictor's with the outcome, over every row: the same
    /// pass on both routes, so that the shares, r and R² are the same figures whichever route the intervals take.
    let whole: (predictors: [Double], outcome: [Double])

    /// The complete cases are `completeRows` of `columns` and `outcome` (nil: every row); `moments`: each column's
    /// over them, then the outcome's (`ColumnMoments`).
    init(
        _ columns: [[Double]], outcome: [Double], completeRows: [Int]?, moments: [ColumnMoments], rounds: Int,
        seed: UInt64
    ) {
        data = Standardized(columns: columns, outcome: outcome, completeRows: completeRows, moments: moments)
        whole = data.correlations()
        var draw: MomentDraw?
        if ResamplingRoute(rows: data.rows, width: data.width, rounds: rounds) == .moments {
            draw = MomentDraw(data, seed: seed)
        }
        if draw?.normalHolds == false { draw = nil }
        self.draw = draw
        route = draw == nil ? .rows : .moments
    }

    /// Shares of R² (%) per predictor over the rounds whose correlations could be decomposed.
    func shares(rounds: Int, seed: UInt64) -> [[Double]] {
        if let draw {
            let near = SymmetricEigen.decompose(whole.predictors, size: data.width - 1).vectors
            return draw.shares(rounds: rounds, seed: seed, near: near)
        }
        return DriverAnalysis.bootstrapShares(data, rounds: rounds, seed: seed)
    }
}
