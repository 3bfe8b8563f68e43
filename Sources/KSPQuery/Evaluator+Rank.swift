import KSPCore

extension Evaluator {
    static let bootstrapRounds = 1000

    /// The `rank` statement's table: one row per participant, best first.
    func rank(_ statement: RankStatement) throws(EvaluationError) -> ResultTable {
        try rankings(statement).table
    }

    /// Ranks with 95 % rank intervals from a seeded bootstrap: each round resamples every
    /// participant's own inquiries with replacement, scores and ranks them again.
    func rankings(_ statement: RankStatement) throws(EvaluationError) -> Rankings {
        var inquiries = try self.inquiries(passing: statement.filter)
        var scope = "all participants"
        if let within = statement.within {
            let dimension = try self.dimension(within.dimension)
            let key = try dimension.resolve(within.value, season)
            inquiries = inquiries.filter { dimension.key($0, season) == key }
            scope = "\(dimension.rawValue) \(dimension.label(key, season))"
        }
        if season.seasons.count > 1, let latest = inquiries.map({ season.inquiries.season[$0] }).max() {
            // A rank is within one season: the latest among the inquiries asked about.
            inquiries = inquiries.filter { season.inquiries.season[$0] == latest }
            scope += " in \(season.seasons[Int(latest)].name)"
        }
        let metric: Metric
        if let named = statement.metric {
            let list = try metrics([named], area: nil)
            guard list.count == 1, Significance.hasInterval(list[0]) || list[0].kind == .share else {
                throw EvaluationError(
                    named.range,
                    "rank by a mean, nps or a share (total, an area, a question, csat, nps, noanswer, …)")
            }
            metric = list[0]
        } else {
            metric = .total
        }
        return try rankings(metric, over: inquiries, within: scope, top: statement.top?.value)
    }

    /// Ranks of the participants among the given inquiries by a metric; `scope` says which participants
    /// they are in the table's note ("class Bank in KSP 2024"), `top` keeps the best few.
    func rankings(
        _ metric: Metric, over inquiries: [Int], within scope: String,
        top: Int? = nil
    ) throws(EvaluationError) -> Rankings {
        let definition = season.definition
        // Each inquiry's own contribution to the metric (NaN where it has none).
        var byParticipant: [Int: [Double]] = [:]
        for i in inquiries {
            let value = contribution(metric, i)
            if !value.isNaN { byParticipant[Int(season.inquiries.participant[i]), default: []].append(value) }
        }
        let participants = byParticipant.keys.sorted {
            NorwegianCollation.less(season.participants[$0].name, season.participants[$1].name)
        }
        let values = participants.map { byParticipant[$0] ?? [] }
        let point = values.map { summary(metric, $0) }
        let order = rankOrder(point, lowerIsBetter: metric.lowerIsBetter(in: season.definition))
        var random = SplitMix64(seed: options.seed)
        let rounds = Evaluator.bootstrapRounds
        var ranks = [[Int]](repeating: [], count: participants.count)
        var sample = [Double]()
        var scores = [Double](repeating: 0, count: participants.count)
        for _ in 0..<rounds {
            try checkCancelled()
            for (p, own) in values.enumerated() {
                sample.removeAll(keepingCapacity: true)
                for _ in 0..<own.count { sample.append(own[Int(random.next() % UInt64(own.count))]) }
                scores[p] = summary(metric, sample)
            }
            let roundOrder = rankOrder(scores, lowerIsBetter: metric.lowerIsBetter(in: season.definition))
            for p in participants.indices { ranks[p].append(roundOrder[p]) }
        }
        var rows: [ParticipantRank] = []
        for p in participants.indices.sorted(by: { order[$0] < order[$1] }) {
            let sorted = ranks[p].sorted()
            let low = sorted[Int(Double(rounds) * 0.025)]
            let high = sorted[min(rounds - 1, Int(Double(rounds) * 0.975))]
            rows.append(
                ParticipantRank(
                    position: order[p], participant: participants[p], value: point[p],
                    base: values[p].count, lowestRank: low, highestRank: high))
        }
        if let top, rows.count > top { rows = Array(rows.prefix(top)) }
        let id = metric.id(in: definition)
        var columns = [
            ResultColumn("rank"), ResultColumn("participant", isDimension: true),
            ResultColumn("class", isDimension: true),
            ResultColumn(id), ResultColumn("n"), ResultColumn("rank_low", audience: .machines),
            ResultColumn("rank_high", audience: .machines),
        ]
        columns.append(ResultColumn("95% rank interval", audience: .people))
        let direction = metric.lowerIsBetter(in: season.definition) ? " (lowest first: lower is better)" : ""
        let notes = [
            "ranked by \(id)\(direction) within \(scope);"
                + " 95 % intervals from \(rounds) bootstrap resamples of each participant's inquiries (seed \(options.seed))",
            "participants whose intervals overlap are tied within noise",
        ]
        let cells = rows.map { rank -> [Cell] in
            let part = season.participants[rank.participant]
            let small = CellFlags.smallBase(rank.base < options.minBase)
            return [
                .count(rank.position), .text(part.name), .text(part.className),
                .number(rank.value, style(metric), flags: small),
                .count(rank.base), .count(rank.lowestRank), .count(rank.highestRank),
                Cell(.interval(FigureInterval(low: Double(rank.lowestRank), high: Double(rank.highestRank)), .count)),
            ]
        }
        var tableNotes = notes.map(TableNote.text)
        if rows.contains(where: { $0.base < options.minBase }) { tableNotes.append(smallBaseNote) }
        return Rankings(ranks: rows, table: ResultTable(columns: columns, rows: cells, notes: tableNotes))
    }

    /// What one inquiry adds to a metric: its value for means, ±100/0 for NPS, 100/0 for shares.
    func contribution(_ metric: Metric, _ i: Int) -> Double {
        var accumulator = FigureAccumulator(metric, definition: season.definition)
        accumulator.add([i], season)
        let figure = accumulator.figure
        guard figure.base > 0, let value = figure.value else { return .nan }
        return value
    }

    func summary(_ metric: Metric, _ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        return values.reduce(0, +) / Double(values.count)
    }

    /// 1-based ranks, best first by the metric's direction (ties share the better rank).
    func rankOrder(_ scores: [Double], lowerIsBetter: Bool = false) -> [Int] {
        let bestFirst = scores.indices.sorted { lowerIsBetter ? scores[$0] < scores[$1] : scores[$0] > scores[$1] }
        var rank = [Int](repeating: 0, count: scores.count)
        for (k, p) in bestFirst.enumerated() {
            rank[p] = k > 0 && scores[bestFirst[k - 1]] == scores[p] ? rank[bestFirst[k - 1]] : k + 1
        }
        return rank
    }
}
