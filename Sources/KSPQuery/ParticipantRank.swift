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

/// A participant shown beside a ranking but not ranked: fewer inquiries in the season than the award minimum.
struct UnrankedParticipant: Sendable, Equatable {
    /// The participant's index in the season.
    var participant: Int
    var value: Double
    /// Inquiries that count towards the metric.
    var base: Int
    /// Its inquiries in the whole season (what the award minimum is measured on).
    var seasonInquiries: Int
}

/// A ranking as figures (for a report's own sentences) and as the `rank` statement's table.
struct Rankings: Sendable {
    /// The ranked participants, best first.
    var ranks: [ParticipantRank]
    /// Those below the award minimum, best figure first.
    var unranked: [UnrankedParticipant] = []
    /// The season's award minimum (inquiries).
    var awardMinimum: Int = 0
    var table: ResultTable
}
