import KSPCore

extension Evaluator {
    func report(_ statement: ReportStatement) throws(EvaluationError) -> Report {
        let scope = try reportScope(statement.filter)
        switch statement.subject.value.lowercased() {
        case "participant":
            let participant = try Dimension.participant.resolve(statement.name, season)
            return try participantReport(participant, scope)
        default:
            let classIndex = try Dimension.class.resolve(statement.name, season)
            return try classReport(classIndex, scope)
        }
    }

    /// The participant a report is about, within the report's season.
    struct ReportedParticipant {
        let index: Int
        let participant: Participant
        let scope: ReportScope
    }

    func participantReport(_ index: Int, _ scope: ReportScope) throws(EvaluationError) -> Report {
        let subject = ReportedParticipant(index: index, participant: season.participants[index], scope: scope)
        let definition = scope.definition
        var sections: [Report.Section] = [
            try headlineSection(subject),
            try channelSection(subject),
            try questionSection(subject),
            try waitSection(subject),
            try rankSection(subject),
        ]
        if let trend = try trendSection(subject) { sections.append(trend) }
        sections.append(commentSection(subject))
        let inquiryCount = inquiries(of: subject).count
        return Report(
            title: "\(subject.participant.name) — \(definition.name)",
            subtitle: "\(subject.participant.className) · \(inquiryCount) inquiries · "
                + scope.dateRange(season),
            sections: sections)
    }

    /// The participant's inquiries within the report's scope.
    func inquiries(of subject: ReportedParticipant) -> [Int] {
        season.inquiries(ofParticipant: subject.index).filter { subject.scope.contains($0, season) }
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

    /// Headline: the participant, its class (without it) and everyone, with the class test; the areas as bars.
    func headlineSection(_ subject: ReportedParticipant) throws(EvaluationError) -> Report.Section {
        let definition = subject.scope.definition
        let participant = subject.participant
        // CSAT, CES and NPS against the class too, where the season asks them.
        let cx = CXMetric.allCases.filter {
            [.csat, .ces, .nps].contains($0) && definition.questionIndex(metric: $0) != nil
        }
        let metrics: [Metric] = [.total, .totalAnswered] + scoredAreas(definition) + cx.map(Metric.cx)
        let vsClass = try comparison(participant: subject.index, against: .restOfClass, on: metrics, in: subject.scope)
        let vsAll = try comparison(participant: subject.index, against: .all, on: metrics, in: subject.scope)
        let columns = [
            ResultColumn("metric", isDimension: true), ResultColumn(participant.name), ResultColumn("class"),
            ResultColumn("all"), ResultColumn("diff"), ResultColumn("p"), ResultColumn("p_adj"),
            ResultColumn("sig", isDimension: true, audience: .people), ResultColumn("n"),
        ]
        var headline = ResultTable(columns: columns, rows: [])
        for (line, allLine) in zip(vsClass.lines, vsAll.lines) {
            let metric = line.metric
            headline.rows.append([
                .text(metric.id(in: season.definition)), cell(line.a, metric), cell(line.b, metric),
                cell(allLine.b, metric), line.diffCell, line.pCell, line.pAdjustedCell, line.sigCell,
                .count(line.a.base),
            ])
        }
        headline.notes = [
            .againstRestOfClass(
                participant: participant.name, className: participant.className, adjustment: vsClass.adjustment,
                testCount: vsClass.testCount)
        ]
        var areaBars: [BarChart.Bar] = []
        for line in vsClass.lines {
            guard case .area(let areaIndex) = line.metric, let value = line.a.value else { continue }
            let areaId = season.definition.areas[areaIndex].id
            if let area = definition.areas.first(where: { $0.id == areaId }) {
                areaBars.append(.init(label: area.name, value: value, base: line.a.base))
            }
        }
        let classTotal = vsClass.line(.total)?.b.value
        let chart = BarChart(
            title: "Areas of \(participant.name)", bars: areaBars,
            reference: classTotal.map { ("\(participant.className) total", $0) },
            low: 0, high: 100, minBase: options.minBase)
        return .init(heading: "Total and areas against the class", blocks: [.table(headline), .bars(chart)])
    }

    func channelSection(_ subject: ReportedParticipant) throws(EvaluationError) -> Report.Section {
        let metrics: [Metric] = [.n, .total] + scoredAreas(subject.scope.definition)
        let channels = try groupedFigures(metrics, by: .channel, inquiries(of: subject)).table
        return .init(heading: "Results per channel", blocks: [.table(channels)])
    }

    /// Questions furthest from the class (the compare table carries each question's text).
    func questionSection(_ subject: ReportedParticipant) throws(EvaluationError) -> Report.Section {
        let metrics = season.definition.questions.indices.map(Metric.question)
        let vsClass = try comparison(participant: subject.index, against: .restOfClass, on: metrics, in: subject.scope)
        let questions = comparisonTable(vsClass, aLabel: subject.participant.name, bLabel: "class")
        // Halves by sign: only questions above the class are "above", only those below are "below".
        let differences = questions.rows.indices.compactMap { row in vsClass.lines[row].diff.map { (row, $0) } }
        let above = differences.filter { $0.1 > 0 }.sorted { $0.1 > $1.1 }.prefix(5)
        let below = differences.filter { $0.1 < 0 }.sorted { $0.1 < $1.1 }.prefix(5)
        let rows = (above + below).map { questions.rows[$0.0] }
        var extremes = ResultTable(columns: questions.columns, rows: rows, notes: [])
        extremes.columns[0].name = "question"
        if let participantColumn = questions.column(named: "a") {
            extremes.columns[participantColumn].name = subject.participant.name
        }
        if let classColumn = questions.column(named: "b") { extremes.columns[classColumn].name = "class" }
        extremes.notes = [
            .furthestFromClass(
                aboveCount: above.count, belowCount: below.count, adjustment: vsClass.adjustment,
                testCount: vsClass.testCount)
        ]
        if vsClass.hasSmallBase { extremes.notes.append(.comparedSmallBase(minBase: options.minBase)) }
        return .init(heading: "Questions furthest from the class", blocks: [.table(extremes)])
    }

    /// Waits and unanswered shares against what customers expect (each channel's full-points bound).
    func waitSection(_ subject: ReportedParticipant) throws(EvaluationError) -> Report.Section {
        let definition = subject.scope.definition
        let participantInquiries = inquiries(of: subject)
        let figures = try groupedFigures([.n, .noanswer, .noanswer1, .waitMedian], by: .channel, participantInquiries)
        var waits = figures.table
        waits.columns.append(ResultColumn("expected", isDimension: true))
        waits.columns.append(ResultColumn("within"))
        for (k, channel) in figures.keys.enumerated() {
            let channelId = season.definition.channels[channel].id
            guard let bound = subject.scope.fullPointsWait(channelId: channelId) else { continue }
            let answered = participantInquiries.filter {
                Int(season.inquiries.channel[$0]) == channel && season.inquiries.answered[$0]
            }
            let within = answered.filter { season.inquiries.waitSeconds[$0] <= bound }.count
            waits.rows[k].append(.text("≤ " + WaitDuration.format(seconds: bound)))
            let share = answered.isEmpty ? nil : Double(within) / Double(answered.count) * 100
            waits.rows[k].append(.number(share, .percent))
        }
        // What customers expect is the season's own full-points wait per channel, not a fixed list.
        let expectations = definition.channels.compactMap { channel in
            channel.brackets.first.map { "\(channel.id) ≤ \(WaitDuration.format(seconds: $0.bound))" }
        }
        waits.notes = [
            "expected: the wait that still gets full points on the channel in \(definition.name) ("
                + expectations.joined(separator: ", ")
                + "); within: the share of answered inquiries that waited no longer"
        ].map(TableNote.text)
        return .init(heading: "Waits and unanswered inquiries per channel", blocks: [.table(waits)])
    }

    func rankSection(_ subject: ReportedParticipant) throws(EvaluationError) -> Report.Section {
        let participant = subject.participant
        let ranking = try classRankings(participant.classIndex, subject.scope)
        let rank = ranking.table
        let rankText: String =
            ranking.ranks.first { $0.participant == subject.index }.map { own in
                let interval = "\(own.lowestRank)–\(own.highestRank)"
                return
                    "Rank \(own.position) of \(ranking.ranks.count) in \(participant.className); 95 % rank interval \(interval)"
                    + " (bootstrap of its \(own.base) inquiries)."
            } ?? "Not ranked."
        return .init(heading: "Rank in the class", blocks: [.text(rankText), .table(rank)])
    }

    /// The month-by-month line against the class's; nil when there is no trend to draw.
    func trendSection(_ subject: ReportedParticipant) throws(EvaluationError) -> Report.Section? {
        let participantResult = try trend(.total, by: .month, rows: nil, inquiries(of: subject))
        guard case .trend(let participantTrend, _) = participantResult else { return nil }
        var chart = participantTrend
        chart.title = "Total by month"
        chart.lines[0].label = subject.participant.name
        let classInquiries = try inquiries(ofClass: subject.participant.classIndex, subject.scope)
        let classTrend = try trend(.total, by: .month, rows: nil, classInquiries)
        if case .trend(let classChart, _) = classTrend, let line = classChart.lines.first {
            let classValues = chart.periods.map { period in
                classChart.periods.firstIndex(of: period).flatMap { line.values[$0] }
            }
            chart.lines.append(.init(label: subject.participant.className, values: classValues))
        }
        return .init(heading: "Through the season", blocks: [.trend(chart)])
    }

    /// The shoppers' comments grouped by area (general comments first).
    func commentSection(_ subject: ReportedParticipant) -> Report.Section {
        var groups: [(area: String, items: [String])] = []
        let comments = season.comments.filter {
            Int(season.inquiries.participant[$0.inquiry]) == subject.index && subject.scope.contains($0.inquiry, season)
        }
        let general = comments.filter { $0.areaIndex == nil }.map(\.text)
        if !general.isEmpty { groups.append(("General", general)) }
        for (areaIndex, area) in season.definition.areas.enumerated() {
            let items = comments.filter { $0.areaIndex == areaIndex }.map(\.text)
            if !items.isEmpty { groups.append((area.name, items)) }
        }
        let blocks: [Report.Block] = groups.isEmpty ? [.text("No comments.")] : [.quotes(groups)]
        return .init(heading: "The shoppers' own words", blocks: blocks)
    }

    func classReport(_ classIndex: Int, _ scope: ReportScope) throws(EvaluationError) -> Report {
        let definition = scope.definition
        let className = season.classes[classIndex]
        // NPS beside the areas only where the season asks it.
        let nps: [Metric] = definition.questionIndex(metric: .nps) == nil ? [] : [.cx(.nps)]
        let rank = try classRankings(classIndex, scope).table
        let classInquiries = try inquiries(ofClass: classIndex, scope)
        var areas = try groupedFigures([.total] + scoredAreas(definition) + nps, by: .participant, classInquiries).table
        // Best first: the highest total at the top.
        if let totalColumn = areas.column(named: Metric.total.id(in: season.definition)) {
            sortRows(&areas, column: totalColumn, descending: true)
        }
        let channels = try crosstabFigures([.total], by: .participant, across: .channel, classInquiries)
        var seasonAwards = try awards(shownFor: try scopeInquiries(scope))
        seasonAwards.awards = seasonAwards.awards.filter {
            season.participants[$0.winner.participant].className == className
        }
        let classWinners = awardsTable(seasonAwards)
        var chart: BarChart?
        if case .bars(let bars, _) = try self.chart(.total, by: .participant, classInquiries) { chart = bars }
        let participantsInClass = Set(classInquiries.map { Int(season.inquiries.participant[$0]) })
        let inquiryCount = classInquiries.count
        var ranking: [Report.Block] = [.table(rank)]
        if let chart { ranking.append(.bars(chart)) }
        let awards: [Report.Block] =
            classWinners.rows.isEmpty
            ? [.text("No award in this class.")] : [.table(classWinners)]
        return Report(
            title: "\(className) — \(definition.name)",
            subtitle: "\(participantsInClass.count) participants · \(inquiryCount) inquiries",
            sections: [
                .init(heading: "Ranking", blocks: ranking),
                .init(heading: "Areas per participant", blocks: [.table(areas)]),
                .init(heading: "Results per channel", blocks: [.table(channels)]),
                .init(heading: "Awards in the class", blocks: awards),
            ])
    }
}
