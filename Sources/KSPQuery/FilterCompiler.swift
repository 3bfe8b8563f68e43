import KSPCore

/// A `where` clause resolved against a season: names become indices, ready to test inquiries.
indirect enum CompiledFilter {
    case and([CompiledFilter])
    case or([CompiledFilter])
    case not(CompiledFilter)
    case always
    case dimension(Dimension, CompareOp, Int)
    case dimensionIn(Dimension, Set<Int>, negated: Bool)
    case date(CompareOp, Int)
    case dateIn(Set<Int>, negated: Bool)
    case metric(InquiryValue, CompareOp, Double)
    case answered
    case comment(String, Set<Int>)
    case seasonDay(CompareOp, Int)

    func test(_ i: Int, _ s: Season) -> Bool {
        switch self {
        case let .and(parts):
            for p in parts where !p.test(i, s) { return false }
            return true
        case let .or(parts):
            for p in parts where p.test(i, s) { return true }
            return false
        case let .not(a): return !a.test(i, s)
        case .always: return true
        case let .dimension(d, op, k): return compare(d.key(i, s), op, k)
        case let .dimensionIn(d, set, neg): return set.contains(d.key(i, s)) != neg
        case let .date(op, day): return compare(Int(s.inquiries.day[i]), op, day)
        case let .dateIn(set, neg): return set.contains(Int(s.inquiries.day[i])) != neg
        case let .metric(v, op, x):
            let value = v.value(i, s)
            return !value.isNaN && compare(value, op, x)
        case .answered: return s.inquiries.answered[i]
        case let .comment(_, set): return set.contains(i)
        case let .seasonDay(op, d): return compare(Int(s.inquiries.seasonDay[i]), op, d)
        }
    }
}

@inline(__always) func compare<T: Comparable>(_ a: T, _ op: CompareOp, _ b: T) -> Bool {
    switch op {
    case .eq: return a == b
    case .ne: return a != b
    case .lt: return a < b
    case .le: return a <= b
    case .gt: return a > b
    case .ge: return a >= b
    }
}

/// A value an inquiry has by itself (for `total < 50`): its total, an area score, a question's points,
/// or a CX answer on its own scale.
enum InquiryValue {
    case total, totalAnswered, area(Int), question(Int)
    /// A CX answer (`nps <= 6`): with several seasons, each inquiry's own season's tagged question.
    case cx(CXMetric, question: Int)

    func value(_ i: Int, _ s: Season) -> Double {
        let c = s.inquiries
        switch self {
        case .total: return c.total[i]
        case .totalAnswered: return c.answered[i] ? c.total[i] : .nan
        case let .area(a): return c.areaScore(i, a)
        case let .question(q):
            let r = c.raw(i, q)
            let question = s.definition.questions[q]
            // A CX question compares on its own scale (nps 0–10, csat 1–5), the rest on points.
            return question.metric != nil ? r : question.points(raw: r)
        case let .cx(metric, question):
            let own = s.seasons.count > 1 ? s.seasons[Int(c.season[i])].metricQuestions[metric] : question
            guard let own, own >= 0 else {
                return .nan
            }
            return c.raw(i, own)
        }
    }
}

struct FilterCompiler {
    let season: Season
    /// Ctrl-C: asked while scanning all comments or inquiries.
    var isCancelled: (@Sendable () -> Bool)?

    /// Splits off `area = X` (which limits the metric set) from the rest of the clause.
    static func extractArea(_ f: Filter?) -> (area: Located<Literal>?, rest: Filter?) {
        guard let f else { return (nil, nil) }
        switch f {
        case let .comparison(field, op, value) where field.value.lowercased() == "area" && op.value == .eq:
            return (value, nil)
        case let .and(parts):
            var area: Located<Literal>?
            var rest: [Filter] = []
            for p in parts {
                let (x, r) = extractArea(p)
                area = area ?? x
                if let r { rest.append(r) }
            }
            return (area, rest.isEmpty ? nil : rest.count == 1 ? rest[0] : .and(rest))
        default: return (nil, f)
        }
    }

    func compile(_ f: Filter) throws(EvaluationError) -> CompiledFilter {
        switch f {
        case let .and(parts):
            var compiled: [CompiledFilter] = []
            for p in parts { compiled.append(try compile(p)) }
            return .and(compiled)
        case let .or(parts):
            var compiled: [CompiledFilter] = []
            for p in parts { compiled.append(try compile(p)) }
            return .or(compiled)
        case let .not(a): return .not(try compile(a))
        case .answered: return .answered
        case .soFar:
            // The latest season's reach: its last inquiry so far, in days from its first.
            let latest = season.seasons.count - 1
            var reach = 0
            for i in 0..<season.inquiries.count where Int(season.inquiries.season[i]) == latest {
                try checkCancelled(at: i)
                reach = max(reach, Int(season.inquiries.seasonDay[i]))
            }
            return .seasonDay(.le, reach)
        case let .contains(text):
            let needle = text.value.lowercased()
            var set = Set<Int>()
            for (k, c) in season.comments.enumerated() {
                try checkCancelled(at: k)
                if c.text.lowercased().contains(needle) {
                    set.insert(c.inquiry)
                }
            }
            return .comment(text.value, set)
        case let .comparison(field, op, value):
            let name = field.value.lowercased()
            if name == "area" {
                throw EvaluationError(field.range, "area = X limits the metrics and can only be joined with and", hint: "put it at the top level: … where area = agent and …")
            }
            if name == "date" || name == "dato" {
                return .date(op.value, try day(value))
            }
            if name == "season_day" {
                guard case let .number(n) = value.value, n == n.rounded(), abs(n) < 1e9 else {
                    throw EvaluationError(value.range, "expected a whole number of days after season_day \(op.value.rawValue)")
                }
                return .seasonDay(op.value, Int(n))
            }
            if let d = Dimension.named(name) {
                if op.value != .eq && op.value != .ne && ![Dimension.month, .week, .attempts, .season].contains(d) {
                    throw EvaluationError(op.range, "expected = or != after \(d.rawValue) (or in, not in)")
                }
                let key = try d.resolve(value, season)
                if op.value == .eq { try requirePeriod(d, [key], value) }
                return .dimension(d, op.value, key)
            }
            let metric = try inquiryValue(field)
            guard case let .number(x) = value.value else {
                throw EvaluationError(value.range, "expected a number to compare \(field.value) with, found \"\(Token.clip(value.value.text))\"")
            }
            return .metric(metric, op.value, x)
        case let .membership(field, negated, values):
            let name = field.value.lowercased()
            if name == "date" || name == "dato" {
                var set = Set<Int>()
                for v in values { set.insert(try day(v)) }
                return .dateIn(set, negated: negated)
            }
            guard let d = Dimension.named(name) else {
                throw EvaluationError(field.range, "expected a dimension before in (\(Dimension.names.joined(separator: ", ")))",
                                      hint: Suggest.nearest(name, in: Dimension.names).map { "did you mean \($0)?" })
            }
            var set = Set<Int>()
            for v in values { set.insert(try d.resolve(v, season)) }
            if !negated, let first = values.first { try requirePeriod(d, set, first) }
            return .dimensionIn(d, set, negated: negated)
        }
    }

    /// `month = 2023-05` on a season without that month: say which months it has, not just "(no rows)".
    func requirePeriod(_ d: Dimension, _ keys: Set<Int>, _ value: Located<Literal>) throws(EvaluationError) {
        guard d == .month || d == .week else { return }
        var present = Set<Int>()
        for (k, key) in d.keys(Array(0..<season.inquiries.count), season).enumerated() {
            try checkCancelled(at: k)
            present.insert(key)
        }
        guard present.isDisjoint(with: keys) else { return }
        let labels = present.sorted().map { d.label($0, season) }
        let list = labels.count > 12 ? "\(labels[0]) … \(labels[labels.count - 1])" : labels.joined(separator: ", ")
        let what = d == .month ? "months" : "weeks"
        let asked = Token.clip(value.value.text)
        throw EvaluationError(value.range, "no inquiries in \(asked); this season's \(what): \(list)")
    }

    func checkCancelled(at row: Int) throws(EvaluationError) {
        if row & (Evaluator.cancellationStride - 1) == 0, let isCancelled, isCancelled() {
            throw EvaluationError.interrupted
        }
    }

    func day(_ value: Located<Literal>) throws(EvaluationError) -> Int {
        guard let d = CivilDate.parse(value.value.text) else {
            throw EvaluationError(value.range, "expected a date like 2024-03-01, found \"\(Token.clip(value.value.text))\"")
        }
        return d.dayNumber
    }

    func inquiryValue(_ field: Located<String>) throws(EvaluationError) -> InquiryValue {
        let def = season.definition
        switch Metric.named(field.value, in: def) {
        case .total?: return .total
        case .totalAnswered?: return .totalAnswered
        case let .area(a)?: return .area(a)
        case let .question(q)?: return .question(q)
        case let .cx(m)?:
            let anySeasonHasIt = season.seasons.contains { $0.metricQuestions[m] != nil }
            guard let q = def.questionIndex(metric: m) ?? (anySeasonHasIt ? -1 : nil) else {
                throw EvaluationError(field.range, "this season has no \(m.rawValue) question")
            }
            return .cx(m, question: q)
        case let m?:
            throw EvaluationError(field.range, "\(m.id(in: def)) is a figure of a group, not of one inquiry",
                                  hint: m == .noanswer || m == .noanswer1 ? "filter on answered or not answered" : nil)
        case nil:
            let candidates = Dimension.names + ["date", "area", "answered", "season_day"] + Array(Metric.fixedNames.keys).sorted() + def.areas.map(\.id) + def.questions.map(\.id)
            throw EvaluationError(field.range, "expected a dimension, date or metric, found \"\(Token.clip(field.value))\"",
                                  hint: Suggest.nearest(field.value, in: candidates).map { "did you mean \($0)?" }
                                      ?? Evaluator(season: season).seasonIds)
        }
    }
}
