import KSPCore

extension Evaluator {
    /// Class winners, "Best i test" and "Best på <channel>" (rule 7). Awards are the season's,
    /// ranked over all its participants; a `where` clause only chooses which awards are shown.
    func winners(_ w: WinnersStatement) throws(EvaluationError) -> ResultTable {
        let asked = w.filter == nil ? nil : try inquiries(passing: w.filter)
        return awardsTable(try awards(shownFor: asked))
    }

    /// The awards of the latest season among the inquiries asked about (all of it), those whose winner
    /// has an inquiry among them; every award when nothing is asked.
    func awards(shownFor asked: [Int]?) throws(EvaluationError) -> SeasonAwards {
        var seasonInquiries: [Int]?
        var seasonName: String?
        var seasonMinimum: Int?
        if season.seasons.count > 1 {
            // Awards are a season's: the latest season among the inquiries asked about, all of it.
            let seasonColumn = season.inquiries.season
            let latest = asked.map { $0.map { seasonColumn[$0] }.max() } ?? seasonColumn.max()
            if let latest {
                var inquiries: [Int] = []
                for i in 0..<season.inquiries.count where seasonColumn[i] == latest {
                    try checkCancelled(at: i)
                    inquiries.append(i)
                }
                seasonInquiries = inquiries
                seasonMinimum = season.seasons[Int(latest)].definition.minInquiriesForAward
                seasonName = season.seasons[Int(latest)].name
            }
        }
        try checkCancelled()
        let inquiries = seasonInquiries ?? Array(0..<season.inquiries.count)
        let channelTotals = ChannelTotals(season, inquiries: inquiries)
        try checkCancelled()
        var awards = Ranking.awards(
            season, inquiries: inquiries, minInquiries: seasonMinimum, channelTotals: channelTotals)
        if let asked { awards = shownAwards(awards, asked: asked) }
        let minimum = seasonMinimum ?? season.definition.minInquiriesForAward
        let channelBases = try channelAwardBases(awards, seasonInquiries: inquiries, channelTotals: channelTotals)
        return SeasonAwards(
            awards: awards, seasonName: seasonName, minInquiries: minimum, isFiltered: asked != nil,
            channelBases: channelBases)
    }

    /// The `winners` table of a season's awards.
    func awardsTable(_ seasonAwards: SeasonAwards) -> ResultTable {
        var notes: [String] = []
        if let seasonName = seasonAwards.seasonName {
            notes.append("awards of \(seasonName) (add where season = … for another)")
        }
        if seasonAwards.isFiltered {
            notes.append("awards are ranked over the whole season; where chooses which of them are shown")
        }
        let def = season.definition
        var rows: [[Cell]] = []
        for award in seasonAwards.awards {
            let p = season.participants[award.winner.participant]
            let title: String
            switch award.kind {
            case .classWinner(let c): title = "Klassevinner \(season.classes[c])"
            case .bestInTest: title = "Best i test"
            case .bestOnChannel(let ch): title = "Best på \(def.channels[ch].name)"
            }
            rows.append([
                .text(title), .text(p.name), .text(p.className), .number(award.winner.total, .score),
                .count(award.winner.inquiryCount),
            ])
        }
        let columns = [
            ResultColumn("award", isDimension: true), ResultColumn("participant", isDimension: true),
            ResultColumn("class", isDimension: true), ResultColumn("total"), ResultColumn("n"),
        ]
        let tieArea = def.highestWeightedAreaIndex.map { def.areas[$0].id } ?? "total"
        notes.append(
            "ranked by total, ties by \(tieArea), then name; "
                + "awards need at least \(seasonAwards.minInquiries) inquiries, "
                + "best per channel also at least \(Ranking.channelMinimum) on it")
        notes += seasonAwards.channelBases.map(channelAwardNote)
        return ResultTable(columns: columns, rows: rows, notes: notes.map(TableNote.text))
    }

    /// The awards a filter asks about: those whose winner has an inquiry passing it (for
    /// "Best på <channel>", an inquiry on that channel).
    func shownAwards(_ awards: [Ranking.Award], asked: [Int]) -> [Ranking.Award] {
        var participants = Set<Int>()
        var participantChannels = Set<Int>()
        let channelCount = max(1, season.definition.channels.count)
        for i in asked {
            let participant = Int(season.inquiries.participant[i])
            participants.insert(participant)
            participantChannels.insert(participant * channelCount + Int(season.inquiries.channel[i]))
        }
        return awards.filter { award in
            let winner = award.winner.participant
            if case .bestOnChannel(let channel) = award.kind {
                return participantChannels.contains(winner * channelCount + channel)
            }
            return participants.contains(winner)
        }
    }

    /// The shoppers' comments with date, participant, channel, the inquiry's total (and season
    /// when several are loaded); long comments wrap inside their cell in a table.
    func quotes(_ q: QuotesStatement) throws(EvaluationError) -> ResultTable {
        let asked = try q.filter.map { (filter) throws(EvaluationError) in try inquiryMask(passing: filter) }
        let needle = q.contains?.value.lowercased()
        let def = season.definition
        let several = season.seasons.count > 1
        var rows: [[Cell]] = []
        let c = season.inquiries
        for (k, comment) in season.comments.enumerated() {
            try checkCancelled(at: k)
            if let asked, !(asked.indices.contains(comment.inquiry) && asked[comment.inquiry]) { continue }
            if let needle, !comment.text.lowercased().contains(needle) { continue }
            let i = comment.inquiry
            let p = season.participants[Int(c.participant[i])]
            let date = LocalDateTime(secondsSinceEpoch: c.contactedAt[i]).date.description
            var row: [Cell] = [
                .text(date), .text(p.name), .text(def.channels[Int(c.channel[i])].id), .number(c.total[i], .score),
            ]
            if several { row.append(.text(Dimension.season.label(Int(c.season[i]), season))) }
            row.append(.text(comment.text))
            row.append(.text(comment.areaIndex.map { def.areas[$0].id } ?? ""))
            rows.append(row)
        }
        var columns = [
            ResultColumn("date", isDimension: true), ResultColumn("participant", isDimension: true),
            ResultColumn("channel", isDimension: true), ResultColumn("total"),
        ]
        if several { columns.append(ResultColumn("season", isDimension: true)) }
        columns.append(ResultColumn("comment", isDimension: true, wraps: true))
        columns.append(ResultColumn("area", isDimension: true))
        var table = ResultTable(columns: columns, rows: rows)
        // Lowest totals first: the words behind a low score are what is asked for most.
        let totalColumn = 3
        if q.orderBy == nil {
            table.rows.sort { a, b in
                guard case .number(let x?, _) = a[totalColumn].value, case .number(let y?, _) = b[totalColumn].value
                else {
                    return false
                }
                return x < y
            }
        }
        try checkCancelled()
        try order(&table, by: q.orderBy, top: nil, defaultColumn: nil)
        if let top = q.top, table.rows.count > top.value { table.rows = Array(table.rows.prefix(top.value)) }
        return table
    }
}
