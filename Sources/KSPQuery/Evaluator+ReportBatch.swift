import KSPCore

/// `report participant|class * [where …] to DIR/`: every participant (class) the filter leaves, each
/// with its Totalresultat for the batch's index page. The reports themselves are made one by one with
/// `report(of:in:)`, so that a caller can make them in parallel (the evaluator and season are values
/// that are only read).
public struct ReportBatch: Sendable {
    public enum Subject: Sendable { case participant, `class` }

    public struct Member: Sendable {
        /// The participant's or class's index in the season.
        public let index: Int
        public let name: String
        /// The participant's class (empty for a class).
        public let className: String
        /// Totalresultat within the report's season; nil without a scored inquiry.
        public let total: Double?
    }

    public let subject: Subject
    /// In the order of their names (Norwegian: æ, ø, å after z).
    public let members: [Member]
    let scope: ReportScope
    /// The language of every report in the batch (`lang`, `.lang`, the season's own).
    public let language: ReportLanguage
    /// The season's drivers, the same in every report's quadrant: worked out once for the batch.
    let drivers: SeasonDrivers

    /// The name of the season the reports are about.
    public var seasonName: String { scope.definition.name }
}

extension Evaluator {
    /// Whom a batch covers: every participant (class) with an inquiry that passes the filter in the
    /// report's season. `season = …` picks the season (as for one report); the rest selects.
    public func reportBatch(_ statement: ReportStatement) throws(EvaluationError) -> ReportBatch {
        let (seasonFilter, selection) = Evaluator.splitSeason(statement.filter)
        let scope = try reportScope(seasonFilter)
        let subject: ReportBatch.Subject = statement.subject.value.lowercased() == "class" ? .class : .participant
        var selected = Set<Int>()
        for i in try inquiries(passing: selection) where scope.contains(i, season) {
            selected.insert(
                subject == .class ? Int(season.inquiries.classIndex[i]) : Int(season.inquiries.participant[i]))
        }
        var members: [ReportBatch.Member] = []
        for index in selected {
            try checkCancelled()
            // The total over the member's inquiries in the season (not only those the filter picked).
            let own =
                subject == .class
                ? try inquiries(ofClass: index, scope)
                : season.inquiries(ofParticipant: index).filter { scope.contains($0, season) }
            let values = own.map { contribution(.total, $0) }.filter { !$0.isNaN }
            let total = summary(.total, values)
            let participant = subject == .participant ? season.participants[index] : nil
            members.append(
                ReportBatch.Member(
                    index: index, name: participant?.name ?? season.classes[index],
                    className: participant?.className ?? "", total: total.isNaN ? nil : total))
        }
        members.sort { NorwegianCollation.less($0.name, $1.name) }
        return ReportBatch(
            subject: subject, members: members, scope: scope, language: reportLanguage(statement, scope),
            drivers: members.isEmpty ? SeasonDrivers(outcome: nil, points: nil) : try seasonDrivers(scope))
    }

    /// One member's report, as `report participant "NAME"` (or `report class "NAME"`) would give it.
    public func report(of member: ReportBatch.Member, in batch: ReportBatch) throws(EvaluationError) -> Report {
        switch batch.subject {
        case .participant:
            return try participantReport(member.index, batch.scope, batch.language, drivers: batch.drivers)
        case .class: return try classReport(member.index, batch.scope, batch.language, drivers: batch.drivers)
        }
    }

    /// `where season = X and class = Bank`: the season condition(s) for the report's scope, the rest to
    /// select whom the batch covers.
    static func splitSeason(_ filter: Filter?) -> (season: Filter?, rest: Filter?) {
        func isSeason(_ part: Filter) -> Bool {
            if case .comparison(let field, let comparator, _) = part {
                return Dimension.named(field.value) == .season && comparator.value == .equal
            }
            return false
        }
        guard let filter else { return (nil, nil) }
        if isSeason(filter) { return (filter, nil) }
        guard case .and(let parts) = filter else { return (nil, filter) }
        let seasonParts = parts.filter(isSeason)
        let rest = parts.filter { !isSeason($0) }
        let seasonFilter = seasonParts.isEmpty ? nil : seasonParts.count == 1 ? seasonParts[0] : .and(seasonParts)
        let restFilter = rest.isEmpty ? nil : rest.count == 1 ? rest[0] : .and(rest)
        return (seasonFilter, restFilter)
    }
}
