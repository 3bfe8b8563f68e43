/// A recursive-descent parser for one statement.
public struct Parser {
    public static let statementKeywords = ["compare", "winners", "quotes", "rank", "chart", "trend", "report", "gap", "drivers"]
    public static let clauseKeywords = ["by", "across", "where", "order", "top"]
    public static let allKeywords = statementKeywords + clauseKeywords +
        ["and", "or", "not", "in", "vs", "on", "all", "class", "asc", "desc", "contains", "answered", "areas", "questions", "within", "so", "far", "season", "season_day"]
    /// Deepest nesting of parentheses and `not` accepted before the parser gives up (no stack overflow).
    public static let maxDepth = 200

    var tokens: [Token]
    var pos = 0
    var depth = 0

    /// Parses one statement; throws a `LexError` or a `ParseError`.
    public static func parse(_ source: String) throws -> Statement {
        let tokens = try Lexer.tokenize(source)
        var p = Parser(tokens: tokens)
        return try p.statement()
    }

    var current: Token { tokens[pos] }
    mutating func advance() -> Token { let t = tokens[pos]; if pos < tokens.count - 1 { pos += 1 }; return t }
    func isKeyword(_ k: String) -> Bool { current.keyword == k }
    mutating func accept(_ k: String) -> Token? { isKeyword(k) ? advance() : nil }

    func error(_ expected: String, at t: Token? = nil, hint: String? = nil) -> ParseError {
        let t = t ?? current
        let found = "found \(t.display)"
        return ParseError(range: t.kind == .end ? SourceRange(t.range.start, t.range.start + 1) : t.range,
                          message: "expected \(expected), \(found)", hint: hint)
    }

    mutating func expect(_ k: String, _ what: String? = nil) throws(ParseError) -> Token {
        if let t = accept(k) { return t }
        throw error(what ?? k, hint: nearKeyword([k]))
    }

    func nearKeyword(_ candidates: [String]) -> String? {
        guard let w = current.keyword, let s = Suggest.nearest(w, in: candidates), s != w else { return nil }
        return "did you mean \(s)?"
    }

    mutating func statement() throws(ParseError) -> Statement {
        let s: Statement
        if accept("compare") != nil { s = .compare(try compare()) }
        else if accept("winners") != nil {
            var w = WinnersStatement()
            if accept("where") != nil { w.filter = try filter() }
            s = .winners(w)
        }
        else if accept("quotes") != nil { s = .quotes(try quotes()) }
        else if accept("rank") != nil { s = .rank(try rank()) }
        else if accept("chart") != nil {
            if accept("drivers") != nil {
                var d = try drivers()
                d.chart = true
                s = .drivers(d)
            } else {
                s = .chart(try chart())
            }
        }
        else if accept("gap") != nil { s = .gap(try gap()) }
        else if accept("drivers") != nil { s = .drivers(try drivers()) }
        else if accept("report") != nil {
            guard let k = current.keyword, k == "participant" || k == "class" else { throw error("participant or class after report", hint: nearKeyword(["participant", "class"])) }
            let subject = try name("participant or class")
            let who = try literal("the \(subject.value)'s name")
            var r = ReportStatement(subject: subject, name: who, file: nil)
            if accept("where") != nil { r.filter = try filter() }
            if accept("to") != nil {
                guard case let .string(f) = current.kind else {
                    if case let .word(w) = current.kind { r.file = Located(w, advance().range); s = .report(r); return try finish(s) }
                    throw error("a file name after to (report.md, report.html)")
                }
                r.file = Located(f, advance().range)
            }
            s = .report(r)
        }
        else if accept("trend") != nil { s = .trend(try trend()) }
        else { s = .select(try select()) }
        return try finish(s)
    }

    mutating func finish(_ s: Statement) throws(ParseError) -> Statement {
        if current.kind != .end {
            var expected = "the end of the statement"
            if case .select = s { expected = "by, across, where, order by, top or the end of the statement" }
            throw error(expected, hint: nearKeyword(Parser.clauseKeywords + ["and", "or", "desc", "asc"]))
        }
        return s
    }

    mutating func name(_ what: String, candidates: [String] = []) throws(ParseError) -> Located<String> {
        switch current.kind {
        case let .word(w):
            _ = advance()
            return Located(w, tokens[pos - 1].range)
        case let .string(s):
            _ = advance()
            return Located(s, tokens[pos - 1].range)
        default:
            throw error(what)
        }
    }

    mutating func metricList() throws(ParseError) -> [Located<String>] {
        var list: [Located<String>] = []
        repeat {
            if let k = current.keyword, Parser.clauseKeywords.contains(k) || Parser.statementKeywords.contains(k) {
                let expected = "a metric (total, an area id, a question id, areas, questions, n, nps, …)"
                throw error(expected, hint: topByHint(at: pos))
            }
            guard case .word = current.kind else { throw error("a metric (total, an area id, a question id, areas, questions, n, nps, …)") }
            list.append(try name("a metric"))
        } while accept(",") != nil || acceptComma()
        return list
    }

    mutating func acceptComma() -> Bool {
        if current.kind == .comma { _ = advance(); return true }
        return false
    }

    mutating func select() throws(ParseError) -> SelectStatement {
        var s = SelectStatement(metrics: try metricList())
        try clauses(Set(Parser.clauseKeywords)) { (p, k) throws(ParseError) in
            switch k {
            case "by":
                // `… top 5 by total`: by after top N means a sort, not a grouping.
                if let hint = p.topByHint(at: p.pos - 3) {
                    throw ParseError(range: p.tokens[p.pos - 3].range, message: Parser.topByMessage, hint: hint)
                }
                repeat {
                    guard case .word = p.current.kind else { throw p.error("a dimension (class, participant, channel, shopper, month, week, attempts)") }
                    s.by.append(try p.name("a dimension"))
                } while p.acceptComma()
                if s.by.count > 2 { throw ParseError(range: s.by[2].range, message: "expected at most two dimensions after by", hint: "use across for a crosstab") }
            case "across":
                guard case .word = p.current.kind else { throw p.error("a dimension (class, participant, channel, shopper, month, week, attempts)") }
                s.across = try p.name("a dimension")
            case "where": s.filter = try p.filter()
            case "order":
                _ = try p.expect("by", "by after order")
                s.orderBy = try p.orderKey()
            default: s.top = try p.topCount()
            }
        }
        return s
    }

    /// Clauses in any order, each at most once: `body` reads each one after its keyword.
    mutating func clauses(_ allowed: Set<String>, _ body: (inout Parser, String) throws(ParseError) -> Void) throws(ParseError) {
        var seen = Set<String>()
        while let k = current.keyword, allowed.contains(k) {
            if seen.contains(k) {
                if let hint = topByHint(at: pos - 2) {
                    throw ParseError(range: tokens[pos - 2].range, message: Parser.topByMessage, hint: hint)
                }
                throw error("each clause at most once", hint: "\(k) is given twice")
            }
            seen.insert(k)
            _ = advance()
            try body(&self, k)
        }
    }

    mutating func orderKey() throws(ParseError) -> (key: Located<String>, direction: SortDirection?) {
        guard case .word = current.kind else { throw error("a metric or dimension to order by") }
        let key = try name("a metric or dimension")
        var dir: SortDirection?
        if accept("desc") != nil || accept("descending") != nil { dir = .descending }
        else if accept("asc") != nil || accept("ascending") != nil { dir = .ascending }
        return (key, dir)
    }

    mutating func topCount() throws(ParseError) -> Located<Int> {
        if case let .number(n) = current.kind, n == 0 {
            throw error("a number of rows from 1 after top (top 0 would show nothing)")
        }
        guard case let .number(n) = current.kind, n >= 1, n == n.rounded(), n <= 1_000_000 else {
            throw error("a whole number of rows after top")
        }
        let t = advance()
        return Located(Int(n), t.range)
    }

    mutating func compare() throws(ParseError) -> CompareStatement {
        guard case .word = current.kind else { throw error("a dimension to compare on (participant, class, channel, …)") }
        let dim = try name("a dimension")
        let a = try literal("the first value to compare")
        if accept("vs") == nil && accept("versus") == nil && accept("mot") == nil {
            throw error("vs", hint: nearKeyword(["vs"]))
        }
        let b: CompareTarget
        if let t = accept("all") { b = .all(t.range) }
        else if let t = accept("class") { b = .ownClass(t.range) }
        else if current.kind == .leftParen { b = .list(try literalList()) }
        else { b = .value(try literal("a value to compare with, all, class or a list (X, Y)")) }
        var s = CompareStatement(dimension: dim, a: a, b: b, metrics: [], filter: nil)
        try clauses(["on", "where"]) { (p, k) throws(ParseError) in
            if k == "on" { s.metrics = try p.metricList() } else { s.filter = try p.filter() }
        }
        return s
    }

    mutating func quotes() throws(ParseError) -> QuotesStatement {
        var q = QuotesStatement()
        try clauses(["contains", "where", "order", "top"]) { (p, k) throws(ParseError) in
            switch k {
            case "contains":
                guard case let .string(s) = p.current.kind else { throw p.error("a quoted text after contains") }
                q.contains = Located(s, p.advance().range)
            case "where": q.filter = try p.filter()
            case "order":
                _ = try p.expect("by", "by after order")
                q.orderBy = try p.orderKey()
            default: q.top = try p.topCount()
            }
        }
        return q
    }

    mutating func rank() throws(ParseError) -> RankStatement {
        var r = RankStatement()
        try clauses(["within", "by", "where", "top"]) { (p, k) throws(ParseError) in
            switch k {
            case "within":
                guard case .word = p.current.kind else { throw p.error("a dimension after within (class)") }
                let d = try p.name("a dimension")
                r.within = (d, try p.literal("a value after within \(d.value)"))
            case "by":
                guard case .word = p.current.kind else { throw p.error("a metric to rank by") }
                r.metric = try p.name("a metric")
            case "where": r.filter = try p.filter()
            default: r.top = try p.topCount()
            }
        }
        return r
    }

    mutating func chart() throws(ParseError) -> ChartStatement {
        guard case .word = current.kind else { throw error("a metric to chart (total, an area, nps, …)") }
        let metric = try name("a metric")
        _ = try expect("by", "by and a dimension (chart total by class)")
        guard case .word = current.kind else { throw error("a dimension to chart by") }
        var c = ChartStatement(metric: metric, dimension: try name("a dimension"))
        try clauses(["where", "top"]) { (p, k) throws(ParseError) in
            if k == "where" { c.filter = try p.filter() } else { c.top = try p.topCount() }
        }
        return c
    }

    mutating func trend() throws(ParseError) -> TrendStatement {
        guard case .word = current.kind else { throw error("a metric (trend total by month)") }
        let metric = try name("a metric")
        _ = try expect("by", "by month or by week")
        guard let p = current.keyword, p == "month" || p == "week" else { throw error("month or week after by", hint: nearKeyword(["month", "week"])) }
        var t = TrendStatement(metric: metric, period: try name("month or week"))
        if accept("by") != nil {
            guard case .word = current.kind else { throw error("a dimension (trend total by month by channel)") }
            t.dimension = try name("a dimension")
        }
        if accept("where") != nil { t.filter = try filter() }
        return t
    }

    mutating func literal(_ what: String) throws(ParseError) -> Located<Literal> {
        switch current.kind {
        case let .word(w):
            if ["and", "or", "where", "by", "across", "order", "top", "vs", "on"].contains(w.lowercased()) { throw error(what) }
            let first = advance()
            try rejectUnquotedName(after: first, w)
            return Located(.word(w), first.range)
        case let .string(s): return Located(.text(s), advance().range)
        case let .number(n): return Located(.number(n), advance().range)
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
            let f = try filter()
            guard current.kind == .rightParen else { throw error("\")\" to close the parenthesis", hint: nearKeyword(["and", "or"])) }
            _ = advance()
            return f
        }
        if let t = accept("answered") { return .answered(t.range) }
        if let t = accept("so") {
            guard accept("far") != nil else { throw error("far after so (so far: each season up to the day the latest has reached)") }
            return .soFar(t.range)
        }
        if accept("contains") != nil {
            guard case let .string(s) = current.kind else { throw error("a quoted text after contains") }
            return .contains(Located(s, advance().range))
        }
        let field: Located<String>
        switch current.kind {
        case .word: field = try name("a dimension, date or metric")
        default: throw error("a condition (class = Bank, date < 2024-03-01, total < 50, answered, …)")
        }
        if accept("contains") != nil {
            guard case let .string(s) = current.kind else { throw error("a quoted text after contains") }
            return .contains(Located(s, advance().range))
        }
        if accept("not") != nil {
            _ = try expect("in", "in after not")
            return .membership(field: field, negated: true, values: try literalList())
        }
        if accept("in") != nil { return .membership(field: field, negated: false, values: try literalList()) }
        guard case let .op(op) = current.kind else {
            throw error("=, !=, <, <=, >, >=, in or not in after \(field.value)", hint: nearKeyword(["in", "not"]))
        }
        let opToken = advance()
        let value = try literal("a value after \(op.rawValue)")
        return .comparison(field: field, op: Located(op, opToken.range), value: value)
    }

    static let topByMessage = "expected order by to choose the rows top keeps"

    /// `top 5 by total` (tokens from `index`): the hint `did you mean order by total desc top 5?`.
    func topByHint(at index: Int) -> String? {
        guard index >= 0, index + 3 < tokens.count, tokens[index].keyword == "top",
              case .number = tokens[index + 1].kind, tokens[index + 2].keyword == "by",
              case let .word(metric) = tokens[index + 3].kind else { return nil }
        return "did you mean order by \(metric) desc top \(tokens[index + 1].display)?"
    }

    /// Words that may follow a value: the next clause or condition, never more of the name.
    static let wordsAfterValue: Set<String> = Set(allKeywords + ["to", "versus", "mot", "descending", "ascending"])

    /// `participant = skjærvik sparebank`: a name of several words typed without quotes.
    func rejectUnquotedName(after first: Token, _ word: String) throws(ParseError) {
        var words = [word]
        var last = first
        var index = pos
        while index < tokens.count, case let .word(next) = tokens[index].kind,
              !Parser.wordsAfterValue.contains(next.lowercased()) {
            words.append(next)
            last = tokens[index]
            index += 1
        }
        guard words.count > 1 else { return }
        let name = words.joined(separator: " ")
        throw ParseError(range: SourceRange(first.range.start, last.range.end),
                         message: "names with spaces need quotes: \"\(name)\"", hint: nil)
    }
}
