import KSPCore

extension Evaluator {
    /// A name as it must be typed in a statement: quoted, inner quotes doubled.
    func q(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    func sub(_ statement: String) throws(EvaluationError) -> ResultTable {
        do { return try run(statement) } catch let e as EvaluationError { throw e } catch {
            throw EvaluationError(SourceRange(0, 0), "report: \(error)")
        }
    }

    func subAny(_ statement: String) throws(EvaluationError) -> StatementResult {
        do { return try runAny(statement) } catch let e as EvaluationError { throw e } catch {
            throw EvaluationError(SourceRange(0, 0), "report: \(error)")
        }
    }

    func report(_ r: ReportStatement) throws(EvaluationError) -> Report {
        switch r.subject.value.lowercased() {
        case "participant":
            let p = try Dimension.participant.resolve(r.name, season)
            return try participantReport(p)
        default:
            let c = try Dimension.class.resolve(r.name, season)
            return try classReport(c)
        }
    }

    func participantReport(_ index: Int) throws(EvaluationError) -> Report {
        let def = season.definition
        let p = season.participants[index]
        let name = q(p.name), cls = q(p.className)
        let scored = def.areas.filter { $0.weight > 0 }.map(\.id)
        let metrics = (["total", "total_answered"] + scored).joined(separator: ", ")
        let vsClass = try sub("compare participant \(name) vs class on \(metrics)")
        let vsAll = try sub("compare participant \(name) vs all on \(metrics)")
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
            if case let .text(id) = row[0].value, case let .number(v?, _) = row[1].value, case let .number(n?, _) = row[4].value {
                areaBars.append(.init(label: def.areas.first { $0.id == id }?.name ?? id, value: v, base: Int(n)))
            }
        }
        let classTotal: Double? = { if case let .number(v, _) = vsClass.rows[0][2].value { return v } else { return nil } }()
        let chart = BarChart(title: "Areas of \(p.name)", bars: areaBars, reference: classTotal.map { ("\(p.className) total", $0) },
                             low: 0, high: 100, minBase: options.minBase)
        let channels = try sub("n, total, \(scored.joined(separator: ", ")) by channel where participant = \(name)")
        // Questions furthest from the class.
        let questions = try sub("compare participant \(name) vs class on questions")
        let sorted = questions.rows.filter { if case .number(_?, _) = $0[3].value { return true } else { return false } }
            .sorted { a, b in
                guard case let .number(x?, _) = a[3].value, case let .number(y?, _) = b[3].value else { return false }
                return x > y
            }
        var extremes = ResultTable(columns: questions.columns, rows: Array(sorted.prefix(5)) + Array(sorted.suffix(5).reversed()), notes: [])
        extremes.columns[0].name = "question"
        extremes.columns[1].name = p.name
        extremes.columns[2].name = "class"
        let questionText = Dictionary(uniqueKeysWithValues: def.questions.map { ($0.id, $0.text) })
        let questionNotes = extremes.rows.compactMap { r -> String? in
            if case let .text(id) = r[0].value, let t = questionText[id] { return "\(id): \(t)" }
            return nil
        }
        extremes.notes = ["the five furthest above and the five furthest below the class"] + questionNotes
        // Waits and unanswered shares against what customers expect (each channel's full-points bound).
        var waits = try sub("n, noanswer, noanswer1, wait_median by channel where participant = \(name)")
        waits.columns.append(ResultColumn("expected", isDimension: true))
        waits.columns.append(ResultColumn("within %"))
        for k in waits.rows.indices {
            guard case let .text(chId) = waits.rows[k][0].value, let ch = def.channelIndex(named: chId) else { continue }
            let bound = def.channels[ch].brackets.first?.bound ?? 0
            let members = season.inquiries(ofParticipant: index).filter { Int(season.inquiries.channel[$0]) == ch && season.inquiries.answered[$0] }
            let within = members.filter { season.inquiries.waitSeconds[$0] <= bound }.count
            waits.rows[k].append(.text("≤ " + WaitDuration.format(seconds: bound)))
            waits.rows[k].append(.number(members.isEmpty ? nil : Double(within) / Double(members.count) * 100, .percent))
        }
        waits.notes = ["expected: the wait that still gets full points on the channel (customers expect about this: phone < 40 s, chat < 60 s, e-mail < 4 h)"]
        let rank = try sub("rank within class \(cls)")
        let myRank = rank.rows.filter { $0[1].value == .text(p.name) }
        let rankText: String = myRank.first.map { r in
            let pos = TableRenderer.text(r[0]), interval = TableRenderer.text(r[7])
            return "Rank \(pos) of \(rank.rows.count) in \(p.className); 95 % rank interval \(interval) (bootstrap of its \(TableRenderer.text(r[4])) inquiries)."
        } ?? "Not ranked."
        let trend = try subAny("trend total by month where participant = \(name)")
        var trendChart: TrendChart?
        if case let .trend(c, _) = trend {
            var chart = c
            chart.title = "Total by month"
            chart.lines[0].label = p.name
            if case let .trend(cc, _) = try subAny("trend total by month where class = \(cls)"), let line = cc.lines.first {
                let classValues = chart.periods.map { period in cc.periods.firstIndex(of: period).flatMap { line.values[$0] } }
                chart.lines.append(.init(label: p.className, values: classValues))
            }
            trendChart = chart
        }
        // Comments grouped by area (general comments first).
        var groups: [(area: String, items: [String])] = []
        let mine = season.comments.filter { Int(season.inquiries.participant[$0.inquiry]) == index }
        let general = mine.filter { $0.areaIndex == nil }.map(\.text)
        if !general.isEmpty { groups.append(("General", general)) }
        for (a, area) in def.areas.enumerated() {
            let items = mine.filter { $0.areaIndex == a }.map(\.text)
            if !items.isEmpty { groups.append((area.name, items)) }
        }
        let n = season.inquiries(ofParticipant: index).count
        var sections: [Report.Section] = [
            .init(heading: "Total and areas against the class", blocks: [.table(headline), .bars(chart)]),
            .init(heading: "Results per channel", blocks: [.table(channels)]),
            .init(heading: "Questions furthest from the class", blocks: [.table(extremes)]),
            .init(heading: "Waits and unanswered inquiries per channel", blocks: [.table(waits)]),
            .init(heading: "Rank in the class", blocks: [.text(rankText), .table(rank)]),
        ]
        if let trendChart { sections.append(.init(heading: "Through the season", blocks: [.trend(trendChart)])) }
        sections.append(.init(heading: "The shoppers' own words", blocks: groups.isEmpty ? [.text("No comments.")] : [.quotes(groups)]))
        return Report(title: "\(p.name) — \(season.name)", subtitle: "\(p.className) · \(n) inquiries · \(season.dateRange.map { "\($0.first) – \($0.last)" } ?? "")",
                      sections: sections)
    }

    func classReport(_ c: Int) throws(EvaluationError) -> Report {
        let def = season.definition
        let cls = q(season.classes[c])
        let scored = def.areas.filter { $0.weight > 0 }.map(\.id).joined(separator: ", ")
        let rank = try sub("rank within class \(cls)")
        let areas = try sub("total, \(scored), nps by participant where class = \(cls) order by total desc")
        let channels = try sub("total by participant where class = \(cls) across channel")
        let winners = try sub("winners")
        var classWinners = winners
        classWinners.rows = winners.rows.filter { $0[2].value == .text(season.classes[c]) }
        var chart: BarChart?
        if case let .bars(b, _) = try subAny("chart total by participant where class = \(cls)") { chart = b }
        let members = season.participants.filter { $0.classIndex == c }.count
        let n = season.inquiries.classIndex.filter { Int($0) == c }.count
        var first: [Report.Block] = [.table(rank)]
        if let chart { first.append(.bars(chart)) }
        return Report(title: "\(season.classes[c]) — \(season.name)", subtitle: "\(members) participants · \(n) inquiries",
                      sections: [
                        .init(heading: "Ranking", blocks: first),
                        .init(heading: "Areas per participant", blocks: [.table(areas)]),
                        .init(heading: "Results per channel", blocks: [.table(channels)]),
                        .init(heading: "Awards in the class", blocks: classWinners.rows.isEmpty ? [.text("No award in this class.")] : [.table(classWinners)]),
                      ])
    }
}
