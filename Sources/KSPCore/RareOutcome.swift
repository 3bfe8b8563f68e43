/// An outcome that is the same in all but a few complete cases (a yes/no answered "nei" once, a scale at its top
/// but for two inquiries). Its shares rest on those few inquiries, and a bootstrap interval cannot say how stable
/// they are: a resample without them leaves nothing to explain and is dropped, so the rounds that remain all hold
/// them and their shares hardly move. Such intervals would look precise and be noise (session 6's review of
/// drivers), so drivers gives none and says why.
public struct RareOutcome: Sendable, Equatable {
    /// Complete cases whose outcome is not its most common value.
    public let deviating: Int

    /// Fewer deviating cases than this: no intervals.
    public static let minimumDeviating = 10

    /// The outcome's rare side, or nil when at least `minimumDeviating` cases differ from its most common value.
    /// The most common value is found by a majority vote (Boyer and Moore): a value held by more than half the
    /// cases wins it, and the count is exact. Where no value holds half, the count may be larger than the cases off
    /// the most common value, but those are then at least half of all: from `2 × minimumDeviating` cases on (drivers
    /// needs 30) nil either way.
    public init?(_ outcome: [Double]) {
        var candidate = Double.nan
        var votes = 0
        for value in outcome {
            if votes == 0 {
                candidate = value
                votes = 1
            } else if value == candidate {
                votes += 1
            } else {
                votes -= 1
            }
        }
        var held = 0
        for value in outcome where value == candidate { held += 1 }
        let deviating = outcome.count - held
        guard deviating < RareOutcome.minimumDeviating else { return nil }
        self.deviating = deviating
    }
}
