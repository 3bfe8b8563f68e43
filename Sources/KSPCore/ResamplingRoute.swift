/// How `drivers` resamples the intervals of its shares (issue 17).
///
/// Every bootstrap round of the row route draws all complete cases again and multiplies each out into its
/// products: at 450 000 answered inquiries that is seconds for one table. The shares are a smooth function of
/// the variables' means and mean products, and on a large base the bootstrap distribution of those means is their
/// normal approximation (the central limit theorem, as for a ranking's totals on ≥ 100 inquiries, `rank`): the
/// moment route draws each round from it (`MomentDraw`), which costs the same whatever the base.
/// Benchmarks/driver-routes.py compares the two routes' intervals over many seeds.
public enum ResamplingRoute: Sendable, Equatable {
    /// Each round draws the complete cases with replacement.
    case rows
    /// Each round draws the means and mean products from their normal approximation.
    case moments

    /// From this many complete cases on, the moment route may be taken. Above every table of the sample seasons
    /// (4 750 inquiries), whose figures are therefore unchanged; at this base the normal approximation of a mean
    /// of products of a few standardised answers is already close (driver-routes.py).
    public static let momentBase = 10_000

    /// The route for `rows` complete cases of `width` variables (the predictors and the outcome) and `rounds`
    /// rounds: the moment route from `momentBase` on where it costs less than a quarter of the row route. Its cost
    /// grows with the square of the number of moments (w + w(w+1)/2) and parts of it run on one core, so with many
    /// predictors and a base not far above `momentBase` the rows are cheaper (and need far less memory).
    /// Nor where it would hold more than `momentMemory`. `MomentDraw.normalHolds` can still send a table back to
    /// the rows.
    public init(rows: Int, width: Int, rounds: Int) {
        guard rows >= ResamplingRoute.momentBase else {
            self = .rows
            return
        }
        let n = Double(rows)
        let products = Double(width * (width + 1) / 2)
        let moments = Double(width) + products
        let batches = Double(MomentDraw.batchCount(rows: rows, moments: Int(moments)))
        let rowCost = Double(rounds) * n * products
        let momentCost =
            n * moments + batches * moments * moments / 2 + moments * moments * moments / 3
            + Double(rounds) * moments * moments / 2
        // The batch sums (one set a core) and the covariance with its factor, in doubles: at most 128 MB.
        let memory = 2 * batches * moments + 2 * moments * moments
        self = 4 * momentCost < rowCost && memory <= ResamplingRoute.momentMemory ? .moments : .rows
    }

    /// The most doubles the moment route may hold (128 MB): about 45 predictors; a table with more takes the rows
    /// (redrawing them holds only the data).
    static let momentMemory = 16_000_000.0
}
