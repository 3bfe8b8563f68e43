import KSPCore

extension Evaluator {
    /// `gap participant "NAME" [to winner|class|all|"OTHER"] [where …] [top N]`: what it would take,
    /// question by question, by the season's scoring rules (`GapCalculator`, issue 14).
    func gap(_ g: GapStatement) throws(EvaluationError) -> ResultTable {
        let participant = try Dimension.participant.resolve(g.name, season)
        let scope = latestSeasonScope(try inquiries(passing: g.filter))
        let pool = scope.inquiries
        let scoring = scope.definition
        let seasonNote = scope.name
        // Through the column's buffer: the pool may be the whole season (475 000 inquiries at 100×).
        let own = season.inquiries.participant.withUnsafeBufferPointer { participants in
            pool.filter { Int(participants[$0]) == participant }
        }
        let name = season.participants[participant].name
        let within = g.filter == nil ? "" : " within the where clause"
        guard !own.isEmpty else {
            throw EvaluationError(g.name.range, "\(name) has no inquiries\(within)")
        }
        let (target, targetName) = try gapTarget(g.target, participant: participant, pool: pool, scoring: scoring)
        guard !target.isEmpty else {
            throw EvaluationError(g.name.range, "\(targetName) has no inquiries\(within)")
        }
        try checkCancelled()
        let analysis = GapCalculator.gap(season, scoring: scoring, own: own, target: target)
        var table = gapTable(analysis, top: g.top?.value)
        table.notes = [
            "a = \(name) (\(own.count) inquiries), b = \(targetName) (\(target.count) inquiries)"
                + (seasonNote.map { " in \($0)" } ?? ""),
            "gain: the change of a's total when a's points on the row become b's mean points (a's answered "
                + "inquiries rescored by the season's rules; N/A stays N/A); answering: "
                + "(a's − b's no-answer share) × a's score for answered",
            "the question and wait gains add up exactly; remaining is the rest of the gap (channel mix and "
                + "the like); .help gap",
        ].map(TableNote.text)
        return table
    }

    /// The target's inquiries and how to name it.
    func gapTarget(_ target: GapTarget, participant: Int, pool: [Int], scoring: SeasonDefinition)
        throws(EvaluationError) -> (inquiries: [Int], name: String)
    {
        let columns = season.inquiries
        let classIndex = season.participants[participant].classIndex
        let className = season.participants[participant].className
        switch target {
        case .all:
            return (pool, "all")
        case .ownClass:
            let rest = pool.filter {
                Int(columns.classIndex[$0]) == classIndex && Int(columns.participant[$0]) != participant
            }
            return (rest, "the rest of \(className)")
        case .participant(let literal):
            let other = try Dimension.participant.resolve(literal, season)
            guard other != participant else {
                throw EvaluationError(
                    literal.range, "a gap is to someone else",
                    hint: "to winner, to class, to all or another participant")
            }
            return (pool.filter { Int(columns.participant[$0]) == other }, season.participants[other].name)
        case .winner(let range):
            let winner = try classWinner(of: participant, pool: pool, scoring: scoring, range: range)
            let role = winner.isRunnerUp ? "runner-up" : "class winner"
            return (winner.inquiries, "\(role) \(season.participants[winner.participant].name)")
        }
    }

    /// The class winner by the season's rules (rule 7, over all its inquiries), or the runner-up when the
    /// participant wins its class; its inquiries are those of the pool (the where clause's).
    func classWinner(of participant: Int, pool: [Int], scoring: SeasonDefinition, range: SourceRange)
        throws(EvaluationError) -> (participant: Int, inquiries: [Int], isRunnerUp: Bool)
    {
        let columns = season.inquiries
        let classIndex = season.participants[participant].classIndex
        let className = season.participants[participant].className
        let seasonKey = pool.first.map { columns.season[$0] }
        // Only the class's inquiries are ranked: each participant's figures are its own inquiries' and the
        // order is total, tie-break, name, so the class keeps its order (and 475 000 inquiries are not walked
        // through a generic Sequence).
        var classInquiries: [Int] = []
        for i in 0..<columns.count where Int(columns.classIndex[i]) == classIndex {
            if seasonKey == nil || columns.season[i] == seasonKey { classInquiries.append(i) }
        }
        let ranked = Ranking.rank(season, inquiries: classInquiries, minInquiries: scoring.minInquiriesForAward)
        let inClass = ranked.filter { season.participants[$0.participant].classIndex == classIndex }
        guard let winner = inClass.first(where: { $0.participant != participant }) else {
            throw EvaluationError(
                range, "\(className) has no other participant with enough inquiries for an award",
                hint: "to all, or to another participant")
        }
        let inquiries = pool.filter { Int(columns.participant[$0]) == winner.participant }
        return (winner.participant, inquiries, inClass.first?.participant == participant)
    }

    /// Rows by gain (largest first; with `top N` the N largest gains that help), then the sum, the rest of the
    /// gap and the whole gap, so that the rows visibly add up.
    func gapTable(_ analysis: GapAnalysis, top: Int?) -> ResultTable {
        let def = season.definition
        var items = analysis.items.sorted { $0.gain > $1.gain }
        var othersGain: Double?
        if let top {
            let shown = Array(items.filter { $0.gain > 0 }.prefix(top))
            othersGain = items.reduce(0) { $0 + $1.gain } - shown.reduce(0) { $0 + $1.gain }
            items = shown
        }
        var rows: [[Cell]] = []
        for item in items {
            switch item.subject {
            case .question(let q):
                let areaId = item.area.map { def.areas[$0].id } ?? ""
                rows.append([
                    .text(def.questions[q].id), .text(def.questions[q].text), .text(areaId),
                    .number(item.ownPoints, .score), .number(item.targetPoints, .score), .count(item.ownBase),
                    .number(item.gain, .difference),
                ])
            case .wait:
                let area = item.area.map { def.areas[$0] }
                rows.append([
                    .text("wait"), .text(area?.name ?? "wait"), .text(area?.id ?? ""),
                    .number(item.ownPoints, .score), .number(item.targetPoints, .score), .count(item.ownBase),
                    .number(item.gain, .difference),
                ])
            case .answering:
                rows.append([
                    .text("answering"), .text("no-answer share"), .text(""), .number(item.ownPoints, .percent),
                    .number(item.targetPoints, .percent), .count(item.ownBase),
                    .number(item.gain, .difference),
                ])
            }
        }
        func summary(
            _ label: String, _ text: String, own: Double? = nil, target: Double? = nil,
            _ gain: Double
        ) -> [Cell] {
            [
                .text(label), .text(text), .text(""), .number(own, .score), .number(target, .score),
                .number(nil, .count),
                .number(gain, .difference),
            ]
        }
        if let othersGain {
            rows.append(summary("others", "the rows top leaves out", othersGain))
        }
        rows.append(summary("sum", "questions, wait and answering", analysis.explained))
        rows.append(summary("remaining", "channel mix and the like", analysis.remaining))
        rows.append(
            summary(
                "gap", "total: b − a", own: analysis.ownTotal, target: analysis.targetTotal,
                analysis.gap))
        let columns = [
            ResultColumn("question", isDimension: true), ResultColumn("text", isDimension: true, wraps: true),
            ResultColumn("area", isDimension: true), ResultColumn("a"), ResultColumn("b"),
            ResultColumn("n_a"),
            ResultColumn("gain"),
        ]
        return ResultTable(columns: columns, rows: rows)
    }
}
