import KSPCore

/// Settings that shape results but are not part of a statement.
public struct EvaluationOptions: Sendable {
    /// Figures resting on fewer inquiries than this are marked (`*`).
    public var minBase: Int = 10
    /// `.ci on`: a 95 % interval beside every mean and NPS.
    public var confidenceIntervals = false
    /// Seed of the rank bootstrap (the same seed gives the same table).
    public var seed: UInt64 = 1
    /// Asked now and then during long work (Ctrl-C at the prompt); true stops the statement.
    public var isCancelled: (@Sendable () -> Bool)?
    public init(minBase: Int = 10, confidenceIntervals: Bool = false) {
        self.minBase = minBase
        self.confidenceIntervals = confidenceIntervals
    }
}

/// Turns a parsed statement into a result table with the scoring core's figures.
public struct Evaluator {
    public let season: Season
    public var options: EvaluationOptions

    public init(season: Season, options: EvaluationOptions = EvaluationOptions()) {
        self.season = season
        self.options = options
    }

    /// Parses and evaluates one statement.
    public func run(_ source: String) throws -> ResultTable {
        try evaluate(try Parser.parse(source))
    }

    public func evaluate(_ statement: Statement) throws(EvaluationError) -> ResultTable {
        switch statement {
        case let .select(s): return try select(s)
        case let .compare(c): return try compare(c)
        case let .winners(w): return try winners(w)
        case let .quotes(q): return try quotes(q)
        case let .rank(r): return try rank(r)
        case let .gap(g): return try gap(g)
        case let .drivers(d): return try drivers(d).table
        case let .chart(c):
            guard case let .bars(_, t) = try chart(c) else { return ResultTable(columns: [], rows: []) }
            return t
        case let .report(r):
            // As a table: the report's first table (its headline figures).
            for s in try report(r).sections { for b in s.blocks { if case let .table(t) = b { return t } } }
            return ResultTable(columns: [], rows: [])
        case let .trend(c):
            guard case let .trend(_, t) = try trend(c) else { return ResultTable(columns: [], rows: []) }
            return t
        }
    }

    // MARK: Shared pieces

    var smallBaseNote: String { "* fewer than \(options.minBase) inquiries: read with care" }

    func dimension(_ name: Located<String>) throws(EvaluationError) -> Dimension {
        if let d = Dimension.named(name.value) { return d }
        throw EvaluationError(name.range, "expected a dimension (\(Dimension.names.joined(separator: ", "))), found \"\(Token.clip(name.value))\"",
                              hint: Suggest.nearest(name.value, in: Dimension.names).map { "did you mean \($0)?" })
    }

    /// The inquiries that pass a filter (all when there is none).
    func inquiries(passing filter: Filter?) throws(EvaluationError) -> [Int] {
        guard let filter else { return Array(0..<season.inquiries.count) }
        let compiled = try FilterCompiler(season: season, isCancelled: options.isCancelled).compile(filter)
        var result: [Int] = []
        result.reserveCapacity(season.inquiries.count)
        for i in 0..<season.inquiries.count {
            try checkCancelled(at: i)
            if compiled.test(i, season) { result.append(i) }
        }
        return result
    }

    /// Throws when the user asked to stop (Ctrl-C).
    func checkCancelled() throws(EvaluationError) {
        if let isCancelled = options.isCancelled, isCancelled() {
            throw EvaluationError.interrupted
        }
    }

    /// Inside a loop over rows: asks every `cancellationStride` rows (asking is cheap, not free).
    @inline(__always) func checkCancelled(at row: Int) throws(EvaluationError) {
        if row & (Evaluator.cancellationStride - 1) == 0 {
            try checkCancelled()
        }
    }

    /// Rows between two checks for Ctrl-C in long loops (a power of two).
    static let cancellationStride = 4096

    /// Resolves metric names, expanding `areas` and `questions` (limited to one area by `area = X`).
    func metrics(_ names: [Located<String>], area: Int?) throws(EvaluationError) -> [Metric] {
        let def = season.definition
        var result: [Metric] = []
        for name in names {
            switch name.value.lowercased() {
            case "areas", "områder":
                result += def.areas.indices.filter { area == nil || $0 == area }.map { Metric.area($0) }
            case "questions", "spørsmål":
                result += def.questions.indices.filter { area == nil || def.questions[$0].areaIndex == area }.map { Metric.question($0) }
            default:
                guard let m = Metric.named(name.value, in: def) else {
                    let candidates = Array(Metric.fixedNames.keys).sorted() + ["areas", "questions"] + def.areas.map(\.id) + def.questions.map(\.id)
                    var hint = Suggest.nearest(name.value, in: candidates).map { "did you mean \($0)?" }
                    if hint == nil, Dimension.named(name.value) != nil { hint = "a statement starts with metrics: total by \(name.value.lowercased())" }
                    if hint == nil { hint = seasonIds }
                    throw EvaluationError(name.range, "unknown metric \"\(Token.clip(name.value))\"; expected total, an area id, a question id, areas, questions, n, nps, …", hint: hint)
                }
                if case let .cx(cx) = m, def.questionIndex(metric: cx) == nil {
                    throw EvaluationError(name.range, "this season has no question marked metric: \(cx.rawValue)")
                }
                result.append(m)
            }
        }
        return result
    }

    func areaRestriction(_ value: Located<Literal>?) throws(EvaluationError) -> Int? {
        guard let value else { return nil }
        if let a = season.definition.areaIndex(id: value.value.text) { return a }
        if let a = season.definition.areas.firstIndex(where: { $0.name.lowercased() == value.value.text.lowercased() }) { return a }
        let near = Suggest.nearest(value.value.text, in: season.definition.areas.map(\.id))
        throw EvaluationError(value.range, "no area \"\(Token.clip(value.value.text))\"",
                              hint: near.map { "did you mean \($0)?" } ?? seasonIds)
    }

    /// The ids this season has, for a name it lacks (another season's area, say).
    var seasonIds: String {
        let def = season.definition
        let shown = 20
        var questions = def.questions.prefix(shown).map(\.id).joined(separator: ", ")
        if def.questions.count > shown { questions += ", … (.questions lists all \(def.questions.count))" }
        return "this season's areas: " + def.areas.map(\.id).joined(separator: ", ") + "; questions: " + questions
    }

    func style(_ m: Metric) -> NumberStyle {
        switch m.kind {
        case .score, .rawMean, .nps: return .score
        case .share: return .percent
        case .count: return .count
        case .seconds: return .seconds
        }
    }

    func cell(_ f: Figure, _ m: Metric) -> Cell {
        let small = m != .n && f.value != nil && f.base < options.minBase
        return .number(f.value, style(m), flags: .smallBase(small))
    }

    /// Sorts rows by the named column; `top N` without `order by` ranks by the first metric, best first.
    /// "Best first" follows the metric's direction (`defaultMetric` for the default column, the
    /// named metric for `order by X`); an explicit asc/desc is literal.
    func order(_ table: inout ResultTable, by key: (key: Located<String>, direction: SortDirection?)?,
               top: Located<Int>?, defaultColumn: Int?, defaultMetric: Metric? = nil) throws(EvaluationError) {
        var column: Int?
        var descending = false
        if let key {
            let name = key.key.value.lowercased()
            column = table.columns.firstIndex { $0.name.lowercased() == name }
            if column == nil, let d = Dimension.named(name) { column = table.columns.firstIndex { $0.name == d.rawValue } }
            guard let c = column else {
                throw EvaluationError(key.key.range, "cannot order by \"\(Token.clip(key.key.value))\": not a column of this result",
                                      hint: Suggest.nearest(key.key.value, in: table.columns.map(\.name)).map { "did you mean \($0)?" } ?? "columns: " + table.columns.map(\.name).joined(separator: ", "))
            }
            // Numbers default to best first, text to A–Z.
            let lowerIsBetter = Metric.named(table.columns[c].name, in: season.definition)?.lowerIsBetter(in: season.definition) ?? false
            descending = key.direction.map { $0 == .descending } ?? (!table.columns[c].isDimension && !lowerIsBetter)
        } else if top != nil, let c = defaultColumn {
            column = c
            descending = !(defaultMetric?.lowerIsBetter(in: season.definition) ?? false)
        }
        if let c = column { sortRows(&table, column: c, descending: descending) }
        if let top, table.rows.count > top.value { table.rows = Array(table.rows.prefix(top.value)) }
    }

    /// Sorts rows by one column, missing values last and ties in their order; text by Norwegian collation.
    func sortRows(_ table: inout ResultTable, column c: Int, descending: Bool) {
        let indexed = table.rows.enumerated().map { ($0, $1) }
        let sorted = indexed.sorted { x, y in
            let a = x.1[c].value, b = y.1[c].value
            switch (a, b) {
            case let (.number(va, _), .number(vb, _)):
                if va == nil || vb == nil { return va != nil && vb == nil ? true : (va == nil && vb == nil ? x.0 < y.0 : false) }
                if va! != vb! { return descending ? va! > vb! : va! < vb! }
                return x.0 < y.0
            case let (.text(ta), .text(tb)):
                if ta != tb { return descending ? NorwegianCollation.less(tb, ta) : NorwegianCollation.less(ta, tb) }
                return x.0 < y.0
            default: return x.0 < y.0
            }
        }
        table.rows = sorted.map(\.1)
    }
}
