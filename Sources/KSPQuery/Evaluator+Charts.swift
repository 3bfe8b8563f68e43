import KSPCore

extension Evaluator {
    /// Any statement, charts included.
    public func runAny(_ source: String) throws -> StatementResult {
        if let exportStatement = try Parser.parseExport(source) {
            return .export(try export(exportStatement), file: exportStatement.file?.value)
        }
        let statement = try Parser.parse(source)
        switch statement {
        case .chart(let chartStatement): return try chart(chartStatement)
        case .trend(let trendStatement): return try trend(trendStatement)
        case .drivers(let driversStatement) where driversStatement.chart:
            let result = try drivers(driversStatement)
            return .quadrant(result.chart, result.table)
        case .report(let reportStatement):
            return .report(try report(reportStatement), file: reportStatement.file?.value)
        default: return .table(try evaluate(statement))
        }
    }

    func singleMetric(_ name: Located<String>) throws(EvaluationError) -> Metric {
        let list = try metrics([name], area: nil)
        guard list.count == 1 else {
            throw EvaluationError(name.range, "chart one metric at a time (not \(name.value))")
        }
        return list[0]
    }

    func chart(_ statement: ChartStatement) throws(EvaluationError) -> StatementResult {
        let metric = try singleMetric(statement.metric)
        let barDimension = try dimension(statement.dimension)
        let inquiries = try self.inquiries(passing: statement.filter)
        return try chart(metric, by: barDimension, inquiries, top: statement.top?.value)
    }

    /// Bars of a metric per group of a dimension over the given inquiries, best first; `top` keeps the best few.
    func chart(
        _ metric: Metric, by barDimension: Dimension, _ inquiries: [Int],
        top: Int? = nil
    ) throws(EvaluationError) -> StatementResult {
        var bars: [BarChart.Bar] = []
        for group in try groups([barDimension], inquiries) {
            try checkCancelled()
            let figure = season.figure(metric, over: group.inquiries)
            if let value = figure.value {
                let label = barDimension.label(group.key.first, season)
                bars.append(BarChart.Bar(label: label, value: value, base: figure.base))
            }
        }
        // Best first: the metric's own direction (lowest first for noanswer, waits, CES).
        let lowerIsBetter = metric.lowerIsBetter(in: season.definition)
        bars.sort { lowerIsBetter ? $0.value < $1.value : $0.value > $1.value }
        if let top { bars = Array(bars.prefix(top)) }
        // The reference: the class's mean when the bars are participants of one class, else all in the filter.
        var reference: (String, Double)?
        let classes = Set(inquiries.map { season.inquiries.classIndex[$0] })
        if let overall = season.figure(metric, over: inquiries).value {
            let oneClass = barDimension == .participant && classes.count == 1 ? classes.first : nil
            reference = (oneClass.map { "\(season.classes[Int($0)]) (class)" } ?? "all", overall)
        }
        // The scale: the metric's own range, so that bars in two charts of it compare.
        let values = bars.map(\.value) + [reference?.1 ?? 0]
        var low = 0.0
        var high = 100.0
        switch metric.kind {
        case .score, .share: break
        case .nps: low = -100
        case .rawMean:
            if case .cx(let cxMetric) = metric, let question = season.definition.questionIndex(metric: cxMetric),
                case .scale(let scaleLow, let scaleHigh) = season.definition.questions[question].type
            {
                low = Double(scaleLow)
                high = Double(scaleHigh)
            }
        case .count, .seconds: high = values.max() ?? 1
        }
        low = min(low, values.min() ?? low)
        high = max(high, values.max() ?? high)
        let id = metric.id(in: season.definition)
        let named = bars.map {
            BarChart.Bar(label: barDimension.chartLabel($0.label, season), value: $0.value, base: $0.base)
        }
        let chart = BarChart(
            title: "\(id) by \(barDimension.rawValue)", bars: named, reference: reference, low: low, high: high,
            minBase: options.minBase)
        let table = ResultTable(
            columns: [ResultColumn(barDimension.rawValue, isDimension: true), ResultColumn(id), ResultColumn("n")],
            rows: bars.map { [.text($0.label), .number($0.value, style(metric)), .count($0.base)] })
        return .bars(chart, table)
    }

    func trend(_ statement: TrendStatement) throws(EvaluationError) -> StatementResult {
        let metric = try singleMetric(statement.metric)
        let period = try dimension(statement.period)
        let rowDimension = try statement.dimension.map { (name) throws(EvaluationError) in try dimension(name) }
        let inquiries = try self.inquiries(passing: statement.filter)
        return try trend(metric, by: period, rows: rowDimension, inquiries)
    }

    /// A metric per period over the given inquiries: one line for all of them, or one per group of `rows`.
    func trend(
        _ metric: Metric, by period: Dimension, rows rowDimension: Dimension?,
        _ inquiries: [Int]
    ) throws(EvaluationError) -> StatementResult {
        let periodGroups = try groups([period], inquiries)
        let periods = periodGroups.map { period.label($0.key.first, season) }
        let periodIndex = Dictionary(uniqueKeysWithValues: periodGroups.enumerated().map { ($1.key.first, $0) })
        var rowGroups: [(label: String, inquiries: [Int])] = [("all", inquiries)]
        if let rowDimension {
            rowGroups = try groups([rowDimension], inquiries).map {
                (rowDimension.label($0.key.first, season), $0.inquiries)
            }
        }
        var lines: [TrendChart.Line] = []
        var rows: [[Cell]] = []
        for (label, rowInquiries) in rowGroups {
            try checkCancelled()
            var inquiriesPerPeriod = [[Int]](repeating: [], count: periods.count)
            for (inquiry, periodKey) in zip(rowInquiries, period.keys(rowInquiries, season)) {
                inquiriesPerPeriod[periodIndex[periodKey]!].append(inquiry)
            }
            let values = inquiriesPerPeriod.map { season.figure(metric, over: $0).value }
            lines.append(TrendChart.Line(label: rowDimension?.chartLabel(label, season) ?? label, values: values))
            rows.append([.text(label)] + values.map { .number($0, style(metric)) })
        }
        let id = metric.id(in: season.definition)
        let chart = TrendChart(
            title: "\(id) by \(period.rawValue)" + (rowDimension.map { " by \($0.rawValue)" } ?? ""), periods: periods,
            lines: lines)
        let table = ResultTable(
            columns: [ResultColumn(rowDimension?.rawValue ?? "group", isDimension: true)]
                + periods.map { ResultColumn($0) },
            rows: rows)
        return .trend(chart, table)
    }
}
