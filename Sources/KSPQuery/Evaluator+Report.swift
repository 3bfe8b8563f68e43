import KSPCore

extension Evaluator {
    /// A name as it must be typed in a statement: quoted, inner quotes doubled.
    func q(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    func sub(_ statement: String) throws(EvaluationError) -> ResultTable {
        do { return try run(statement) } catch { throw subError(error, statement) }
    }

    /// A `rank` statement of the report's own, as figures.
    func subRankings(_ statement: String) throws(EvaluationError) -> Rankings {
        do {
            guard case let .rank(rank) = try Parser.parse(statement) else {
                throw EvaluationError(SourceRange(0, 0), "not a rank statement")
            }
            return try rankings(rank)
        } catch { throw subError(error, statement) }
    }

    func subAny(_ statement: String) throws(EvaluationError) -> StatementResult {
        do { return try runAny(statement) } catch { throw subError(error, statement) }
    }

    /// An error inside one of the report's own statements: its place is in that statement, not in
    /// what the user typed, so it is told with the statement and placed at the start.
    func subError(_ error: any Error, _ statement: String) -> EvaluationError {
        if let evaluation = error as? EvaluationError, evaluation.isInterruption { return evaluation }
        let message = (error as? any QueryDiagnostic)?.message ?? "\(error)"
        return EvaluationError(SourceRange(0, 0), "report: \(message) (in \(Token.clip(statement)))")
    }

    func report(_ r: ReportStatement) throws(EvaluationError) -> Report {
        let scope = try reportScope(r.filter)
        switch r.subject.value.lowercased() {
        case "participant":
            let p = try Dimension.participant.resolve(r.name, season)
            return try participantReport(p, scope)
        default:
            let c = try Dimension.class.resolve(r.name, season)
            return try classReport(c, scope)
        }
    }

    func participantReport(_ index: Int, _ scope: ReportScope) throws(EvaluationError) -> Report {
        let def = scope.definition
        let p = season.participants[index]
        let name = q(p.name), cls = q(p.className)
        let scored = def.areas.filter { $0.weight > 0 }.map(\.id)
        // CSAT, CES and NPS against the class too, where the season asks them.
        let cx = CXMetric.allCases.filter { [.csat, .ces, .nps].contains($0) && def.questionIndex(metric: $0) != nil }
        let metrics = (["total", "total_answered"] + scored + cx.map(\.rawValue)).joined(separator: ", ")
        let vsClass = try sub("compare participant \(name) vs class on \(metrics)\(scope.clause([]))")
        let vsAll = try sub("compare participant \(name) vs all on \(metrics)\(scope.clause([]))")
        // Headline: the participant, its class (without it) and everyone, with the class test.
        var headline = ResultTable(columns: [ResultColumn("metric", isDimension: true), ResultColumn(p.name), ResultColumn("class"),
                                             ResultColumn("all"), ResultColumn("diff"), ResultColumn("p"), ResultColumn("sig", isDimension: true, audience: .people), ResultColumn("n")],
                                   rows: [])
        for (k, row) in vsClass.rows.enumerated() {
            headline.rows.append([row[0], row[1], row[2], vsAll.rows[k][2], row[3], row[6], row[7], row[4]])
        }
        headline.notes = ["class = the rest of \(p.className) (\(p.name) left out); sig: * p < 0.05, ** p < 0.01 against the class"]
        var areaBars: [BarChart.Bar] = []
        for row in vsClass.rows.dropFirst(2) {
            if case let .text(id) = row[0].value, let area = def.areas.first(where: { $0.id == id }),
               case let .number(v?, _) = row[1].value, case let .number(n?, _) = row[4].value {
                areaBars.append(.init(label: area.name, value: v, base: Int(n)))
            }
        }
        let classTotal: Double? = { if case let .number(v, _) = vsClass.rows[0][2].value { return v } else { return nil } }()
        let chart = BarChart(title: "Areas of \(p.name)", bars: areaBars, reference: classTotal.map { ("\(p.className) total", $0) },
                             low: 0, high: 100, minBase: options.minBase)
        let participantClause = scope.clause(["participant = \(name)"])
        let channels = try sub("n, total, \(scored.joined(separator: ", ")) by channel\(participantClause)")
        // Questions furthest from the class (the compare table carries each question's text).
        let questions = try sub("compare participant \(name) vs class on questions\(scope.clause([]))")
        let diffColumn = questions.column(named: "diff") ?? 4
        func difference(_ row: [Cell]) -> Double? {
            if case let .number(value?, _) = row[diffColumn].value { return value }
            return nil
        }
        let sorted = questions.rows.filter { difference($0) != nil }.sorted { (difference($0) ?? 0) > (difference($1) ?? 0) }
        var extremes = ResultTable(columns: questions.columns, rows: Array(sorted.prefix(5)) + Array(sorted.suffix(5).reversed()), notes: [])
        extremes.columns[0].name = "question"
        if let a = questions.column(named: "a") { extremes.columns[a].name = p.name }
        if let b = questions.column(named: "b") { extremes.columns[b].name = "class" }
        extremes.notes = ["the five furthest above and the five furthest below the class"]
        // Waits and unanswered shares against what customers expect (each channel's full-points bound).
        var waits = try sub("n, noanswer, noanswer1, wait_median by channel\(participantClause)")
        waits.columns.append(ResultColumn("expected", isDimension: true))
        waits.columns.append(ResultColumn("within"))
        let mine = season.inquiries(ofParticipant: index).filter { scope.contains($0, season) }
        for k in waits.rows.indices {
            guard case let .text(chId) = waits.rows[k][0].value, let ch = season.definition.channelIndex(named: chId),
                  let bound = scope.fullPointsWait(channelId: chId) else { continue }
            let members = mine.filter { Int(season.inquiries.channel[$0]) == ch && season.inquiries.answered[$0] }
            let within = members.filter { season.inquiries.waitSeconds[$0] <= bound }.count
            waits.rows[k].append(.text("≤ " + WaitDuration.format(seconds: bound)))
            waits.rows[k].append(.number(members.isEmpty ? nil : Double(within) / Double(members.count) * 100, .percent))
        }
        // What customers expect is the season's own full-points wait per channel, not a fixed list.
        let expectations = def.channels.compactMap { channel in
            channel.brackets.first.map { "\(channel.id) ≤ \(WaitDuration.format(seconds: $0.bound))" }
        }
        waits.notes = ["expected: the wait that still gets full points on the channel in \(def.name) ("
                       + expectations.joined(separator: ", ")
                       + "); within: the share of answered inquiries that waited no longer"]
        let ranking = try subRankings("rank within class \(cls)\(scope.clause([]))")
        let rank = ranking.table
        let rankText: String = ranking.ranks.first { $0.participant == index }.map { mine in
            let interval = "\(mine.lowestRank)–\(mine.highestRank)"
            return "Rank \(mine.position) of \(ranking.ranks.count) in \(p.className); 95 % rank interval \(interval)"
                + " (bootstrap of its \(mine.base) inquiries)."
        } ?? "Not ranked."
        let trend = try subAny("trend total by month\(participantClause)")
        var trendChart: TrendChart?
        if case let .trend(c, _) = trend {
            var chart = c
            chart.title = "Total by month"
            chart.lines[0].label = p.name
            let classTrend = try subAny("trend total by month\(scope.clause(["class = \(cls)"]))")
            if case let .trend(cc, _) = classTrend, let line = cc.lines.first {
                let classValues = chart.periods.map { period in cc.periods.firstIndex(of: period).flatMap { line.values[$0] } }
                chart.lines.append(.init(label: p.className, values: classValues))
            }
            trendChart = chart
        }
        // Comments grouped by area (general comments first).
        var groups: [(area: String, items: [String])] = []
        let myComments = season.comments.filter {
            Int(season.inquiries.participant[$0.inquiry]) == index && scope.contains($0.inquiry, season)
        }
        let general = myComments.filter { $0.areaIndex == nil }.map(\.text)
        if !general.isEmpty { groups.append(("General", general)) }
        for (a, area) in season.definition.areas.enumerated() {
            let items = myComments.filter { $0.areaIndex == a }.map(\.text)
            if !items.isEmpty { groups.append((area.name, items)) }
        }
        let n = mine.count
        var sections: [Report.Section] = [
            .init(heading: "Total and areas against the class", blocks: [.table(headline), .bars(chart)]),
            .init(heading: "Results per channel", blocks: [.table(channels)]),
            .init(heading: "Questions furthest from the class", blocks: [.table(extremes)]),
            .init(heading: "Waits and unanswered inquiries per channel", blocks: [.table(waits)]),
            .init(heading: "Rank in the class", blocks: [.text(rankText), .table(rank)]),
        ]
        if let trendChart { sections.append(.init(heading: "Through the season", blocks: [.trend(trendChart)])) }
        sections.append(.init(heading: "The shoppers' own words", blocks: groups.isEmpty ? [.text("No comments.")] : [.quotes(groups)]))
        return Report(title: "\(p.name) — \(def.name)",
                      subtitle: "\(p.className) · \(n) inquiries · \(scope.dateRange(season))",
                      sections: sections)
    }

    func classReport(_ c: Int, _ scope: ReportScope) throws(EvaluationError) -> Report {
        let def = scope.definition
        let cls = q(season.classes[c])
        let scored = def.areas.filter { $0.weight > 0 }.map(\.id)
        // NPS beside the areas only where the season asks it.
        let areaMetrics = ["total"] + scored + (def.questionIndex(metric: .nps) == nil ? [] : ["nps"])
        let classClause = scope.clause(["class = \(cls)"])
        let rank = try sub("rank within class \(cls)\(scope.clause([]))")
        let areas = try sub("\(areaMetrics.joined(separator: ", ")) by participant\(classClause) order by total desc")
        let channels = try sub("total by participant\(classClause) across channel")
        let winners = try sub("winners\(scope.clause([]))")
        var classWinners = winners
        classWinners.rows = winners.rows.filter { $0[2].value == .text(season.classes[c]) }
        var chart: BarChart?
        if case let .bars(b, _) = try subAny("chart total by participant\(classClause)") { chart = b }
        var inClass = Set<Int>()
        var n = 0
        for i in 0..<season.inquiries.count where Int(season.inquiries.classIndex[i]) == c {
            guard scope.contains(i, season) else { continue }
            try checkCancelled(at: n)
            n += 1
            inClass.insert(Int(season.inquiries.participant[i]))
        }
        let members = inClass.count
        var first: [Report.Block] = [.table(rank)]
        if let chart { first.append(.bars(chart)) }
        return Report(title: "\(season.classes[c]) — \(def.name)", subtitle: "\(members) participants · \(n) inquiries",
                      sections: [
                        .init(heading: "Ranking", blocks: first),
                        .init(heading: "Areas per participant", blocks: [.table(areas)]),
                        .init(heading: "Results per channel", blocks: [.table(channels)]),
                        .init(heading: "Awards in the class", blocks: classWinners.rows.isEmpty ? [.text("No award in this class.")] : [.table(classWinners)]),
                      ])
    }
}
