import KSPCore

extension Evaluator {
    /// Any statement, charts included.
    public func runAny(_ source: String) throws -> StatementResult {
        let statement = try Parser.parse(source)
        switch statement {
        case .chart(let c): return try chart(c)
        case .trend(let t): return try trend(t)
        case .drivers(let d) where d.chart:
            let result = try drivers(d)
            return .quadrant(result.chart, result.table)
        case .report(let r): return .report(try report(r), file: r.file?.value)
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

    func chart(_ c: ChartStatement) throws(EvaluationError) -> StatementResult {
        let metric = try singleMetric(c.metric)
        let dim = try dimension(c.dimension)
        let inquiries = try self.inquiries(passing: c.filter)
        return try chart(metric, by: dim, inquiries, top: c.top?.value)
    }

    /// Bars of a metric per group of a dimension over the given inquiries, best first; `top` keeps the best few.
    func chart(
        _ metric: Metric, by dim: Dimension, _ inquiries: [Int],
        top: Int? = nil
    ) throws(EvaluationError) -> StatementResult {
        var bars: [BarChart.Bar] = []
        for g in try groups([dim], inquiries) {
            try checkCancelled()
            let f = season.figure(metric, over: g.inquiries)
            if let v = f.value {
                bars.append(BarChart.Bar(label: dim.label(g.key.first, season), value: v, base: f.base))
            }
        }
        // Best first: the metric's own direction (lowest first for noanswer, waits, CES).
        let lowerIsBetter = metric.lowerIsBetter(in: season.definition)
        bars.sort { lowerIsBetter ? $0.value < $1.value : $0.value > $1.value }
        if let top { bars = Array(bars.prefix(top)) }
        // The reference: the class's mean when the bars are participants of one class, else all in the filter.
        var reference: (String, Double)?
        let classes = Set(inquiries.map { season.inquiries.classIndex[$0] })
        if let v = season.figure(metric, over: inquiries).value {
            reference = (
                dim == .participant && classes.count == 1 ? "\(season.classes[Int(classes.first!)]) (class)" : "all", v
            )
        }
        // The scale: the metric's own range, so that bars in two charts of it compare.
        let values = bars.map(\.value) + [reference?.1 ?? 0]
        var low = 0.0
        var high = 100.0
        switch metric.kind {
        case .score, .share: break
        case .nps: low = -100
        case .rawMean:
            if case .cx(let m) = metric, let q = season.definition.questionIndex(metric: m),
                case .scale(let lo, let hi) = season.definition.questions[q].type
            {
                low = Double(lo)
                high = Double(hi)
            }
        case .count, .seconds: high = values.max() ?? 1
        }
        low = min(low, values.min() ?? low)
        high = max(high, values.max() ?? high)
        let id = metric.id(in: season.definition)
        let chart = BarChart(
            title: "\(id) by \(dim.rawValue)", bars: bars, reference: reference, low: low, high: high,
            minBase: options.minBase)
        let table = ResultTable(
            columns: [ResultColumn(dim.rawValue, isDimension: true), ResultColumn(id), ResultColumn("n")],
            rows: bars.map { [.text($0.label), .number($0.value, style(metric)), .count($0.base)] })
        return .bars(chart, table)
    }

    func trend(_ t: TrendStatement) throws(EvaluationError) -> StatementResult {
        let metric = try singleMetric(t.metric)
        let period = try dimension(t.period)
        let dim = try t.dimension.map { (d) throws(EvaluationError) in try dimension(d) }
        let inquiries = try self.inquiries(passing: t.filter)
        return try trend(metric, by: period, rows: dim, inquiries)
    }

    /// A metric per period over the given inquiries: one line for all of them, or one per group of `rows`.
    func trend(
        _ metric: Metric, by period: Dimension, rows dim: Dimension?,
        _ inquiries: [Int]
    ) throws(EvaluationError) -> StatementResult {
        let periodGroups = try groups([period], inquiries)
        let periods = periodGroups.map { period.label($0.key.first, season) }
        let periodIndex = Dictionary(uniqueKeysWithValues: periodGroups.enumerated().map { ($1.key.first, $0) })
        var rowGroups: [(label: String, inquiries: [Int])] = [("all", inquiries)]
        if let dim {
            rowGroups = try groups([dim], inquiries).map { (dim.label($0.key.first, season), $0.inquiries) }
        }
        var lines: [TrendChart.Line] = []
        var rows: [[Cell]] = []
        for (label, rowInquiries) in rowGroups {
            try checkCancelled()
            var inquiriesPerPeriod = [[Int]](repeating: [], count: periods.count)
            for (i, k) in zip(rowInquiries, period.keys(rowInquiries, season)) {
                inquiriesPerPeriod[periodIndex[k]!].append(i)
            }
            let values = inquiriesPerPeriod.map { season.figure(metric, over: $0).value }
            lines.append(TrendChart.Line(label: label, values: values))
            rows.append([.text(label)] + values.map { .number($0, style(metric)) })
        }
        let id = metric.id(in: season.definition)
        let chart = TrendChart(
            title: "\(id) by \(period.rawValue)" + (dim.map { " by \($0.rawValue)" } ?? ""), periods: periods,
            lines: lines)
        let table = ResultTable(
            columns: [ResultColumn(dim?.rawValue ?? "group", isDimension: true)] + periods.map { ResultColumn($0) },
            rows: rows)
        return .trend(chart, table)
    }
}
