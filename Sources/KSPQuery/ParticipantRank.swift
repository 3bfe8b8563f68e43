/// A participant's place in a ranking, with the 95 % interval of its rank from the bootstrap.
struct ParticipantRank: Sendable, Equatable {
    /// 1 for the best.
    var position: Int
    /// The participant's index in the season.
    var participant: Int
    var value: Double
    /// Inquiries that count towards the metric.
    var base: Int
    var lowestRank: Int
    var highestRank: Int
}

/// A ranking as figures (for a report's own sentences) and as the `rank` statement's table.
struct Rankings: Sendable {
    var ranks: [ParticipantRank]
    var table: ResultTable
}
