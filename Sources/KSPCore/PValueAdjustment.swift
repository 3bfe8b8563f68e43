/// How p-values tested together are adjusted for their number: each p becomes the smallest level at
/// which its hypothesis is rejected by the procedure, so `adjusted < 0.05` is the procedure's decision.
public enum PValueAdjustment: String, Sendable, CaseIterable {
    /// Holm (1979): controls the chance of any false finding among the family (familywise error).
    case holm
    /// Benjamini–Hochberg (1995): controls the expected share of false findings among the findings.
    case bh
    /// No adjustment: each p on its own.
    case none

    /// The adjusted p of each p, in the order given; a nil p (untested) stays nil and is not counted.
    public func adjusted(_ pValues: [Double?]) -> [Double?] {
        let tested = pValues.indices.compactMap { index in pValues[index].map { (index: index, p: $0) } }
        let order = tested.sorted { $0.p < $1.p }
        let count = Double(order.count)
        var result = [Double?](repeating: nil, count: pValues.count)
        switch self {
        case .none:
            return pValues
        case .holm:
            // The k-th smallest p (from 0) times m − k, made non-decreasing, at most 1.
            var running = 0.0
            for (rank, test) in order.enumerated() {
                running = max(running, min(1, (count - Double(rank)) * test.p))
                result[test.index] = running
            }
        case .bh:
            // The k-th smallest p (from 1) times m / k, made non-increasing from the largest, at most 1.
            var running = 1.0
            for (rank, test) in order.enumerated().reversed() {
                running = min(running, count / Double(rank + 1) * test.p)
                result[test.index] = running
            }
        }
        return result
    }
}
