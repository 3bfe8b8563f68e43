/// `gap` and `drivers` (issue 14).
extension Parser {
    /// `gap participant "NAME" [to winner|class|all|"OTHER"] [where …] [top N]`
    mutating func gap() throws(ParseError) -> GapStatement {
        guard current.keyword == "participant" else {
            throw error("participant after gap (gap participant \"NAME\")", hint: nearKeyword(["participant"]))
        }
        _ = advance()
        let who = try literal("the participant's name")
        var statement = GapStatement(name: who, target: .winner(who.range))
        if accept("to") != nil {
            if let t = accept("winner") {
                statement.target = .winner(t.range)
            } else if let t = accept("class") {
                statement.target = .ownClass(t.range)
            } else if let t = accept("all") {
                statement.target = .all(t.range)
            } else {
                statement.target = .participant(try literal("winner, class, all or a participant's name after to"))
            }
        }
        try clauses(["where", "top"]) { (p, k) throws(ParseError) in
            if k == "where" { statement.filter = try p.filter() } else { statement.top = try p.topCount() }
        }
        return statement
    }

    /// `drivers of OUTCOME [on areas|questions] [where …]`
    mutating func drivers() throws(ParseError) -> DriversStatement {
        _ = try expect("of", "of and an outcome (drivers of nps)")
        guard case .word = current.kind else {
            throw error("an outcome after of (nps, csat, ces, ves1, ves2, total or a question id)")
        }
        var statement = DriversStatement(outcome: try name("an outcome"))
        try clauses(["on", "where"]) { (p, k) throws(ParseError) in
            if k == "where" {
                statement.filter = try p.filter()
                return
            }
            guard let word = p.current.keyword, word == "areas" || word == "questions" else {
                throw p.error("areas or questions after on", hint: p.nearKeyword(["areas", "questions"]))
            }
            statement.predictors = try p.name("areas or questions")
        }
        return statement
    }
}
