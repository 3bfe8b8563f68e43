import KSPCore

/// A `where` clause resolved against a season: names become indices, ready to test inquiries (`mask`).
indirect enum CompiledFilter {
    case and([CompiledFilter])
    case or([CompiledFilter])
    case not(CompiledFilter)
    case always
    case dimension(Dimension, Comparator, Int)
    case dimensionIn(Dimension, Set<Int>, negated: Bool)
    case date(Comparator, Int)
    case dateIn(Set<Int>, negated: Bool)
    case metric(InquiryValue, Comparator, Double)
    case answered
    case comment(String, Set<Int>)
    case seasonDay(Comparator, Int)
}

@inline(__always) func compare<T: Comparable>(_ left: T, _ comparator: Comparator, _ right: T) -> Bool {
    switch comparator {
    case .equal: return left == right
    case .notEqual: return left != right
    case .less: return left < right
    case .lessOrEqual: return left <= right
    case .greater: return left > right
    case .greaterOrEqual: return left >= right
    }
}

/// A value an inquiry has by itself (for `total < 50`): its total, an area score, a question's points,
/// or a CX answer on its own scale.
enum InquiryValue {
    case total, totalAnswered
    case area(Int)
    case question(Int)
    /// A CX answer (`nps <= 6`): with several seasons, each inquiry's own season's tagged question.
    case cx(CXMetric, question: Int)

    func value(_ inquiry: Int, _ season: Season) -> Double {
        let inquiries = season.inquiries
        switch self {
        case .total: return inquiries.total[inquiry]
        case .totalAnswered: return inquiries.answered[inquiry] ? inquiries.total[inquiry] : .nan
        case .area(let area): return inquiries.areaScore(inquiry, area)
        case .question(let question):
            let raw = inquiries.raw(inquiry, question)
            let questionDefinition = season.definition.questions[question]
            // A CX question compares on its own scale (nps 0–10, csat 1–5), the rest on points.
            return questionDefinition.metric != nil ? raw : questionDefinition.points(raw: raw)
        case .cx(let metric, let question):
            let own =
                season.seasons.count > 1
                ? season.seasons[Int(inquiries.season[inquiry])].metricQuestions[metric] : question
            guard let own, own >= 0 else {
                return .nan
            }
            return inquiries.raw(inquiry, own)
        }
    }
}

struct FilterCompiler {
    let season: Season
    /// Ctrl-C: asked while scanning all comments or inquiries.
    var isCancelled: (@Sendable () -> Bool)?

    /// Splits off `area = X` (which limits the metric set) from the rest of the clause.
    static func extractArea(_ filter: Filter?) -> (area: Located<Literal>?, rest: Filter?) {
        guard let filter else { return (nil, nil) }
        switch filter {
        case .comparison(let field, let comparator, let value)
        where field.value.lowercased() == "area" && comparator.value == .equal:
            return (value, nil)
        case .and(let parts):
            var area: Located<Literal>?
            var rest: [Filter] = []
            for part in parts {
                let (partArea, partRest) = extractArea(part)
                area = area ?? partArea
                if let partRest { rest.append(partRest) }
            }
            return (area, rest.isEmpty ? nil : rest.count == 1 ? rest[0] : .and(rest))
        default: return (nil, filter)
        }
    }

    func compile(_ filter: Filter) throws(EvaluationError) -> CompiledFilter {
        switch filter {
        case .and(let parts):
            var compiled: [CompiledFilter] = []
            for part in parts { compiled.append(try compile(part)) }
            return .and(compiled)
        case .or(let parts):
            var compiled: [CompiledFilter] = []
            for part in parts { compiled.append(try compile(part)) }
            return .or(compiled)
        case .not(let inner): return .not(try compile(inner))
        case .answered: return .answered
        case .soFar:
            // The latest season's reach: its last inquiry so far, in days from its first.
            let latest = season.seasons.count - 1
            var reach = 0
            for i in 0..<season.inquiries.count where Int(season.inquiries.season[i]) == latest {
                try checkCancelled(at: i)
                reach = max(reach, Int(season.inquiries.seasonDay[i]))
            }
            return .seasonDay(.lessOrEqual, reach)
        case .contains(let text):
            let needle = text.value.lowercased()
            var set = Set<Int>()
            for (index, comment) in season.comments.enumerated() {
                try checkCancelled(at: index)
                if comment.text.lowercased().contains(needle) {
                    set.insert(comment.inquiry)
                }
            }
            return .comment(text.value, set)
        case .comparison(let field, let comparator, let value):
            let name = field.value.lowercased()
            if name == "area" {
                throw EvaluationError(
                    field.range, "area = X limits the metrics and can only be joined with and",
                    hint: "put it at the top level: … where area = agent and …")
            }
            if name == "date" || name == "dato" {
                return .date(comparator.value, try day(value))
            }
            if name == "season_day" {
                guard case .number(let days) = value.value, days == days.rounded(), abs(days) < 1e9 else {
                    throw EvaluationError(
                        value.range, "expected a whole number of days after season_day \(comparator.value.rawValue)")
                }
                return .seasonDay(comparator.value, Int(days))
            }
            if let dimension = Dimension.named(name) {
                if comparator.value != .equal && comparator.value != .notEqual
                    && ![Dimension.month, .week, .attempts, .season].contains(dimension)
                {
                    throw EvaluationError(
                        comparator.range, "expected = or != after \(dimension.rawValue) (or in, not in)")
                }
                let key = try dimension.resolve(value, season)
                if comparator.value == .equal { try requirePeriod(dimension, [key], value) }
                return .dimension(dimension, comparator.value, key)
            }
            let metric = try inquiryValue(field)
            guard case .number(let number) = value.value else {
                throw EvaluationError(
                    value.range,
                    "expected a number to compare \(field.value) with, found \"\(Token.clip(value.value.text))\"")
            }
            return .metric(metric, comparator.value, number)
        case .membership(let field, let negated, let values):
            let name = field.value.lowercased()
            if name == "date" || name == "dato" {
                var set = Set<Int>()
                for value in values { set.insert(try day(value)) }
                return .dateIn(set, negated: negated)
            }
            guard let dimension = Dimension.named(name) else {
                throw EvaluationError(
                    field.range, "expected a dimension before in (\(Dimension.names.joined(separator: ", ")))",
                    hint: Suggest.nearest(name, in: Dimension.names).map { "did you mean \($0)?" })
            }
            var set = Set<Int>()
            for value in values { set.insert(try dimension.resolve(value, season)) }
            if !negated, let first = values.first { try requirePeriod(dimension, set, first) }
            return .dimensionIn(dimension, set, negated: negated)
        }
    }

    /// `month = 2023-05` on a season without that month: say which months it has, not just "(no rows)".
    func requirePeriod(_ dimension: Dimension, _ keys: Set<Int>, _ value: Located<Literal>) throws(EvaluationError) {
        guard dimension == .month || dimension == .week else { return }
        var present = Set<Int>()
        for (index, key) in dimension.keys(Array(0..<season.inquiries.count), season).enumerated() {
            try checkCancelled(at: index)
            present.insert(key)
        }
        guard present.isDisjoint(with: keys) else { return }
        let labels = present.sorted().map { dimension.label($0, season) }
        let list = labels.count > 12 ? "\(labels[0]) … \(labels[labels.count - 1])" : labels.joined(separator: ", ")
        let what = dimension == .month ? "months" : "weeks"
        let asked = Token.clip(value.value.text)
        throw EvaluationError(value.range, "no inquiries in \(asked); this season's \(what): \(list)")
    }

    func checkCancelled(at row: Int) throws(EvaluationError) {
        if row & (Evaluator.cancellationStride - 1) == 0, let isCancelled, isCancelled() {
            throw EvaluationError.interrupted
        }
    }

    func day(_ value: Located<Literal>) throws(EvaluationError) -> Int {
        guard let date = CivilDate.parse(value.value.text) else {
            throw EvaluationError(
                value.range, "expected a date like 2024-03-01, found \"\(Token.clip(value.value.text))\"")
        }
        return date.dayNumber
    }

    func inquiryValue(_ field: Located<String>) throws(EvaluationError) -> InquiryValue {
        let definition = season.definition
        switch Metric.named(field.value, in: definition) {
        case .total?: return .total
        case .totalAnswered?: return .totalAnswered
        case .area(let area)?: return .area(area)
        case .question(let question)?: return .question(question)
        case .cx(let metric)?:
            let anySeasonHasIt = season.seasons.contains { $0.metricQuestions[metric] != nil }
            guard let question = definition.questionIndex(metric: metric) ?? (anySeasonHasIt ? -1 : nil) else {
                throw EvaluationError(field.range, "this season has no \(metric.rawValue) question")
            }
            return .cx(metric, question: question)
        case let metric?:
            throw EvaluationError(
                field.range, "\(metric.id(in: definition)) is a figure of a group, not of one inquiry",
                hint: metric == .noanswer || metric == .noanswer1 ? "filter on answered or not answered" : nil)
        case nil:
            let candidates =
                Dimension.names + ["date", "area", "answered", "season_day"] + Array(Metric.fixedNames.keys).sorted()
                + definition.areas.map(\.id) + definition.questions.map(\.id)
            throw EvaluationError(
                field.range, "expected a dimension, date or metric, found \"\(Token.clip(field.value))\"",
                hint: Suggest.nearest(field.value, in: candidates).map { "did you mean \($0)?" }
                    ?? Evaluator(season: season).seasonIds)
        }
    }
}
