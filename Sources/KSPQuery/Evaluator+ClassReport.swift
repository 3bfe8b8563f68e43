import KSPCore

extension Evaluator {
    /// The class report, laid out as the participant report: page one's figures, the ranking with rank
    /// intervals, the areas per participant, the channels, the months and the quadrant.
    /// `drivers`: the season's drivers when a batch has worked them out already.
    func classReport(
        _ classIndex: Int, _ scope: ReportScope, _ language: ReportLanguage, drivers: SeasonDrivers? = nil
    ) throws(EvaluationError) -> Report {
        let definition = scope.definition
        let className = season.classes[classIndex]
        let classInquiries = try inquiries(ofClass: classIndex, scope)
        let allInquiries = try scopeInquiries(scope) ?? Array(0..<season.inquiries.count)
        let participantCount = Set(classInquiries.map { Int(season.inquiries.participant[$0]) }).count
        let rest = allInquiries.filter { Int(season.inquiries.classIndex[$0]) != classIndex }
        return Report(
            language: language,
            title: .phrase(.reportTitle, [.label(className), .label(definition.name)]),
            subtitle: [
                .phrase(.participantCount, [.count(participantCount)]),
                .phrase(.inquiryCount, [.count(classInquiries.count)]), scope.dateRange(season),
            ],
            sections: [
                try classSummarySection(classInquiries, against: rest, all: allInquiries, definition),
                try classRankingSection(classIndex, scope),
                try classAreaSection(classInquiries, definition).startingPage(),
                try channelWaitSection(classInquiries, scope),
                try classMonthSection(classInquiries, label: .label(className), all: allInquiries),
                driverSection(own: classInquiries, drivers: try seasonDrivers(scope, known: drivers)),
            ])
    }

    /// The class against the other classes and everyone, area by area.
    func classSummarySection(
        _ classInquiries: [Int], against rest: [Int], all allInquiries: [Int], _ definition: SeasonDefinition
    ) throws(EvaluationError) -> Report.Section {
        let metrics: [Metric] = [.total, .totalAnswered, .noanswer] + scoredAreas(definition)
        let vsRest = try comparison(metrics, classInquiries, rest)
        let vsAll = try comparison(metrics, classInquiries, allInquiries)
        let arrows = differences(vsRest.lines)
        var table = ReportTable(
            heading: nil,
            columns: [
                .text(.columnArea),
                .number(.columnClass),
                .number(.columnAll),
                .number(.columnDifferenceAll),
                .number(.columnBase),
            ],
            rows: [])
        for (k, line) in vsRest.lines.enumerated() {
            table.rows.append([
                .words(.metric(line.metric, in: season.definition)), reportCell(line.a, line.metric, arrows[k]),
                reportCell(vsAll.lines[k].b, line.metric), .cell(vsAll.lines[k].diffCell),
                .cell(.count(line.a.base)),
            ])
        }
        table.notes = [.phrase(.significanceNoteClass), .phrase(.smallBaseNote, [.count(options.minBase)])]
        var figures: [KeyFigure] = []
        if let total = vsRest.line(.total) { figures.append(totalKeyFigure(total, difference: arrows[0])) }
        if let total = vsAll.line(.total) { figures.append(groupTotalKeyFigure(.summaryAll, total.b)) }
        return .init(heading: .phrase(.summaryHeading), blocks: [.keyFigures(figures), .table(table)])
    }

    /// The class's participants by total, each with its rank interval, and as bars.
    func classRankingSection(_ classIndex: Int, _ scope: ReportScope) throws(EvaluationError) -> Report.Section {
        let ranking = try classRankings(classIndex, scope)
        var table = ReportTable(
            heading: nil,
            columns: [
                .number(.columnPlace),
                .text(.columnParticipant),
                .number(.metricTotal),
                .number(.columnRankInterval),
                .number(.columnBase),
            ],
            rows: [])
        var bars: [BarChart.Bar] = []
        for rank in ranking.ranks {
            let name = season.participants[rank.participant].name
            table.rows.append([
                .cell(.count(rank.position)), .words(.label(name)), .cell(.number(rank.value, .score)),
                .cell(
                    Cell(
                        .interval(FigureInterval(low: Double(rank.lowestRank), high: Double(rank.highestRank)), .count))
                ),
                .cell(.count(rank.base)),
            ])
            bars.append(.init(label: name, value: rank.value, base: rank.base))
        }
        let chart = BarChart(title: "", bars: bars, reference: nil, low: 0, high: 100, minBase: options.minBase)
        return .init(
            heading: .phrase(.rankingHeading),
            blocks: [.table(table), .bars(chart, title: .phrase(.classTotalChart), reference: nil)])
    }

    /// Every participant of the class with its total and its scored areas, best first.
    func classAreaSection(_ classInquiries: [Int], _ definition: SeasonDefinition) throws(EvaluationError)
        -> Report.Section
    {
        let metrics: [Metric] = [.total] + scoredAreas(definition)
        var table = ReportTable(
            heading: nil,
            columns: [.text(.columnParticipant)]
                + metrics.map { .init(header: .metric($0, in: season.definition), isText: false) },
            rows: [])
        let participants = try groups([.participant], classInquiries)
        let rows = participants.map { group in
            (total: season.figure(.total, over: group.inquiries).value ?? -1, group: group)
        }
        for (_, group) in rows.sorted(by: { $0.total > $1.total }) {
            table.rows.append(
                [.words(.label(season.participants[group.key.first].name))]
                    + metrics.map { reportCell(season.figure($0, over: group.inquiries), $0) })
        }
        table.notes = [.phrase(.smallBaseNote, [.count(options.minBase)])]
        return .init(heading: .phrase(.classAreasHeading), blocks: [.table(table)])
    }

    /// The class's total month by month against everyone's, with each month's base.
    func classMonthSection(_ classInquiries: [Int], label: Wording, all allInquiries: [Int])
        throws(EvaluationError) -> Report.Section
    {
        let months = try groups([.month], allInquiries)
        let inClass = Set(classInquiries)
        func line(_ label: Wording, _ inquiries: [[Int]]) -> MonthSeries.Line {
            let figures = inquiries.map { season.figure(.total, over: $0) }
            return .init(label: label, values: figures.map(\.value), bases: figures.map(\.base))
        }
        let series = MonthSeries(
            title: .phrase(.seasonChart),
            periods: months.map { Dimension.month.label($0.key.first, season) },
            lines: [
                line(label, months.map { $0.inquiries.filter { inClass.contains($0) } }),
                line(.phrase(.summaryAll), months.map(\.inquiries)),
            ],
            minBase: options.minBase)
        return .init(
            heading: .phrase(.seasonHeading),
            blocks: [.months(series), .text(.phrase(.seasonNote, [.count(options.minBase)]))])
    }
}
