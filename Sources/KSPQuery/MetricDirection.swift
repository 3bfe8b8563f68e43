import KSPCore

/// Which way is better for a metric. "Best first" (top N without order by, order by a metric
/// without asc/desc, rank, charts) follows it; an explicit `asc`/`desc` is taken literally.
extension Metric {
    /// True when a smaller figure is the better one: unanswered shares, the median wait, and CES
    /// (customer effort: the season format gives no direction for it, so less effort is better).
    var lowerIsBetter: Bool {
        switch self {
        case .noanswer, .noanswer1, .waitMedian, .cx(.ces): return true
        default: return false
        }
    }
}
