import KSPCore

extension Evaluator {
    static let bootstrapRounds = 1000

    /// Ranks with 95 % rank intervals from a seeded bootstrap: each round resamples every
    /// participant's own inquiries with replacement, scores and ranks them again.
    func rank(_ r: RankStatement) throws(EvaluationError) -> ResultTable {
        let def = season.definition
        var inquiries = try self.inquiries(passing: r.filter)
        var scope = "all participants"
        if let within = r.within {
            let d = try dimension(within.dimension)
            let k = try d.resolve(within.value, season)
            inquiries = inquiries.filter { d.key($0, season) == k }
            scope = "\(d.rawValue) \(d.label(k, season))"
        }
        if season.seasons.count > 1, let latest = inquiries.map({ season.inquiries.season[$0] }).max() {
            // A rank is within one season: the latest among the inquiries asked about.
            inquiries = inquiries.filter { season.inquiries.season[$0] == latest }
            scope += " in \(season.seasons[Int(latest)].name)"
        }
        let metric: Metric
        if let m = r.metric {
            let list = try metrics([m], area: nil)
            guard list.count == 1, Significance.hasInterval(list[0]) || list[0].kind == .share else {
                throw EvaluationError(m.range, "rank by a mean, nps or a share (total, an area, a question, csat, nps, noanswer, …)")
            }
            metric = list[0]
        } else { metric = .total }
        // Each inquiry's own contribution to the metric (NaN where it has none).
        var byParticipant: [Int: [Double]] = [:]
        for i in inquiries {
            let v = contribution(metric, i)
            if !v.isNaN { byParticipant[Int(season.inquiries.participant[i]), default: []].append(v) }
        }
        let participants = byParticipant.keys.sorted { NorwegianCollation.less(season.participants[$0].name, season.participants[$1].name) }
        let values = participants.map { byParticipant[$0]! }
        let point = values.map { summary(metric, $0) }
        let order = rankOrder(point, lowerIsBetter: metric.lowerIsBetter(in: season.definition))
        var rng = SplitMix64(seed: options.seed)
        let rounds = Evaluator.bootstrapRounds
        var ranks = [[Int]](repeating: [], count: participants.count)
        var sample = [Double]()
        var scores = [Double](repeating: 0, count: participants.count)
        for _ in 0..<rounds {
            try checkCancelled()
            for (p, v) in values.enumerated() {
                sample.removeAll(keepingCapacity: true)
                for _ in 0..<v.count { sample.append(v[Int(rng.next() % UInt64(v.count))]) }
                scores[p] = summary(metric, sample)
            }
            let o = rankOrder(scores, lowerIsBetter: metric.lowerIsBetter(in: season.definition))
            for p in participants.indices { ranks[p].append(o[p]) }
        }
        var rows: [[Cell]] = []
        for p in participants.indices.sorted(by: { order[$0] < order[$1] }) {
            let sorted = ranks[p].sorted()
            let lo = sorted[Int(Double(rounds) * 0.025)], hi = sorted[min(rounds - 1, Int(Double(rounds) * 0.975))]
            let part = season.participants[participants[p]]
            let n = values[p].count
            rows.append([.count(order[p]), .text(part.name), .text(part.className), .number(point[p], style(metric), mark: n < options.minBase ? "*" : nil),
                         .count(n), .count(lo), .count(hi), .text("\(lo)–\(hi)")])
        }
        if let top = r.top, rows.count > top.value { rows = Array(rows.prefix(top.value)) }
        let id = metric.id(in: def)
        var columns = [ResultColumn("rank"), ResultColumn("participant", isDimension: true), ResultColumn("class", isDimension: true),
                       ResultColumn(id), ResultColumn("n"), ResultColumn("rank_low", audience: .machines), ResultColumn("rank_high", audience: .machines)]
        columns.append(ResultColumn("95% rank interval", audience: .people))
        let direction = metric.lowerIsBetter(in: season.definition) ? " (lowest first: lower is better)" : ""
        var notes = ["ranked by \(id)\(direction) within \(scope);"
                     + " 95 % intervals from \(rounds) bootstrap resamples of each participant's inquiries (seed \(options.seed))",
                     "participants whose intervals overlap are tied within noise"]
        if rows.contains(where: { $0[3].mark == "*" }) { notes.append(smallBaseNote) }
        return ResultTable(columns: columns, rows: rows, notes: notes)
    }

    /// What one inquiry adds to a metric: its value for means, ±100/0 for NPS, 100/0 for shares.
    func contribution(_ m: Metric, _ i: Int) -> Double {
        var accumulator = FigureAccumulator(m, definition: season.definition)
        accumulator.add([i], season)
        let figure = accumulator.figure
        guard figure.base > 0, let value = figure.value else { return .nan }
        return value
    }

    func summary(_ m: Metric, _ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        return values.reduce(0, +) / Double(values.count)
    }

    /// 1-based ranks, best first by the metric's direction (ties share the better rank).
    func rankOrder(_ scores: [Double], lowerIsBetter: Bool = false) -> [Int] {
        let idx = scores.indices.sorted { lowerIsBetter ? scores[$0] < scores[$1] : scores[$0] > scores[$1] }
        var rank = [Int](repeating: 0, count: scores.count)
        for (k, p) in idx.enumerated() {
            rank[p] = k > 0 && scores[idx[k - 1]] == scores[p] ? rank[idx[k - 1]] : k + 1
        }
        return rank
    }
}
