import KSPCore

/// A horizontal bar chart for the terminal: one bar per group, sorted, with value and base at
/// each bar and a reference line (the overall mean, or the class's when one class is charted).
public struct BarChart: Sendable, Equatable {
    public struct Bar: Sendable, Equatable {
        public var label: String
        public var value: Double
        public var base: Int
    }
    public var title: String
    public var bars: [Bar]
    public var reference: (label: String, value: Double)?
    /// The value range the bars span (0–100 for scores; wider when values fall outside).
    public var low: Double
    public var high: Double
    public var minBase: Int

    public static func == (a: BarChart, b: BarChart) -> Bool {
        a.title == b.title && a.bars == b.bars && a.low == b.low && a.high == b.high &&
            a.reference?.label == b.reference?.label && a.reference?.value == b.reference?.value
    }

    /// Eighth blocks, from one eighth to a full cell.
    static let eighths = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]

    /// Columns of bar for a value in a bar area `width` wide, in eighths of a column.
    public func eighthsFor(_ value: Double, width: Int) -> Int {
        guard high > low else { return 0 }
        let share = min(1, max(0, (value - low) / (high - low)))
        return Int((share * Double(width * 8)).rounded())
    }

    /// The narrowest bar a chart is drawn with, and the narrowest a label is cut to.
    static let minimumBar = 10
    static let minimumLabel = 6

    public func render(width: Int, unicode: Bool) -> String {
        let labels = bars.map { TerminalSafeText.escaped($0.label) }
        let values = bars.map { NumberFormat.oneDecimal($0.value) + ($0.base < minBase ? "*" : "") + "  n=\($0.base)" }
        let valueWidth = values.map(\.count).max() ?? 0
        // Label, space, bar, space, value, two columns spare: labels are cut before the bar gets narrower than
        // its minimum.
        let room = width - valueWidth - 4
        let widestLabel = labels.map { DisplayWidth.of($0) }.max() ?? 0
        let labelWidth = min(28, widestLabel, max(BarChart.minimumLabel, room - BarChart.minimumBar))
        guard labelWidth + BarChart.minimumBar <= room || labels.isEmpty else {
            return ChartFit.tooNarrow(title, needs: min(widestLabel, BarChart.minimumLabel) + BarChart.minimumBar
                + valueWidth + 4, width: width)
        }
        let barWidth = max(BarChart.minimumBar, min(60, room - labelWidth))
        let refColumn = reference.map { min(barWidth - 1, eighthsFor($0.value, width: barWidth) / 8) }
        var lines = [title]
        for (k, bar) in bars.enumerated() {
            let e = eighthsFor(bar.value, width: barWidth)
            var cells = [String](repeating: " ", count: barWidth)
            for c in 0..<(e / 8) { cells[c] = unicode ? "█" : "#" }
            if e % 8 > 0 && e / 8 < barWidth { cells[e / 8] = unicode ? BarChart.eighths[e % 8 - 1] : (e % 8 >= 4 ? "#" : " ") }
            if let r = refColumn {
                let mark = unicode ? "│" : "|"
                cells[r] = cells[r] == " " ? mark : (unicode ? "┃" : "|")
            }
            let label = DisplayWidth.truncate(labels[k], to: labelWidth)
            let pad = String(repeating: " ", count: labelWidth - DisplayWidth.of(label))
            lines.append("\(label)\(pad) \(cells.joined()) \(values[k])")
        }
        if let reference {
            let text = TerminalSafeText.escaped("\(reference.label): \(NumberFormat.oneDecimal(reference.value))")
            let line = String(repeating: " ", count: labelWidth + 1) + (unicode ? "│ " : "| ") + text
            lines.append(DisplayWidth.truncate(line, to: width))
        }
        if bars.contains(where: { $0.base < minBase }) { lines.append("* fewer than \(minBase) inquiries: read with care") }
        lines[0] = TerminalSafeText.escaped(title)
        return lines.map { TerminalSafeText.wrapped($0, width: width) }.joined(separator: "\n")
    }
}

/// Sparklines through the season: one line per group.
public struct TrendChart: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var label: String
        public var values: [Double?]
    }
    public var title: String
    public var periods: [String]
    public var lines: [Line]

    static let levels = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let asciiLevels = ["_", ".", "-", "~", "=", "*", "#", "@"]

    public func render(width: Int, unicode: Bool) -> String {
        let all = lines.flatMap { $0.values.compactMap { $0 } }
        guard let lo = all.min(), let hi = all.max() else { return title + "\n(no values)" }
        let labels = lines.map { TerminalSafeText.escaped($0.label) }
        // Label, space, sparkline, space, `first → last`: labels are cut before the sparkline gets too short.
        let ends = lines.map(TrendChart.ends)
        let endsWidth = ends.map { DisplayWidth.of($0) }.max() ?? 0
        let widestLabel = labels.map { DisplayWidth.of($0) }.max() ?? 0
        let minimumSpark = 4
        let labelWidth = min(28, widestLabel, max(6, width - endsWidth - 2 - minimumSpark))
        guard labelWidth + minimumSpark + endsWidth + 2 <= width else {
            return ChartFit.tooNarrow(title, needs: min(widestLabel, 6) + minimumSpark + endsWidth + 2, width: width)
        }
        // Fit: the newest periods when the line would be wider than the terminal.
        let room = max(minimumSpark, width - labelWidth - endsWidth - 2)
        let start = max(0, periods.count - room)
        let lastPeriod = periods.last ?? periods[start]
        let range = "(low \(NumberFormat.oneDecimal(lo)), high \(NumberFormat.oneDecimal(hi)))"
        let header = String(repeating: " ", count: labelWidth + 1) + "\(periods[start]) … \(lastPeriod)  " + range
        var out = [TerminalSafeText.escaped(title), header].map { TerminalSafeText.wrapped($0, width: width) }
        let levels = unicode ? TrendChart.levels : TrendChart.asciiLevels
        for (index, line) in lines.enumerated() {
            let spark = line.values[start...].map { v -> String in
                guard let v else { return " " }
                let k = hi > lo ? Int(((v - lo) / (hi - lo) * 7).rounded()) : 3
                return levels[k]
            }.joined()
            let label = DisplayWidth.truncate(labels[index], to: labelWidth)
            let pad = String(repeating: " ", count: labelWidth - DisplayWidth.of(label))
            out.append("\(label)\(pad) \(spark) \(ends[index])")
        }
        return out.joined(separator: "\n")
    }

    /// `first → last` of a line's values; empty without values.
    static func ends(_ line: Line) -> String {
        let known = line.values.compactMap { $0 }
        guard let first = known.first, let last = known.last else { return "" }
        return NumberFormat.oneDecimal(first) + " → " + NumberFormat.oneDecimal(last)
    }
}

/// What a chart says when the terminal is too narrow to draw it.
enum ChartFit {
    static func tooNarrow(_ title: String, needs: Int, width: Int) -> String {
        let text = TerminalSafeText.escaped(title) + "\n" + "(the chart needs \(needs) columns and the terminal has "
            + "\(width): widen it, or use .mode csv for the numbers)"
        return TerminalSafeText.wrapped(text, width: width)
    }
}

/// What a statement gives: a table, or a chart with the table of its numbers (for csv and json).
public enum StatementResult: Sendable {
    case table(ResultTable)
    case bars(BarChart, ResultTable)
    case trend(TrendChart, ResultTable)
    /// A report, and where to write it (nil: the screen).
    case report(Report, file: String?)

    public var isChart: Bool { if case .table = self { return false } else { return true } }

    public var table: ResultTable {
        switch self {
        case let .table(t), let .bars(_, t), let .trend(_, t): return t
        case let .report(r, _):
            for s in r.sections { for b in s.blocks { if case let .table(t) = b { return t } } }
            return ResultTable(columns: [], rows: [])
        }
    }

    /// The text for a format: charts in table mode, their numbers in the others.
    public func render(_ format: OutputFormat, width: Int, color: Bool, unicode: Bool) -> String {
        switch (self, format) {
        case let (.bars(c, _), .table): return c.render(width: width, unicode: unicode)
        case let (.trend(c, _), .table): return c.render(width: width, unicode: unicode)
        case let (.report(r, _), .table): return r.terminal(width: width, unicode: unicode)
        case let (.report(r, _), .markdown): return r.markdown
        default: return format.render(table, width: width, color: color, unicode: unicode)
        }
    }
}

extension Evaluator {
    /// Any statement, charts included.
    public func runAny(_ source: String) throws -> StatementResult {
        let statement = try Parser.parse(source)
        switch statement {
        case let .chart(c): return try chart(c)
        case let .trend(t): return try trend(t)
        case let .report(r): return .report(try report(r), file: r.file?.value)
        default: return .table(try evaluate(statement))
        }
    }

    func singleMetric(_ name: Located<String>) throws(EvaluationError) -> Metric {
        let list = try metrics([name], area: nil)
        guard list.count == 1 else { throw EvaluationError(name.range, "chart one metric at a time (not \(name.value))") }
        return list[0]
    }

    func chart(_ c: ChartStatement) throws(EvaluationError) -> StatementResult {
        let metric = try singleMetric(c.metric)
        let dim = try dimension(c.dimension)
        let inquiries = try self.inquiries(passing: c.filter)
        var bars: [BarChart.Bar] = []
        for g in try groups([dim], inquiries) {
            try checkCancelled()
            let f = season.figure(metric, over: g.inquiries)
            if let v = f.value { bars.append(BarChart.Bar(label: dim.label(g.key.a, season), value: v, base: f.base)) }
        }
        // Best first: the metric's own direction (lowest first for noanswer, waits, CES).
        let lowerIsBetter = metric.lowerIsBetter(in: season.definition)
        bars.sort { lowerIsBetter ? $0.value < $1.value : $0.value > $1.value }
        if let top = c.top { bars = Array(bars.prefix(top.value)) }
        // The reference: the class's mean when the bars are participants of one class, else all in the filter.
        var reference: (String, Double)?
        let classes = Set(inquiries.map { season.inquiries.classIndex[$0] })
        if let v = season.figure(metric, over: inquiries).value {
            reference = (dim == .participant && classes.count == 1 ? "\(season.classes[Int(classes.first!)]) (class)" : "all", v)
        }
        // The scale: the metric's own range, so that bars in two charts of it compare.
        let values = bars.map(\.value) + [reference?.1 ?? 0]
        var low = 0.0, high = 100.0
        switch metric.kind {
        case .score, .share: break
        case .nps: low = -100
        case .rawMean:
            if case let .cx(m) = metric, let q = season.definition.questionIndex(metric: m), case let .scale(lo, hi) = season.definition.questions[q].type {
                low = Double(lo); high = Double(hi)
            }
        case .count, .seconds: high = values.max() ?? 1
        }
        low = min(low, values.min() ?? low)
        high = max(high, values.max() ?? high)
        let id = metric.id(in: season.definition)
        let chart = BarChart(title: "\(id) by \(dim.rawValue)", bars: bars, reference: reference, low: low, high: high, minBase: options.minBase)
        let table = ResultTable(columns: [ResultColumn(dim.rawValue, isDimension: true), ResultColumn(id), ResultColumn("n")],
                                rows: bars.map { [.text($0.label), .number($0.value, style(metric)), .count($0.base)] })
        return .bars(chart, table)
    }

    func trend(_ t: TrendStatement) throws(EvaluationError) -> StatementResult {
        let metric = try singleMetric(t.metric)
        let period = try dimension(t.period)
        let dim = try t.dimension.map { (d) throws(EvaluationError) in try dimension(d) }
        let inquiries = try self.inquiries(passing: t.filter)
        let periodGroups = try groups([period], inquiries)
        let periods = periodGroups.map { period.label($0.key.a, season) }
        let periodIndex = Dictionary(uniqueKeysWithValues: periodGroups.enumerated().map { ($1.key.a, $0) })
        var rowGroups: [(label: String, inquiries: [Int])] = [("all", inquiries)]
        if let dim {
            rowGroups = try groups([dim], inquiries).map { (dim.label($0.key.a, season), $0.inquiries) }
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
        let chart = TrendChart(title: "\(id) by \(period.rawValue)" + (dim.map { " by \($0.rawValue)" } ?? ""), periods: periods, lines: lines)
        let table = ResultTable(columns: [ResultColumn(dim?.rawValue ?? "group", isDimension: true)] + periods.map { ResultColumn($0) }, rows: rows)
        return .trend(chart, table)
    }
}
