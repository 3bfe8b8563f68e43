/// A shopper planted in a generated season who answers more leniently: their answers are drawn as if the
/// service were `points` points better (of 100), on every inquiry they make.
public struct LenientShopper: Sendable, Equatable {
    /// The shopper's id as written in inquiries.csv (`S017`).
    public var id: String
    public var points: Double

    public init(id: String, points: Double) {
        self.id = id
        self.points = points
    }

    /// `ID:POINTS` (`S017:10`); nil when it is not that, or POINTS is outside −50 to 50.
    public init?(argument: String) {
        let parts = argument.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, let points = Double(parts[1]), points.isFinite,
            (-50...50).contains(points)
        else { return nil }
        self.init(id: String(parts[0]), points: points)
    }

    /// The ids of the shoppers a season of this scale has: S001 … S080 per scale step.
    public static func shopperIds(scale: Int) -> [String] {
        (1...(80 * max(1, scale))).map { "S\(String($0 + 1000).dropFirst())" }
    }
}
