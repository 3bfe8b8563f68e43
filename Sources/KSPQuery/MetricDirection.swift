import KSPCore

/// Which way is better for a metric. "Best first" (top N without order by, order by a metric
/// without asc/desc, rank, charts) follows it; an explicit `asc`/`desc` is taken literally.
extension Metric {
    /// True when a smaller figure is the better one: the unanswered shares and the median wait
    /// always; a CX metric when the season's question says `better: lower` (KSP asks CES as "how
    /// easy was it", so by default a higher answer is better for every CX metric).
    func lowerIsBetter(in definition: SeasonDefinition) -> Bool {
        switch self {
        case .noanswer, .noanswer1, .waitMedian:
            return true
        case .cx(let metric):
            guard let question = definition.questionIndex(metric: metric) else {
                return false
            }
            return definition.questions[question].lowerIsBetter
        default:
            return false
        }
    }
}
