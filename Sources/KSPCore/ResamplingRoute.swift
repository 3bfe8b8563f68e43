/// How `drivers` resamples the intervals of its shares (issue 17).
///
/// Every bootstrap round of the row route draws all complete cases again and multiplies each out into its
/// products: at 450 000 answered inquiries that is seconds for one table. The shares are a smooth function of
/// the variables' means and mean products, and on a large base the bootstrap distribution of those means is their
/// normal approximation (the central limit theorem, as for a ranking's totals on ≥ 100 inquiries, `rank`): the
/// moment route draws each round from it (`MomentDraw`), which costs a few thousand operations a round whatever
/// the base. Benchmarks/driver-routes.py compares the two routes' intervals over many seeds.
public enum ResamplingRoute: Sendable, Equatable {
    /// Each round draws the complete cases with replacement.
    case rows
    /// Each round draws the means and mean products from their normal approximation.
    case moments

    /// From this many complete cases on, the moment route. Above every table of the sample seasons (4 750
    /// inquiries), whose figures are therefore unchanged; at this base the normal approximation of a mean of
    /// products of a few standardised answers is already close (driver-routes.py).
    public static let momentBase = 10_000

    public init(rows: Int) {
        self = rows >= ResamplingRoute.momentBase ? .moments : .rows
    }
}
