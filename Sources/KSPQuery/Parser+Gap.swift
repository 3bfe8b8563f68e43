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
            if let word = accept("winner") {
                statement.target = .winner(word.range)
            } else if let word = accept("class") {
                statement.target = .ownClass(word.range)
            } else if let word = accept("all") {
                statement.target = .all(word.range)
            } else {
                statement.target = .participant(try literal("winner, class, all or a participant's name after to"))
            }
        }
        (statement.filter, statement.top) = try whereAndTop()
        return statement
    }

    /// `drivers of OUTCOME [on areas|questions] [where …]`
    mutating func drivers() throws(ParseError) -> DriversStatement {
        _ = try expect("of", "of and an outcome (drivers of nps)")
        guard case .word = current.kind else {
            throw error("an outcome after of (nps, csat, ces, ves1, ves2, total or a question id)")
        }
        var statement = DriversStatement(outcome: try name("an outcome"))
        try clauses(["on", "where"]) { (parser, keyword) throws(ParseError) in
            if keyword == "where" {
                statement.filter = try parser.filter()
                return
            }
            guard let word = parser.current.keyword, word == "areas" || word == "questions" else {
                throw parser.error("areas or questions after on", hint: parser.nearKeyword(["areas", "questions"]))
            }
            statement.predictors = try parser.name("areas or questions")
        }
        return statement
    }
}
