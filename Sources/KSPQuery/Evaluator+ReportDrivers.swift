import KSPCore

/// What drives the outcome over a report's season (`drivers`, issue 14): the same for every report of one scope,
/// so a batch of reports works it out once (`ReportBatch.drivers`) instead of once a report — at 190 reports that
/// was three quarters of the batch's time.
public struct SeasonDrivers: Sendable {
    /// The outcome: NPS where the season asks it, else its first CX question; nil without either.
    let outcome: String?
    /// Each scored area's importance (its `drivers` point); nil when `drivers` cannot run.
    let points: [QuadrantChart.Point]?
}

extension Evaluator {
    /// The season's drivers for the reports of `scope`: `known` when a batch has worked them out already.
    func seasonDrivers(_ scope: ReportScope, known: SeasonDrivers?) throws(EvaluationError) -> SeasonDrivers {
        if let known { return known }
        return try seasonDrivers(scope)
    }

    /// The season's drivers for the reports of `scope`.
    func seasonDrivers(_ scope: ReportScope) throws(EvaluationError) -> SeasonDrivers {
        let definition = season.definition
        let outcome =
            definition.questionIndex(metric: .nps).map { _ in "nps" }
            ?? definition.questions.first { $0.metric != nil }?.metric?.rawValue
        guard let outcome else { return SeasonDrivers(outcome: nil, points: nil) }
        let statement = DriversStatement(
            outcome: Located(outcome, SourceRange(0, 0)), predictors: nil, filter: scope.seasonFilter(season))
        let attempt = try? drivers(statement)
        // A stop asked for while drivers ran is a stop, not a section without data.
        try checkCancelled()
        return SeasonDrivers(outcome: outcome, points: attempt?.chart.points)
    }

    /// The report's importance/performance quadrant (issue 14): how much each scored area drives the outcome over
    /// the season's inquiries (`drivers`), against how the report's subject performs on it (its own mean points).
    /// Without an outcome, or when `drivers` cannot run, the section says so instead.
    func driverSection(own: [Int], drivers: SeasonDrivers) -> Report.Section {
        let heading = Wording.phrase(.driversHeading)
        let definition = season.definition
        guard let outcome = drivers.outcome, let driverPoints = drivers.points else {
            return .init(heading: heading, blocks: [.text(.phrase(.driversUnavailable))])
        }
        var points: [QuadrantChart.Point] = []
        for point in driverPoints {
            guard let area = definition.areaIndex(id: point.label),
                let performance = season.figure(.area(area), over: own).value
            else { continue }
            points.append(
                QuadrantChart.Point(
                    label: definition.areas[area].name, performance: performance, importance: point.importance))
        }
        let outcomeName = Metric.named(outcome, in: definition).map { Wording.metric($0, in: definition) }
        let chart = QuadrantChart(title: outcome, points: points)
        return .init(
            heading: heading,
            blocks: [
                .quadrant(chart, title: .phrase(.driversChart, [outcomeName ?? .label(outcome)])),
                .text(.phrase(.driversNote, [outcomeName ?? .label(outcome)])),
            ])
    }
}

extension ReportScope {
    /// `where season = …` for the report's season when several are loaded; nil with one.
    func seasonFilter(_ season: Season) -> Filter? {
        guard let seasonKey else { return nil }
        let range = SourceRange(0, 0)
        return .comparison(
            field: Located("season", range), comparator: Located(.equal, range),
            value: Located(.text(season.seasons[seasonKey].name), range))
    }
}
