/// drivers' complete cases standardised, with their correlations over every row and the resampled shares of each
/// bootstrap round, by the route their number calls for (`ResamplingRoute`).
struct CompleteCases {
    let data: Standardized
    /// The moment route's batches (nil on the row route).
    let draw: MomentDraw?
    /// The predictors' correlations (row-major) and each predictor's with the outcome, over every row.
    let whole: (predictors: [Double], outcome: [Double])

    init(_ columns: [[Double]], outcome: [Double], route: ResamplingRoute, seed: UInt64) {
        data = Standardized(columns: columns, outcome: outcome)
        switch route {
        case .rows:
            draw = nil
            whole = data.correlations()
        case .moments:
            // The batches' pass adds up every row's products anyway: the correlations over every row come
            // from their totals instead of a pass of their own.
            let draw = MomentDraw(data, seed: seed)
            self.draw = draw
            whole = draw.correlationsOfTheMean()
        }
    }

    /// Shares of R² (%) per predictor over the rounds whose correlations could be decomposed.
    func shares(rounds: Int, seed: UInt64) -> [[Double]] {
        if let draw { return draw.shares(rounds: rounds, seed: seed) }
        return DriverAnalysis.bootstrapShares(data, rounds: rounds, seed: seed)
    }
}
