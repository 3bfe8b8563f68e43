import KSPCore

/// The season a report is about. A report is one season's: the latest loaded, or the one named
/// with `where season = …`; with one season loaded it is that season.
struct ReportScope {
    /// The season's index among those loaded side by side; nil when only one is loaded.
    var seasonKey: Int?
    /// The season's own definition (its areas, channels and CX questions).
    var definition: SeasonDefinition
    func contains(_ inquiry: Int, _ season: Season) -> Bool {
        guard let seasonKey else { return true }
        return Int(season.inquiries.season[inquiry]) == seasonKey
    }

    /// The wait that still gets full points on a channel in this season.
    func fullPointsWait(channelId: String) -> Double? {
        guard let channel = definition.channelIndex(named: channelId) else { return nil }
        return definition.channels[channel].brackets.first?.bound
    }

    /// The first and last contact in the season, as a report's subtitle says them.
    func dateRange(_ season: Season) -> Wording {
        guard let dates = dates(season) else { return .label("") }
        return .phrase(.dateRange, [.date(dates.first), .date(dates.last)])
    }

    /// The days of the first and last contact in the season; nil when it has no inquiry.
    func dates(_ season: Season) -> (first: CivilDate, last: CivilDate)? {
        guard seasonKey != nil else { return season.dateRange }
        var first: Int64?
        var last: Int64?
        for i in 0..<season.inquiries.count where contains(i, season) {
            let contacted = season.inquiries.contactedAt[i]
            first = min(first ?? contacted, contacted)
            last = max(last ?? contacted, contacted)
        }
        guard let first, let last else { return nil }
        return (LocalDateTime(secondsSinceEpoch: first).date, LocalDateTime(secondsSinceEpoch: last).date)
    }
}

extension Evaluator {
    /// The season of a report: `where season = …` names it, else the latest loaded.
    func reportScope(_ filter: Filter?) throws(EvaluationError) -> ReportScope {
        var key = season.seasons.count > 1 ? season.seasons.count - 1 : nil
        if let filter {
            guard case .comparison(let field, let comparator, let value) = filter,
                Dimension.named(field.value) == .season,
                comparator.value == .equal
            else {
                let names = season.seasons.map { quoteIfNeeded($0.name) }.joined(separator: ", ")
                throw EvaluationError(
                    Evaluator.range(of: filter), "a report is one season's; expected where season = …",
                    hint: "season names: " + names)
            }
            let named = try Dimension.season.resolve(value, season)
            key = season.seasons.count > 1 ? named : nil
        }
        guard let key else { return ReportScope(seasonKey: nil, definition: season.definition) }
        return ReportScope(seasonKey: key, definition: season.seasons[key].definition)
    }

    /// Where a filter was written (its first condition), for an error about the whole clause.
    static func range(of filter: Filter) -> SourceRange {
        switch filter {
        case .and(let parts), .or(let parts): return parts.first.map { range(of: $0) } ?? SourceRange(0, 0)
        case .not(let inner): return range(of: inner)
        case .comparison(let field, _, let value): return SourceRange(field.range.start, value.range.end)
        case .membership(let field, _, _): return field.range
        case .answered(let range), .soFar(let range): return range
        case .contains(let text): return text.range
        }
    }
}
