/// A recursive-descent parser for one statement.
public struct Parser {
    public static let statementKeywords = [
        "compare", "winners", "quotes", "rank", "chart", "trend", "report", "gap", "drivers", "shoppers",
    ]
    public static let clauseKeywords = ["by", "across", "where", "order", "top", "adjusted"]
    public static let allKeywords =
        statementKeywords + clauseKeywords + [
            "and", "or", "not", "in", "vs", "on", "all", "class", "asc", "desc", "contains", "answered", "areas",
            "questions", "within", "so", "far", "season", "season_day",
        ]
    /// Deepest nesting of parentheses and `not` accepted before the parser gives up (no stack overflow).
    public static let maxDepth = 200

    var tokens: [Token]
    var position = 0
    var depth = 0

    /// Parses one statement; throws a `LexError` or a `ParseError`.
    public static func parse(_ source: String) throws -> Statement {
        let tokens = try Lexer.tokenize(source)
        var parser = Parser(tokens: tokens)
        return try parser.statement()
    }

    var current: Token { tokens[position] }
    mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }
    func isKeyword(_ keyword: String) -> Bool { current.keyword == keyword }
    mutating func accept(_ keyword: String) -> Token? { isKeyword(keyword) ? advance() : nil }

    func error(_ expected: String, at token: Token? = nil, hint: String? = nil) -> ParseError {
        let token = token ?? current
        let found = "found \(token.display)"
        return ParseError(
            range: token.kind == .end ? SourceRange(token.range.start, token.range.start + 1) : token.range,
            message: "expected \(expected), \(found)", hint: hint)
    }

    mutating func expect(_ keyword: String, _ what: String? = nil) throws(ParseError) -> Token {
        if let token = accept(keyword) { return token }
        throw error(what ?? keyword, hint: nearKeyword([keyword]))
    }

    func nearKeyword(_ candidates: [String]) -> String? {
        guard let word = current.keyword, let suggestion = Suggest.nearest(word, in: candidates), suggestion != word
        else { return nil }
        return "did you mean \(suggestion)?"
    }

    mutating func statement() throws(ParseError) -> Statement {
        let statement: Statement
        if accept("compare") != nil {
            statement = .compare(try compare())
        } else if accept("winners") != nil {
            var winners = WinnersStatement()
            if accept("where") != nil { winners.filter = try filter() }
            statement = .winners(winners)
        } else if accept("shoppers") != nil {
            var shoppers = ShoppersStatement()
            if accept("where") != nil { shoppers.filter = try filter() }
            statement = .shoppers(shoppers)
        } else if accept("quotes") != nil {
            statement = .quotes(try quotes())
        } else if accept("rank") != nil {
            statement = .rank(try rank())
        } else if accept("chart") != nil {
            if accept("drivers") != nil {
                var chartedDrivers = try drivers()
                chartedDrivers.chart = true
                statement = .drivers(chartedDrivers)
            } else {
                statement = .chart(try chart())
            }
        } else if accept("gap") != nil {
            statement = .gap(try gap())
        } else if accept("drivers") != nil {
            statement = .drivers(try drivers())
        } else if accept("report") != nil {
            guard let keyword = current.keyword, keyword == "participant" || keyword == "class" else {
                throw error("participant or class after report", hint: nearKeyword(["participant", "class"]))
            }
            let subject = try name("participant or class")
            let who = try reportSubjectName(subject.value)
            var report = ReportStatement(subject: subject, name: who, file: nil)
            if accept("where") != nil { report.filter = try filter() }
            if accept("lang") != nil { report.language = try reportLanguage() }
            if accept("to") != nil {
                switch current.kind {
                case .string(let fileName), .word(let fileName): report.file = Located(fileName, advance().range)
                default: throw error("a file name after to (report.md, report.html)")
                }
            }
            try batchClauses(&report)
            // `lang` may also end the statement (`… to out/ as pdf lang nb`), once.
            if report.language == nil, accept("lang") != nil { report.language = try reportLanguage() }
            statement = .report(report)
        } else if accept("trend") != nil {
            statement = .trend(try trend())
        } else {
            statement = .select(try select())
        }
        return try finish(statement)
    }

    mutating func finish(_ statement: Statement) throws(ParseError) -> Statement {
        if current.kind != .end {
            var expected = "the end of the statement"
            if case .select = statement { expected = "by, across, where, order by, top or the end of the statement" }
            throw error(expected, hint: nearKeyword(Parser.clauseKeywords + ["and", "or", "desc", "asc"]))
        }
        return statement
    }

    mutating func name(_ what: String, candidates: [String] = []) throws(ParseError) -> Located<String> {
        switch current.kind {
        case .word(let word):
            _ = advance()
            return Located(word, tokens[position - 1].range)
        case .string(let text):
            _ = advance()
            return Located(text, tokens[position - 1].range)
        default:
            throw error(what)
        }
    }

    mutating func metricList() throws(ParseError) -> [Located<String>] {
        var list: [Located<String>] = []
        repeat {
            if let keyword = current.keyword,
                Parser.clauseKeywords.contains(keyword) || Parser.statementKeywords.contains(keyword)
            {
                let expected = "a metric (total, an area id, a question id, areas, questions, n, nps, …)"
                throw error(expected, hint: topByHint(at: position))
            }
            guard case .word = current.kind else {
                throw error("a metric (total, an area id, a question id, areas, questions, n, nps, …)")
            }
            list.append(try name("a metric"))
        } while accept(",") != nil || acceptComma()
        return list
    }

    mutating func acceptComma() -> Bool {
        if current.kind == .comma {
            _ = advance()
            return true
        }
        return false
    }

    mutating func select() throws(ParseError) -> SelectStatement {
        var statement = SelectStatement(metrics: try metricList())
        try clauses(Set(Parser.clauseKeywords)) { (parser, keyword) throws(ParseError) in
            switch keyword {
            case "by":
                // `… top 5 by total`: by after top N means a sort, not a grouping.
                if let hint = parser.topByHint(at: parser.position - 3) {
                    throw ParseError(
                        range: parser.tokens[parser.position - 3].range, message: Parser.topByMessage, hint: hint)
                }
                repeat {
                    guard case .word = parser.current.kind else {
                        throw parser.error("a dimension (class, participant, channel, shopper, month, week, attempts)")
                    }
                    statement.by.append(try parser.name("a dimension"))
                } while parser.acceptComma()
                if statement.by.count > 2 {
                    throw ParseError(
                        range: statement.by[2].range, message: "expected at most two dimensions after by",
                        hint: "use across for a crosstab")
                }
            case "across":
                guard case .word = parser.current.kind else {
                    throw parser.error("a dimension (class, participant, channel, shopper, month, week, attempts)")
                }
                statement.across = try parser.name("a dimension")
            case "where": statement.filter = try parser.filter()
            case "order":
                _ = try parser.expect("by", "by after order")
                statement.orderBy = try parser.orderKey()
            case "adjusted": statement.channelAdjustment = try parser.channelAdjustment()
            default: statement.top = try parser.topCount()
            }
        }
        return statement
    }

    /// Clauses in any order, each at most once: `body` reads each one after its keyword.
    mutating func clauses(_ allowed: Set<String>, _ body: (inout Parser, String) throws(ParseError) -> Void)
        throws(ParseError)
    {
        var seen = Set<String>()
        while let keyword = current.keyword, allowed.contains(keyword) {
            if seen.contains(keyword) {
                if let hint = topByHint(at: position - 2) {
                    throw ParseError(range: tokens[position - 2].range, message: Parser.topByMessage, hint: hint)
                }
                throw error("each clause at most once", hint: "\(keyword) is given twice")
            }
            seen.insert(keyword)
            _ = advance()
            try body(&self, keyword)
        }
    }

    mutating func orderKey() throws(ParseError) -> (key: Located<String>, direction: SortDirection?) {
        guard case .word = current.kind else { throw error("a metric or dimension to order by") }
        let key = try name("a metric or dimension")
        var direction: SortDirection?
        if accept("desc") != nil || accept("descending") != nil {
            direction = .descending
        } else if accept("asc") != nil || accept("ascending") != nil {
            direction = .ascending
        }
        return (key, direction)
    }

    mutating func topCount() throws(ParseError) -> Located<Int> {
        if case .number(let rowCount) = current.kind, rowCount == 0 {
            throw error("a number of rows from 1 after top (top 0 would show nothing)")
        }
        guard case .number(let rowCount) = current.kind, rowCount >= 1, rowCount == rowCount.rounded(),
            rowCount <= 1_000_000
        else {
            throw error("a whole number of rows after top")
        }
        let token = advance()
        return Located(Int(rowCount), token.range)
    }

    mutating func compare() throws(ParseError) -> CompareStatement {
        guard case .word = current.kind else {
            throw error("a dimension to compare on (participant, class, channel, …)")
        }
        let dimension = try name("a dimension")
        let first = try literal("the first value to compare")
        if accept("vs") == nil && accept("versus") == nil && accept("mot") == nil {
            throw error("vs", hint: nearKeyword(["vs"]))
        }
        let second: CompareTarget
        if let token = accept("all") {
            second = .all(token.range)
        } else if let token = accept("class") {
            second = .ownClass(token.range)
        } else if current.kind == .leftParen {
            second = .list(try literalList())
        } else {
            second = .value(try literal("a value to compare with, all, class or a list (X, Y)"))
        }
        var statement = CompareStatement(dimension: dimension, a: first, b: second, metrics: [], filter: nil)
        try clauses(["on", "where", "adjusted", "order", "top"]) { (parser, keyword) throws(ParseError) in
            switch keyword {
            case "on": statement.metrics = try parser.metricList()
            case "where": statement.filter = try parser.filter()
            case "adjusted": statement.channelAdjustment = try parser.channelAdjustment()
            case "order":
                _ = try parser.expect("by", "by after order")
                statement.orderBy = try parser.orderKey()
            default: statement.top = try parser.topCount()
            }
        }
        return statement
    }

    mutating func quotes() throws(ParseError) -> QuotesStatement {
        var statement = QuotesStatement()
        try clauses(["contains", "where", "order", "top"]) { (parser, keyword) throws(ParseError) in
            switch keyword {
            case "contains":
                guard case .string(let text) = parser.current.kind else {
                    throw parser.error("a quoted text after contains")
                }
                statement.contains = Located(text, parser.advance().range)
            case "where": statement.filter = try parser.filter()
            case "order":
                _ = try parser.expect("by", "by after order")
                statement.orderBy = try parser.orderKey()
            default: statement.top = try parser.topCount()
            }
        }
        return statement
    }

    mutating func rank() throws(ParseError) -> RankStatement {
        var statement = RankStatement()
        try clauses(["within", "by", "where", "top", "adjusted"]) { (parser, keyword) throws(ParseError) in
            switch keyword {
            case "within":
                guard case .word = parser.current.kind else { throw parser.error("a dimension after within (class)") }
                let dimension = try parser.name("a dimension")
                statement.within = (dimension, try parser.literal("a value after within \(dimension.value)"))
            case "by":
                guard case .word = parser.current.kind else { throw parser.error("a metric to rank by") }
                statement.metric = try parser.name("a metric")
            case "where": statement.filter = try parser.filter()
            case "adjusted": statement.channelAdjustment = try parser.channelAdjustment()
            default: statement.top = try parser.topCount()
            }
        }
        return statement
    }

    mutating func chart() throws(ParseError) -> ChartStatement {
        guard case .word = current.kind else { throw error("a metric to chart (total, an area, nps, …)") }
        let metric = try name("a metric")
        _ = try expect("by", "by and a dimension (chart total by class)")
        guard case .word = current.kind else { throw error("a dimension to chart by") }
        var statement = ChartStatement(metric: metric, dimension: try name("a dimension"))
        (statement.filter, statement.top) = try whereAndTop()
        return statement
    }

    /// `[where FILTER] [top N]`, in either order, each at most once (chart, gap).
    mutating func whereAndTop() throws(ParseError) -> (filter: Filter?, top: Located<Int>?) {
        var filter: Filter?
        var top: Located<Int>?
        try clauses(["where", "top"]) { (parser, keyword) throws(ParseError) in
            if keyword == "where" {
                filter = try parser.filter()
            } else {
                top = try parser.topCount()
            }
        }
        return (filter, top)
    }

    mutating func trend() throws(ParseError) -> TrendStatement {
        guard case .word = current.kind else { throw error("a metric (trend total by month)") }
        let metric = try name("a metric")
        _ = try expect("by", "by month or by week")
        guard let period = current.keyword, period == "month" || period == "week" else {
            throw error("month or week after by", hint: nearKeyword(["month", "week"]))
        }
        var statement = TrendStatement(metric: metric, period: try name("month or week"))
        if accept("by") != nil {
            guard case .word = current.kind else { throw error("a dimension (trend total by month by channel)") }
            statement.dimension = try name("a dimension")
        }
        if accept("where") != nil { statement.filter = try filter() }
        return statement
    }

    mutating func literal(_ what: String) throws(ParseError) -> Located<Literal> {
        switch current.kind {
        case .word(let word):
            if ["and", "or", "where", "by", "across", "order", "top", "vs", "on"].contains(word.lowercased()) {
                throw error(what)
            }
            let first = advance()
            try rejectUnquotedName(after: first, word)
            return Located(.word(word), first.range)
        case .string(let text): return Located(.text(text), advance().range)
        case .number(let number): return Located(.number(number), advance().range)
        default: throw error(what)
        }
    }

    mutating func literalList() throws(ParseError) -> [Located<Literal>] {
        guard current.kind == .leftParen else { throw error("( and a list of values") }
        _ = advance()
        var values: [Located<Literal>] = []
        if current.kind == .rightParen { throw error("at least one value in the list") }
        repeat { values.append(try literal("a value")) } while acceptComma()
        guard current.kind == .rightParen else { throw error("\",\" or \")\" to close the list") }
        _ = advance()
        return values
    }

    // filter := or ; or := and (or and)* ; and := unary (and unary)* ; unary := not unary | ( filter ) | predicate
    mutating func filter() throws(ParseError) -> Filter {
        var parts = [try conjunction()]
        while accept("or") != nil { parts.append(try conjunction()) }
        return parts.count == 1 ? parts[0] : .or(parts)
    }

    mutating func conjunction() throws(ParseError) -> Filter {
        var parts = [try unary()]
        while accept("and") != nil { parts.append(try unary()) }
        return parts.count == 1 ? parts[0] : .and(parts)
    }

    mutating func unary() throws(ParseError) -> Filter {
        depth += 1
        defer { depth -= 1 }
        if depth > Parser.maxDepth { throw error("less nesting (at most \(Parser.maxDepth) levels)") }
        if accept("not") != nil { return .not(try unary()) }
        if current.kind == .leftParen {
            _ = advance()
            let inner = try filter()
            guard current.kind == .rightParen else {
                throw error("\")\" to close the parenthesis", hint: nearKeyword(["and", "or"]))
            }
            _ = advance()
            return inner
        }
        if let token = accept("answered") { return .answered(token.range) }
        if let token = accept("so") {
            guard accept("far") != nil else {
                throw error("far after so (so far: each season up to the day the latest has reached)")
            }
            return .soFar(token.range)
        }
        if accept("contains") != nil {
            guard case .string(let text) = current.kind else { throw error("a quoted text after contains") }
            return .contains(Located(text, advance().range))
        }
        let field: Located<String>
        switch current.kind {
        case .word: field = try name("a dimension, date or metric")
        default: throw error("a condition (class = Bank, date < 2024-03-01, total < 50, answered, …)")
        }
        if accept("contains") != nil {
            guard case .string(let text) = current.kind else { throw error("a quoted text after contains") }
            return .contains(Located(text, advance().range))
        }
        if accept("not") != nil {
            _ = try expect("in", "in after not")
            return .membership(field: field, negated: true, values: try literalList())
        }
        if accept("in") != nil { return .membership(field: field, negated: false, values: try literalList()) }
        guard case .comparator(let comparator) = current.kind else {
            throw error("=, !=, <, <=, >, >=, in or not in after \(field.value)", hint: nearKeyword(["in", "not"]))
        }
        let comparatorToken = advance()
        let value = try literal("a value after \(comparator.rawValue)")
        return .comparison(field: field, comparator: Located(comparator, comparatorToken.range), value: value)
    }

    static let topByMessage = "expected order by to choose the rows top keeps"

    /// `top 5 by total` (tokens from `index`): the hint `did you mean order by total desc top 5?`.
    func topByHint(at index: Int) -> String? {
        guard index >= 0, index + 3 < tokens.count, tokens[index].keyword == "top",
            case .number = tokens[index + 1].kind, tokens[index + 2].keyword == "by",
            case .word(let metric) = tokens[index + 3].kind
        else { return nil }
        return "did you mean order by \(metric) desc top \(tokens[index + 1].display)?"
    }

    /// Words that may follow a value: the next clause or condition, never more of the name.
    static let wordsAfterValue: Set<String> = Set(
        allKeywords + ["to", "versus", "mot", "descending", "ascending", "lang"])

    /// `participant = skjærvik sparebank`: a name of several words typed without quotes.
    func rejectUnquotedName(after first: Token, _ word: String) throws(ParseError) {
        var words = [word]
        var last = first
        var index = position
        while index < tokens.count, case .word(let next) = tokens[index].kind,
            !Parser.wordsAfterValue.contains(next.lowercased())
        {
            words.append(next)
            last = tokens[index]
            index += 1
        }
        guard words.count > 1 else { return }
        let name = words.joined(separator: " ")
        throw ParseError(
            range: SourceRange(first.range.start, last.range.end),
            message: "names with spaces need quotes: \"\(name)\"", hint: nil)
    }
}
