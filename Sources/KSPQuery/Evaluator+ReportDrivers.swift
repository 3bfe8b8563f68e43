import KSPCore

extension Evaluator {
    /// The report's importance/performance quadrant (issue 14): how much each scored area drives the outcome over
    /// the season's inquiries (`drivers`), against how the report's subject performs on it (its own mean points).
    /// The outcome is NPS where the season asks it, else its first CX question; without either, or when
    /// `drivers` cannot run, the section says so instead.
    func driverSection(own: [Int], scope: ReportScope) throws(EvaluationError) -> Report.Section {
        let heading = Wording.phrase(.driversHeading)
        let definition = season.definition
        let outcome =
            definition.questionIndex(metric: .nps).map { _ in "nps" }
            ?? definition.questions.first { $0.metric != nil }?.metric?.rawValue
        guard let outcome else { return .init(heading: heading, blocks: [.text(.phrase(.driversUnavailable))]) }
        let statement = DriversStatement(
            outcome: Located(outcome, SourceRange(0, 0)), predictors: nil, filter: scope.seasonFilter(season))
        let attempt = try? drivers(statement)
        // A stop asked for while drivers ran is a stop, not a section without data.
        try checkCancelled()
        guard let result = attempt else {
            return .init(heading: heading, blocks: [.text(.phrase(.driversUnavailable))])
        }
        var points: [QuadrantChart.Point] = []
        for point in result.chart.points {
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
