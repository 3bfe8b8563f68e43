import KSPCore

/// Who may be ranked for an award (rule 7): a participant needs the season's `min_inquiries_for_award`
/// inquiries in the whole season, whatever a `where` clause narrows a ranking to.
struct AwardEligibility: Sendable {
    /// The season's award minimum.
    var minimum: Int
    /// Inquiries per participant index in the whole season.
    var seasonInquiries: [Int]

    func isEligible(_ participant: Int) -> Bool {
        seasonInquiries[participant] >= minimum
    }
}

extension Evaluator {
    /// The award minimum and the inquiry counts of the season the given inquiries belong to (the latest of
    /// them when several seasons are loaded).
    func awardEligibility(of inquiries: [Int]) throws(EvaluationError) -> AwardEligibility {
        let seasonColumn = season.inquiries.season
        let seasonKey = season.seasons.count > 1 ? inquiries.map { seasonColumn[$0] }.max() : nil
        let minimum =
            seasonKey.map { season.seasons[Int($0)].definition.minInquiriesForAward }
            ?? season.definition.minInquiriesForAward
        var counts = [Int](repeating: 0, count: season.participants.count)
        let participantColumn = season.inquiries.participant
        for i in 0..<season.inquiries.count where seasonKey == nil || seasonColumn[i] == seasonKey {
            try checkCancelled(at: i)
            counts[Int(participantColumn[i])] += 1
        }
        return AwardEligibility(minimum: minimum, seasonInquiries: counts)
    }
}
