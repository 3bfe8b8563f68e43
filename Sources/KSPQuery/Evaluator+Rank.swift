import KSPCore

extension Evaluator {
    static let bootstrapRounds = 1000

    /// The `rank` statement's table: one row per participant, best first.
    func rank(_ statement: RankStatement) throws(EvaluationError) -> ResultTable {
        let asked = try rankScope(statement)
        let ranking = try rankings(asked.metric, over: asked.inquiries, within: asked.scope, top: statement.top?.value)
        var table = ranking.table
        if statement.channelAdjustment != nil {
            let rows = ranking.ranks.map(\.participant) + ranking.unranked.map(\.participant)
            try addChannelAdjustment(toRanking: &table, asked.metric, participants: rows, asked.inquiries)
        }
        return table
    }

    /// Ranks with 95 % rank intervals from a seeded bootstrap: each round resamples every
    /// participant's own inquiries with replacement, scores and ranks them again.
    func rankings(_ statement: RankStatement) throws(EvaluationError) -> Rankings {
        let asked = try rankScope(statement)
        return try rankings(asked.metric, over: asked.inquiries, within: asked.scope, top: statement.top?.value)
    }

    /// The inquiries a `rank` statement ranks over, the words for them, and the metric.
    func rankScope(_ statement: RankStatement) throws(EvaluationError) -> (
        inquiries: [Int], scope: String, metric: Metric
    ) {
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
        return (inquiries, scope, metric)
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
        // Participants below the season's award minimum are shown but not ranked (rule 7): a rank among
        // them would read as a place in the competition.
        let eligibility = try awardEligibility(of: inquiries)
        let participants = NorwegianCollation.sorted(
            byParticipant.keys.filter(eligibility.isEligible), byName: { season.participants[$0].name })
        let values = participants.map { byParticipant[$0] ?? [] }
        let point = values.map { summary(metric, $0) }
        let lowerIsBetter = metric.lowerIsBetter(in: season.definition)
        let order = rankOrder(point, lowerIsBetter: lowerIsBetter)
        let ranks = try bootstrapRanks(metric, values, lowerIsBetter: lowerIsBetter)
        let rounds = Evaluator.bootstrapRounds
        var rows: [ParticipantRank] = []
        for p in participants.indices.sorted(by: { order[$0] < order[$1] }) {
            let (low, high) = Evaluator.rankInterval(ranks[p])
            rows.append(
                ParticipantRank(
                    position: order[p], participant: participants[p], value: point[p],
                    base: values[p].count, lowestRank: low, highestRank: high))
        }
        if let top, rows.count > top { rows = Array(rows.prefix(top)) }
        // `top N` asks for the best few: the unranked are left out of it.
        let unranked =
            top == nil ? unrankedParticipants(metric, byParticipant, eligibility, lowerIsBetter: lowerIsBetter) : []
        let id = metric.id(in: definition)
        var columns = [
            ResultColumn("rank"), ResultColumn("participant", isDimension: true),
            ResultColumn("class", isDimension: true),
            ResultColumn(id), ResultColumn("n"), ResultColumn("rank_low", audience: .machines),
            ResultColumn("rank_high", audience: .machines),
        ]
        columns.append(ResultColumn("95% rank interval", audience: .people))
        let direction = lowerIsBetter ? " (lowest first: lower is better)" : ""
        var notes = [
            "ranked by \(id)\(direction) within \(scope);"
                + " 95 % intervals from \(rounds) bootstrap resamples of each participant's inquiries (seed \(options.seed))",
            Evaluator.rankIntervalMeaning,
        ]
        var cells = rows.map { rank -> [Cell] in
            let part = season.participants[rank.participant]
            let small = CellFlags.smallBase(rank.base < options.minBase)
            return [
                .count(rank.position), .text(part.name), .text(part.className),
                .number(rank.value, style(metric), flags: small),
                .count(rank.base), .count(rank.lowestRank), .count(rank.highestRank),
                Cell(.interval(FigureInterval(low: Double(rank.lowestRank), high: Double(rank.highestRank)), .count)),
            ]
        }
        if !unranked.isEmpty {
            columns.append(ResultColumn("award", isDimension: true))
            for k in cells.indices { cells[k].append(.text("")) }
            for other in unranked {
                let part = season.participants[other.participant]
                cells.append([
                    .number(nil, .count), .text(part.name), .text(part.className),
                    .number(other.value, style(metric), flags: .smallBase(other.base < options.minBase)),
                    .count(other.base), .number(nil, .count), .number(nil, .count), Cell(.interval(nil, .count)),
                    .text("below minimum (\(other.seasonInquiries) of \(eligibility.minimum))"),
                ])
            }
            notes.append(
                "not ranked: fewer inquiries in the season than the award minimum (\(eligibility.minimum)); "
                    + "shown after the ranked participants")
        }
        var tableNotes = notes.map(TableNote.text)
        if rows.contains(where: { $0.base < options.minBase })
            || unranked.contains(where: { $0.base < options.minBase })
        {
            tableNotes.append(smallBaseNote)
        }
        return Rankings(
            ranks: rows, unranked: unranked, awardMinimum: eligibility.minimum,
            table: ResultTable(columns: columns, rows: cells, notes: tableNotes))
    }

    /// What a rank interval shows, and what overlapping intervals do not.
    static let rankIntervalMeaning =
        "a rank interval is the range of ranks consistent with resampling the inquiries; "
        + "overlapping intervals do not make two participants equal, nor do separate ones test them (compare does)"

    /// Each participant's rank in every bootstrap round: every round resamples each participant's own
    /// values with replacement (seeded by `.seed`), summarises and ranks them again.
    func bootstrapRanks(_ metric: Metric, _ values: [[Double]], lowerIsBetter: Bool) throws(EvaluationError)
        -> [[Int]]
    {
        var random = BootstrapStream(seed: options.seed)
        let resampled = ResampledMeans(values, approximate: metric == .total)
        var ranks = [[Int]](repeating: [], count: values.count)
        var scores = [Double](repeating: 0, count: values.count)
        for _ in 0..<Evaluator.bootstrapRounds {
            try checkCancelled()
            for p in values.indices { scores[p] = resampled.draw(p, &random) }
            let roundOrder = rankOrder(scores, lowerIsBetter: lowerIsBetter)
            for p in values.indices { ranks[p].append(roundOrder[p]) }
        }
        return ranks
    }

    /// The 95 % interval of one participant's rank, `p`, by the same bootstrap as `bootstrapRanks` (the same
    /// stream where every value is drawn): each round counts only those that do better than `p` (ties share
    /// the better rank), and leaves out those that cannot pass it (`ResampledMeans.cannotPass`).
    func bootstrapRankInterval(
        of p: Int, _ resampled: ResampledMeans, lowerIsBetter: Bool
    ) throws(EvaluationError) -> (low: Int, high: Int) {
        var random = BootstrapStream(seed: options.seed)
        let competitors = resampled.values.indices
        let others = competitors.filter { $0 != p && !resampled.cannotPass($0, p, lowerIsBetter: lowerIsBetter) }
        var scores = [Double](repeating: 0, count: competitors.count)
        var ranks: [Int] = []
        ranks.reserveCapacity(Evaluator.bootstrapRounds)
        for _ in 0..<Evaluator.bootstrapRounds {
            try checkCancelled()
            for other in others where other < p { scores[other] = resampled.draw(other, &random) }
            let own = resampled.draw(p, &random)
            for other in others where other > p { scores[other] = resampled.draw(other, &random) }
            var better = 0
            for other in others where lowerIsBetter ? scores[other] < own : scores[other] > own { better += 1 }
            ranks.append(better + 1)
        }
        return Evaluator.rankInterval(ranks)
    }

    /// The 2.5 % and 97.5 % points of a participant's ranks over the bootstrap rounds.
    static func rankInterval(_ ranks: [Int]) -> (low: Int, high: Int) {
        let sorted = ranks.sorted()
        let rounds = sorted.count
        return (sorted[Int(Double(rounds) * 0.025)], sorted[min(rounds - 1, Int(Double(rounds) * 0.975))])
    }

    /// The participants below the award minimum, best figure first.
    func unrankedParticipants(
        _ metric: Metric, _ byParticipant: [Int: [Double]], _ eligibility: AwardEligibility, lowerIsBetter: Bool
    ) -> [UnrankedParticipant] {
        let others = byParticipant.filter { !eligibility.isEligible($0.key) }.map { participant, values in
            UnrankedParticipant(
                participant: participant, value: summary(metric, values), base: values.count,
                seasonInquiries: eligibility.seasonInquiries[participant])
        }
        return others.sorted { a, b in
            if a.value != b.value { return lowerIsBetter ? a.value < b.value : a.value > b.value }
            return NorwegianCollation.less(
                season.participants[a.participant].name, season.participants[b.participant].name)
        }
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
