import Foundation
import KSPCore

extension Evaluator {
    func report(_ statement: ReportStatement) throws(EvaluationError) -> Report {
        let scope = try reportScope(statement.filter)
        let language = reportLanguage(statement, scope)
        switch statement.subject.value.lowercased() {
        case "participant":
            let participant = try Dimension.participant.resolve(statement.name, season)
            return try participantReport(participant, scope, language)
        default:
            let classIndex = try Dimension.class.resolve(statement.name, season)
            return try classReport(classIndex, scope, language)
        }
    }

    /// `report … lang en` first, then `.lang`/`--lang`, then the season's own `language:`.
    func reportLanguage(_ statement: ReportStatement, _ scope: ReportScope) -> ReportLanguage {
        statement.language.flatMap { ReportLanguage(rawValue: $0.value.lowercased()) } ?? options.language
            ?? scope.definition.language ?? ReportLanguage.fallback
    }

    /// The participant a report is about, within the report's season.
    struct ReportedParticipant {
        let index: Int
        let participant: Participant
        let scope: ReportScope
        /// Its inquiries in the report's season.
        let inquiries: [Int]
        /// The rest of its class in the report's season (the participant left out).
        let restOfClass: [Int]
    }

    /// `drivers`: the season's drivers when a batch has worked them out already.
    func participantReport(
        _ index: Int, _ scope: ReportScope, _ language: ReportLanguage, drivers: SeasonDrivers? = nil
    ) throws(EvaluationError) -> Report {
        let participant = season.participants[index]
        let own = season.inquiries(ofParticipant: index).filter { scope.contains($0, season) }
        let rest = try inquiries(ofClass: participant.classIndex, scope).filter {
            Int(season.inquiries.participant[$0]) != index
        }
        let subject = ReportedParticipant(
            index: index, participant: participant, scope: scope, inquiries: own, restOfClass: rest)
        var sections: [Report.Section] = [
            try summarySection(subject),
            try areaQuestionSection(subject).startingPage(),
            try channelWaitSection(own, scope),
            try whatItTakesSection(subject),
            try monthSection(subject),
        ]
        sections.append(driverSection(own: own, drivers: try seasonDrivers(scope, known: drivers)))
        sections.append(commentSection(subject))
        return Report(
            language: language,
            title: .phrase(.reportTitle, [.label(participant.name), .label(scope.definition.name)]),
            subtitle: [
                .label(participant.className), .phrase(.inquiryCount, [.count(own.count)]),
                scope.dateRange(season),
            ],
            sections: sections)
    }

    /// The inquiries of a report's season; nil when it is the only one loaded (every inquiry).
    func scopeInquiries(_ scope: ReportScope) throws(EvaluationError) -> [Int]? {
        guard scope.seasonKey != nil else { return nil }
        var inquiries: [Int] = []
        for i in 0..<season.inquiries.count where scope.contains(i, season) {
            try checkCancelled(at: i)
            inquiries.append(i)
        }
        return inquiries
    }

    /// The inquiries of a class within a report's season.
    func inquiries(ofClass classIndex: Int, _ scope: ReportScope) throws(EvaluationError) -> [Int] {
        var classInquiries: [Int] = []
        for i in 0..<season.inquiries.count where Int(season.inquiries.classIndex[i]) == classIndex {
            try checkCancelled(at: i)
            if scope.contains(i, season) { classInquiries.append(i) }
        }
        return classInquiries
    }

    /// The class's participants ranked by total within the report's season.
    func classRankings(_ classIndex: Int, _ scope: ReportScope) throws(EvaluationError) -> Rankings {
        let classInquiries = try inquiries(ofClass: classIndex, scope)
        var within = "\(Dimension.class.rawValue) \(Dimension.class.label(classIndex, season))"
        // As `rank` says it: the season is named when several are loaded and the class has inquiries in it.
        if let seasonKey = scope.seasonKey, !classInquiries.isEmpty {
            within += " in \(season.seasons[seasonKey].name)"
        }
        return try rankings(.total, over: classInquiries, within: within)
    }

    /// The areas that count towards the total, as metrics of the loaded seasons.
    func scoredAreas(_ definition: SeasonDefinition) -> [Metric] {
        scoredAreaIds(definition).compactMap { season.definition.areaIndex(id: $0) }.map(Metric.area)
    }

    /// The areas that count towards the total.
    func scoredAreaIds(_ definition: SeasonDefinition) -> [String] {
        definition.areas.filter { $0.weight > 0 }.map(\.id)
    }

    /// Which lines of a comparison differ significantly, and which way: each line's own test, with Holm's
    /// correction over the lines read together (as `Significance.markers` holds a table's cells), so that a
    /// page of arrows does not invite the reader to read noise. A line on a small base gets no arrow.
    func differences(_ lines: [Comparison.Line]) -> [SignificantDifference?] {
        let pValues = lines.map { line -> Double? in
            guard !line.isSmallBase, line.diff != nil else { return nil }
            return line.test?.p
        }
        return zip(lines, PValueAdjustment.holm.adjusted(pValues)).map { line, adjusted in
            guard let adjusted, adjusted < Significance.alpha else { return nil }
            return (line.diff ?? 0) > 0 ? .above : .below
        }
    }

    /// Totalresultat as page one shows it: the figure, its 95 % interval and its arrow.
    func totalKeyFigure(_ total: Comparison.Line, difference: SignificantDifference?) -> KeyFigure {
        var quantiles: [Int: Double] = [:]
        let interval = Significance.interval(total.a, .total, range: valueRange(.total), quantiles: &quantiles)
        return KeyFigure(
            label: .phrase(.metricTotal), value: .number(total.a.value, .score),
            detail: interval.map { .phrase(.summaryInterval, [.number($0.low, .score), .number($0.high, .score)]) },
            difference: difference)
    }

    /// A group compared with on page one (the class, everyone): its Totalresultat and its inquiries.
    func groupTotalKeyFigure(_ label: Phrase, _ total: Figure) -> KeyFigure {
        KeyFigure(
            label: .phrase(label), value: .number(total.value, .score),
            detail: .phrase(.inquiryCount, [.count(total.base)]))
    }

    /// A figure as a report's cell: its number, small-base mark and arrow.
    func reportCell(_ figure: Figure, _ metric: Metric, _ difference: SignificantDifference? = nil)
        -> ReportTable.Entry
    {
        var cell = self.cell(figure, metric)
        cell.flags.formUnion(CellFlags(difference))
        return .cell(cell)
    }

    /// Page one: Totalresultat with its interval, the rank with its interval, the class and everyone, each area
    /// against the class, Score for besvarte and the no-answer share.
    func summarySection(_ subject: ReportedParticipant) throws(EvaluationError) -> Report.Section {
        let definition = subject.scope.definition
        let cx = CXMetric.allCases.filter {
            [.csat, .ces, .nps].contains($0) && definition.questionIndex(metric: $0) != nil
        }
        let areas = scoredAreas(definition)
        let metrics: [Metric] = [.total, .totalAnswered, .noanswer] + areas + cx.map(Metric.cx)
        let vsClass = try comparison(metrics, subject.inquiries, subject.restOfClass)
        let allInquiries = try scopeInquiries(subject.scope) ?? Array(0..<season.inquiries.count)
        let vsAll = try comparison(metrics, subject.inquiries, allInquiries)
        var figures: [KeyFigure] = []
        if let total = vsClass.line(.total) {
            figures.append(totalKeyFigure(total, difference: differences([total])[0]))
        }
        let ranking = try classRankings(subject.participant.classIndex, subject.scope)
        if let own = ranking.ranks.first(where: { $0.participant == subject.index }) {
            figures.append(
                KeyFigure(
                    label: .phrase(.summaryRank, [.label(subject.participant.className)]),
                    value: .phrase(.columnRank, [.count(own.position), .count(ranking.ranks.count)]),
                    detail: .phrase(.summaryRankInterval, [.count(own.lowestRank), .count(own.highestRank)])))
        } else {
            // Below the award minimum it does not compete; the reader is told why, with the counts.
            let unranked = ranking.unranked.first { $0.participant == subject.index }
            figures.append(
                KeyFigure(
                    label: .phrase(.summaryRank, [.label(subject.participant.className)]),
                    value: .label("–"),
                    detail: .phrase(
                        .summaryNotRanked,
                        [.count(unranked?.seasonInquiries ?? 0), .count(ranking.awardMinimum)])))
        }
        if let total = vsClass.line(.total) { figures.append(groupTotalKeyFigure(.summaryClass, total.b)) }
        if let total = vsAll.line(.total) { figures.append(groupTotalKeyFigure(.summaryAll, total.b)) }
        for metric in [Metric.totalAnswered, .noanswer] {
            guard let line = vsClass.line(metric) else { continue }
            figures.append(
                KeyFigure(
                    label: .metric(metric, in: season.definition),
                    value: .number(line.a.value, metric == .noanswer ? .percent : .score),
                    detail: .phrase(.classValue, [.number(line.b.value, metric == .noanswer ? .percent : .score)]),
                    difference: differences([line])[0]))
        }
        let shown = vsClass.lines.filter { ![.totalAnswered, .noanswer].contains($0.metric) }
        let arrows = differences(shown)
        var table = ReportTable(
            heading: nil,
            columns: [
                .text(.columnArea), .number(.columnOwn),
                .number(.columnClass), .number(.columnAll),
                .number(.columnDifference),
                .number(.columnBase),
            ],
            rows: [])
        for (k, line) in shown.enumerated() {
            let allLine = vsAll.line(line.metric)
            table.rows.append([
                .words(.metric(line.metric, in: season.definition)), reportCell(line.a, line.metric, arrows[k]),
                reportCell(line.b, line.metric), allLine.map { reportCell($0.b, line.metric) } ?? .words(.label("")),
                .cell(line.diffCell), .cell(.count(line.a.base)),
            ])
        }
        table.notes = [
            .phrase(.summaryClassMeaning, [.label(subject.participant.name), .label(subject.participant.className)]),
            .phrase(.significanceNote), .phrase(.smallBaseNote, [.count(options.minBase)]),
        ]
        var bars: [BarChart.Bar] = []
        for line in vsClass.lines {
            guard case .area(let area) = line.metric, let value = line.a.value else { continue }
            bars.append(.init(label: season.definition.areas[area].name, value: value, base: line.a.base))
        }
        let classTotal = vsClass.line(.total)?.b.value
        let chart = BarChart(
            title: subject.participant.name, bars: bars, reference: classTotal.map { ("", $0) }, low: 0, high: 100,
            minBase: options.minBase)
        return .init(
            heading: .phrase(.summaryHeading),
            blocks: [
                .keyFigures(figures), .table(table),
                .bars(
                    chart, title: .phrase(.areasAgainstClassChart, [.label(subject.participant.name)]),
                    reference: classTotal.map { _ in
                        .phrase(.classTotalReference, [.label(subject.participant.className)])
                    }),
            ])
    }

    /// Every area with questions, its questions by their text: own against the class and everyone, with bases.
    func areaQuestionSection(_ subject: ReportedParticipant) throws(EvaluationError) -> Report.Section {
        let definition = season.definition
        let allInquiries = try scopeInquiries(subject.scope) ?? Array(0..<season.inquiries.count)
        var blocks: [Report.Block] = [.text(.phrase(.areasNote))]
        // One family: every question compared is corrected together (Holm), not area by area, so a report
        // of many questions does not invite reading noise (issue 15's null simulation).
        let everyQuestion = definition.questions.indices.filter {
            subject.scope.definition.questionIndex(id: definition.questions[$0].id) != nil
        }.map(Metric.question)
        let everyLine = try comparison(everyQuestion, subject.inquiries, subject.restOfClass).lines
        let arrowOf = Dictionary(
            zip(everyLine.map(\.metric), differences(everyLine)), uniquingKeysWith: { first, _ in first })
        for (areaIndex, area) in definition.areas.enumerated() {
            let questions = definition.questions.indices.filter {
                definition.questions[$0].areaIndex == areaIndex
                    && subject.scope.definition.questionIndex(id: definition.questions[$0].id) != nil
            }
            guard !questions.isEmpty else { continue }
            let metrics = questions.map(Metric.question)
            let vsClass = try comparison(metrics, subject.inquiries, subject.restOfClass)
            let vsAll = try comparison(metrics, subject.inquiries, allInquiries)
            let arrows = vsClass.lines.map { arrowOf[$0.metric] ?? nil }
            let scored = subject.scope.definition.areas.first { $0.id == area.id }.map { $0.weight > 0 } ?? false
            var table = ReportTable(
                heading: scored ? .label(area.name) : .phrase(.areaNotScored, [.label(area.name)]),
                columns: [
                    .text(.columnQuestion),
                    .number(.columnOwn),
                    .number(.columnClass),
                    .number(.columnAll),
                    .number(.columnBase),
                ],
                rows: [])
            for (k, line) in vsClass.lines.enumerated() {
                table.rows.append([
                    .words(.metric(line.metric, in: definition)), reportCell(line.a, line.metric, arrows[k]),
                    reportCell(line.b, line.metric), reportCell(vsAll.lines[k].b, line.metric),
                    .cell(.count(line.a.base)),
                ])
            }
            blocks.append(.table(table))
        }
        return .init(heading: .phrase(.areasHeading), blocks: blocks)
    }

    /// Per channel: inquiries, Totalresultat, the no-answer share and the wait against the wait that still
    /// gets full points on the channel.
    func channelWaitSection(_ inquiries: [Int], _ scope: ReportScope) throws(EvaluationError) -> Report.Section {
        let metrics: [Metric] = [.n, .total, .noanswer, .waitMedian]
        var table = ReportTable(
            heading: nil,
            columns: [
                .text(.columnChannel),
                .number(.metricInquiries),
                .number(.metricTotal),
                .number(.metricNoAnswer),
                .number(.metricWaitMedian),
                .number(.columnFullPointsWait),
                .number(.columnWithin),
            ],
            rows: [])
        for group in try groups([.channel], inquiries) {
            let channel = group.key.first
            var row: [ReportTable.Entry] = [.words(.label(season.definition.channels[channel].name))]
            for metric in metrics { row.append(reportCell(season.figure(metric, over: group.inquiries), metric)) }
            let bound = scope.fullPointsWait(channelId: season.definition.channels[channel].id)
            let answered = group.inquiries.filter { season.inquiries.answered[$0] }
            let within = bound.map { limit in answered.filter { season.inquiries.waitSeconds[$0] <= limit }.count }
            row.append(.words(bound.map { .phrase(.atMost, [.number($0, .seconds)]) } ?? .label("")))
            let share = within.flatMap { answered.isEmpty ? nil : Double($0) / Double(answered.count) * 100 }
            row.append(.cell(.number(share, .percent)))
            table.rows.append(row)
        }
        table.notes = [.phrase(.channelsNote, [.label(scope.definition.name)])]
        return .init(heading: .phrase(.channelsHeading), blocks: [.table(table)])
    }

    /// "Hva som skal til": the questions where the class winner's level would add most to the total, by
    /// `GapCalculator.gap` (the `gap` statement's arithmetic).
    func whatItTakesSection(_ subject: ReportedParticipant) throws(EvaluationError) -> Report.Section {
        let heading = Wording.phrase(.whatItTakesHeading)
        let pool = try scopeInquiries(subject.scope) ?? Array(0..<season.inquiries.count)
        guard
            let target = try? classWinner(
                of: subject.index, pool: pool, scoring: subject.scope.definition, range: SourceRange(0, 0))
        else {
            return .init(heading: heading, blocks: [.text(.phrase(.whatItTakesUnavailable))])
        }
        try checkCancelled()
        let analysis = GapCalculator.gap(
            season, scoring: subject.scope.definition, own: subject.inquiries, target: target.inquiries)
        let targetName = Wording.label(season.participants[target.participant].name)
        let intro = Wording.phrase(
            target.isRunnerUp ? .whatItTakesToRunnerUp : .whatItTakesToWinner,
            [targetName, .number(analysis.targetTotal, .score), .number(analysis.ownTotal, .score)])
        let helping = analysis.items.filter { $0.gain > 0.05 }.sorted { $0.gain > $1.gain }.prefix(8)
        guard !helping.isEmpty else {
            return .init(heading: heading, blocks: [.text(intro), .text(.phrase(.whatItTakesNone))])
        }
        let definition = season.definition
        var table = ReportTable(
            heading: nil,
            columns: [
                .text(.columnQuestion),
                .text(.columnArea),
                .number(.columnOwn),
                .init(header: .phrase(.columnTarget, [targetName]), isText: false),
                .number(.columnGain),
            ],
            rows: [])
        for item in helping {
            let style: NumberStyle = item.subject == .answering ? .percent : .score
            let what: Wording
            switch item.subject {
            case .question(let q): what = .label(definition.questions[q].text)
            case .wait: what = .phrase(.gapWait)
            case .answering: what = .phrase(.gapAnswering)
            }
            table.rows.append([
                .words(what), .words(item.area.map { .label(definition.areas[$0].name) } ?? .label("")),
                .cell(.number(item.ownPoints, style)), .cell(.number(item.targetPoints, style)),
                .cell(.number(item.gain, .difference)),
            ])
        }
        table.notes = [.phrase(.whatItTakesNote)]
        return .init(heading: heading, blocks: [.text(intro), .table(table)])
    }

    /// The participant's and its class's total month by month, each month with its base.
    func monthSection(_ subject: ReportedParticipant) throws(EvaluationError) -> Report.Section {
        let heading = Wording.phrase(.seasonHeading)
        let classInquiries = try inquiries(ofClass: subject.participant.classIndex, subject.scope)
        let classMonths = try groups([.month], classInquiries)
        guard !classMonths.isEmpty else { return .init(heading: heading, blocks: [.text(.phrase(.seasonNoMonths))]) }
        let ownMonths = Dictionary(
            try groups([.month], subject.inquiries).map { ($0.key.first, $0.inquiries) },
            uniquingKeysWith: { first, _ in first })
        func line(_ label: Wording, _ months: [[Int]]) -> MonthSeries.Line {
            let figures = months.map { season.figure(.total, over: $0) }
            return .init(label: label, values: figures.map(\.value), bases: figures.map(\.base))
        }
        let series = MonthSeries(
            title: .phrase(.seasonChart),
            periods: classMonths.map { Dimension.month.label($0.key.first, season) },
            lines: [
                line(.label(subject.participant.name), classMonths.map { ownMonths[$0.key.first] ?? [] }),
                line(.label(subject.participant.className), classMonths.map(\.inquiries)),
            ],
            minBase: options.minBase)
        return .init(
            heading: heading,
            blocks: [.months(series), .text(.phrase(.seasonNote, [.count(options.minBase)]))])
    }

    /// The shoppers' comments grouped by area (general ones first), most recent first, each text once.
    func commentSection(_ subject: ReportedParticipant) -> Report.Section {
        let columns = season.inquiries
        let comments = season.comments.filter {
            Int(columns.participant[$0.inquiry]) == subject.index && subject.scope.contains($0.inquiry, season)
        }
        .sorted { columns.contactedAt[$0.inquiry] > columns.contactedAt[$1.inquiry] }
        func distinct(_ texts: [String]) -> [String] {
            var seen = Set<String>()
            return texts.filter {
                seen.insert($0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()).inserted
            }
        }
        var groups: [QuoteGroup] = []
        let general = distinct(comments.filter { $0.areaIndex == nil }.map(\.text))
        if !general.isEmpty { groups.append(QuoteGroup(area: .phrase(.commentsGeneral), items: general)) }
        for (areaIndex, area) in season.definition.areas.enumerated() {
            let items = distinct(comments.filter { $0.areaIndex == areaIndex }.map(\.text))
            if !items.isEmpty { groups.append(QuoteGroup(area: .label(area.name), items: items)) }
        }
        let blocks: [Report.Block] = groups.isEmpty ? [.text(.phrase(.commentsNone))] : [.quotes(groups)]
        return .init(heading: .phrase(.commentsHeading), blocks: blocks)
    }
}
