import KSPCore

/// Settings that shape results but are not part of a statement.
public struct EvaluationOptions: Sendable {
    /// Figures resting on fewer inquiries than this are marked (`*`).
    public var minBase: Int = 10
    /// `.ci on`: a 95 % interval beside every mean and NPS.
    public var confidenceIntervals = false
    /// Seed of the rank bootstrap (the same seed gives the same table).
    public var seed: UInt64 = 1
    /// `.lang` or `--lang`: the language of reports over the season's own; nil leaves it to the season.
    public var language: ReportLanguage?
    /// `.adjust`: how compare's p-values are adjusted for the number of rows tested together.
    public var adjustment: PValueAdjustment = .holm
    /// Asked now and then during long work (Ctrl-C at the prompt); true stops the statement.
    public var isCancelled: (@Sendable () -> Bool)?
    public init(minBase: Int = 10, confidenceIntervals: Bool = false) {
        self.minBase = minBase
        self.confidenceIntervals = confidenceIntervals
    }
}

/// Turns a parsed statement into a result table with the scoring core's figures.
public struct Evaluator: Sendable {
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
        case .select(let selectStatement): return try select(selectStatement)
        case .compare(let compareStatement): return try compare(compareStatement)
        case .winners(let winnersStatement): return try winners(winnersStatement)
        case .quotes(let quotesStatement): return try quotes(quotesStatement)
        case .shoppers(let shoppersStatement): return try shoppers(shoppersStatement)
        case .rank(let rankStatement): return try rank(rankStatement)
        case .gap(let gapStatement): return try gap(gapStatement)
        case .drivers(let driversStatement): return try drivers(driversStatement).table
        case .chart(let chartStatement):
            guard case .bars(_, let table) = try chart(chartStatement) else {
                return ResultTable(columns: [], rows: [])
            }
            return table
        case .report(let reportStatement):
            // A report is a document in its own words (KSPRender writes it); as a table it has none.
            _ = try report(reportStatement)
            return ResultTable(columns: [], rows: [])
        case .trend(let trendStatement):
            guard case .trend(_, let table) = try trend(trendStatement) else {
                return ResultTable(columns: [], rows: [])
            }
            return table
        }
    }

    // MARK: Shared pieces

    var smallBaseNote: TableNote { .smallBase(minBase: options.minBase) }

    func dimension(_ name: Located<String>) throws(EvaluationError) -> Dimension {
        if let dimension = Dimension.named(name.value) { return dimension }
        throw EvaluationError(
            name.range,
            "expected a dimension (\(Dimension.names.joined(separator: ", "))), found \"\(Token.clip(name.value))\"",
            hint: Suggest.nearest(name.value, in: Dimension.names).map { "did you mean \($0)?" })
    }

    /// The inquiries that pass a filter (all when there is none).
    func inquiries(passing filter: Filter?) throws(EvaluationError) -> [Int] {
        guard let filter else { return Array(0..<season.inquiries.count) }
        let passes = try inquiryMask(passing: filter)
        var result: [Int] = []
        result.reserveCapacity(season.inquiries.count)
        for (i, passing) in passes.enumerated() where passing { result.append(i) }
        return result
    }

    /// One flag per inquiry of the season: does it pass the filter (column by column, see FilterMask).
    func inquiryMask(passing filter: Filter) throws(EvaluationError) -> [Bool] {
        let compiled = try FilterCompiler(season: season, isCancelled: options.isCancelled).compile(filter)
        try checkCancelled()
        return compiled.mask(season)
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
        let definition = season.definition
        var result: [Metric] = []
        for name in names {
            switch name.value.lowercased() {
            case "areas", "områder":
                result += definition.areas.indices.filter { area == nil || $0 == area }.map { Metric.area($0) }
            case "questions", "spørsmål":
                result += definition.questions.indices.filter {
                    area == nil || definition.questions[$0].areaIndex == area
                }.map { Metric.question($0) }
            default:
                guard let metric = Metric.named(name.value, in: definition) else {
                    let candidates =
                        Array(Metric.fixedNames.keys).sorted() + ["areas", "questions"] + definition.areas.map(\.id)
                        + definition.questions.map(\.id)
                    var hint = Suggest.nearest(name.value, in: candidates).map { "did you mean \($0)?" }
                    if hint == nil, Dimension.named(name.value) != nil {
                        hint = "a statement starts with metrics: total by \(name.value.lowercased())"
                    }
                    if hint == nil { hint = seasonIds }
                    throw EvaluationError(
                        name.range,
                        "unknown metric \"\(Token.clip(name.value))\"; expected total, an area id, a question id, areas, questions, n, nps, …",
                        hint: hint)
                }
                if case .cx(let cxMetric) = metric, definition.questionIndex(metric: cxMetric) == nil {
                    throw EvaluationError(name.range, "this season has no question marked metric: \(cxMetric.rawValue)")
                }
                result.append(metric)
            }
        }
        return result
    }

    func areaRestriction(_ value: Located<Literal>?) throws(EvaluationError) -> Int? {
        guard let value else { return nil }
        if let area = season.definition.areaIndex(id: value.value.text) { return area }
        if let area = season.definition.areas.firstIndex(where: {
            $0.name.lowercased() == value.value.text.lowercased()
        }) {
            return area
        }
        let near = Suggest.nearest(value.value.text, in: season.definition.areas.map(\.id))
        throw EvaluationError(
            value.range, "no area \"\(Token.clip(value.value.text))\"",
            hint: near.map { "did you mean \($0)?" } ?? seasonIds)
    }

    /// The ids this season has, for a name it lacks (another season's area, say).
    var seasonIds: String {
        let definition = season.definition
        let shown = 20
        var questions = definition.questions.prefix(shown).map(\.id).joined(separator: ", ")
        if definition.questions.count > shown {
            questions += ", … (.questions lists all \(definition.questions.count))"
        }
        return "this season's areas: " + definition.areas.map(\.id).joined(separator: ", ") + "; questions: "
            + questions
    }

    func style(_ metric: Metric) -> NumberStyle {
        switch metric.kind {
        case .score, .rawMean, .nps: return .score
        case .share: return .percent
        case .count: return .count
        case .seconds: return .seconds
        }
    }

    /// The values a metric can take: 0–100 for scores and shares, −100–100 for NPS, a CX scale's own ends for
    /// its raw mean; nil for counts and waits.
    func valueRange(_ metric: Metric) -> ClosedRange<Double>? {
        switch metric.kind {
        case .score, .share: return 0...100
        case .nps: return -100...100
        case .rawMean:
            guard case .cx(let cx) = metric, let question = season.definition.questionIndex(metric: cx),
                case .scale(let low, let high) = season.definition.questions[question].type, low < high
            else { return nil }
            return Double(low)...Double(high)
        case .count, .seconds: return nil
        }
    }

    func cell(_ figure: Figure, _ metric: Metric) -> Cell {
        let small = metric != .n && figure.value != nil && figure.base < options.minBase
        return .number(figure.value, style(metric), flags: .smallBase(small))
    }

    /// Sorts rows by the named column; `top N` without `order by` ranks by the first metric, best first.
    /// "Best first" follows the metric's direction (`defaultMetric` for the default column, the
    /// named metric for `order by X`); an explicit asc/desc is literal.
    func order(
        _ table: inout ResultTable, by key: (key: Located<String>, direction: SortDirection?)?,
        top: Located<Int>?, defaultColumn: Int?, defaultMetric: Metric? = nil
    ) throws(EvaluationError) {
        var column: Int?
        var descending = false
        if let key {
            let name = key.key.value.lowercased()
            column = table.columns.firstIndex { $0.name.lowercased() == name }
            if column == nil, let dimension = Dimension.named(name) {
                column = table.columns.firstIndex { $0.name == dimension.rawValue }
            }
            guard let columnIndex = column else {
                throw EvaluationError(
                    key.key.range, "cannot order by \"\(Token.clip(key.key.value))\": not a column of this result",
                    hint: Suggest.nearest(key.key.value, in: table.columns.map(\.name)).map { "did you mean \($0)?" }
                        ?? "columns: " + table.columns.map(\.name).joined(separator: ", "))
            }
            // Numbers default to best first, text to A–Z.
            let lowerIsBetter =
                Metric.named(table.columns[columnIndex].name, in: season.definition)?.lowerIsBetter(
                    in: season.definition) ?? false
            descending =
                key.direction.map { $0 == .descending } ?? (!table.columns[columnIndex].isDimension && !lowerIsBetter)
        } else if top != nil, let columnIndex = defaultColumn {
            column = columnIndex
            descending = !(defaultMetric?.lowerIsBetter(in: season.definition) ?? false)
        }
        if let columnIndex = column { sortRows(&table, column: columnIndex, descending: descending) }
        if let top, table.rows.count > top.value { table.rows = Array(table.rows.prefix(top.value)) }
    }

    /// Sorts rows by one column, missing values last and ties in their order; text by Norwegian collation.
    func sortRows(_ table: inout ResultTable, column columnIndex: Int, descending: Bool) {
        let indexed = table.rows.enumerated().map { ($0, $1) }
        let sorted = indexed.sorted { left, right in
            let leftValue = left.1[columnIndex].value
            let rightValue = right.1[columnIndex].value
            switch (leftValue, rightValue) {
            case (.number(let leftNumber, _), .number(let rightNumber, _)):
                if leftNumber == nil || rightNumber == nil {
                    return leftNumber != nil && rightNumber == nil
                        ? true : (leftNumber == nil && rightNumber == nil ? left.0 < right.0 : false)
                }
                if leftNumber! != rightNumber! {
                    return descending ? leftNumber! > rightNumber! : leftNumber! < rightNumber!
                }
                return left.0 < right.0
            case (.text(let leftText), .text(let rightText)):
                if leftText != rightText {
                    return descending
                        ? NorwegianCollation.less(rightText, leftText) : NorwegianCollation.less(leftText, rightText)
                }
                return left.0 < right.0
            default: return left.0 < right.0
            }
        }
        table.rows = sorted.map(\.1)
    }
}
