import KSPCore

extension Evaluator {
    /// Class winners, "Best i test" and "Best på <channel>" (rule 7).
    func winners(_ w: WinnersStatement) throws(EvaluationError) -> ResultTable {
        var pool = w.filter == nil ? nil : try inquiries(passing: w.filter)
        var notes: [String] = []
        var minimum: Int?
        if season.seasons.count > 1 {
            // Awards are a season's: the latest season among the inquiries asked about.
            let all = pool ?? Array(0..<season.inquiries.count)
            if let latest = all.map({ season.inquiries.season[$0] }).max() {
                pool = all.filter { season.inquiries.season[$0] == latest }
                minimum = season.seasons[Int(latest)].definition.minInquiriesForAward
                notes.append("awards of \(season.seasons[Int(latest)].name) (add where season = … for another)")
            }
        }
        let awards = Ranking.awards(season, inquiries: pool, minInquiries: minimum)
        let def = season.definition
        var rows: [[Cell]] = []
        for award in awards {
            let p = season.participants[award.winner.participant]
            let title: String
            switch award.kind {
            case let .classWinner(c): title = "Klassevinner \(season.classes[c])"
            case .bestInTest: title = "Best i test"
            case let .bestOnChannel(ch): title = "Best på \(def.channels[ch].name)"
            }
            rows.append([.text(title), .text(p.name), .text(p.className), .number(award.winner.total, .score), .count(award.winner.n)])
        }
        let columns = [ResultColumn("award", isDimension: true), ResultColumn("participant", isDimension: true),
                       ResultColumn("class", isDimension: true), ResultColumn("total"), ResultColumn("n")]
        return ResultTable(columns: columns, rows: rows,
                           notes: notes + ["ranked by total, ties by \(def.highestWeightedAreaIndex.map { def.areas[$0].id } ?? "total"), then name; awards need at least \(minimum ?? def.minInquiriesForAward) inquiries, best per channel at least 3 on it"])
    }

    /// The shoppers' comments with participant, channel, date and the inquiry's total.
    func quotes(_ q: QuotesStatement) throws(EvaluationError) -> ResultTable {
        let pool = Set(try inquiries(passing: q.filter))
        let needle = q.contains?.value.lowercased()
        let def = season.definition
        var rows: [[Cell]] = []
        let c = season.inquiries
        for comment in season.comments where pool.contains(comment.inquiry) {
            if let needle, !comment.text.lowercased().contains(needle) { continue }
            let i = comment.inquiry
            let p = season.participants[Int(c.participant[i])]
            rows.append([.text(p.name), .text(def.channels[Int(c.channel[i])].id), .text(LocalDateTime(secondsSinceEpoch: c.contactedAt[i]).date.description),
                         .number(c.total[i], .score), .text(comment.areaIndex.map { def.areas[$0].id } ?? ""), .text(comment.text)])
        }
        var table = ResultTable(columns: [ResultColumn("participant", isDimension: true), ResultColumn("channel", isDimension: true),
                                          ResultColumn("date", isDimension: true), ResultColumn("total"), ResultColumn("area", isDimension: true),
                                          ResultColumn("comment", isDimension: true)], rows: rows)
        // Lowest totals first: the words behind a low score are what is asked for most.
        if q.orderBy == nil {
            table.rows.sort { a, b in
                if case let .number(x?, _) = a[3].value, case let .number(y?, _) = b[3].value, x != y { return x < y }
                return false
            }
        }
        try order(&table, by: q.orderBy, top: nil, defaultColumn: nil)
        if let top = q.top, table.rows.count > top.value { table.rows = Array(table.rows.prefix(top.value)) }
        return table
    }
}
