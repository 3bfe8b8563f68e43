import KSPCore

/// A group key of up to two dimensions.
struct GroupKey: Hashable { var a: Int; var b: Int }

extension Evaluator {
    func select(_ s: SelectStatement) throws(EvaluationError) -> ResultTable {
        let (areaValue, rest) = FilterCompiler.extractArea(s.filter)
        let area = try areaRestriction(areaValue)
        let metrics = try self.metrics(s.metrics, area: area)
        if metrics.isEmpty { throw EvaluationError(s.metrics[0].range, "no metrics left after area = \(areaValue?.value.text ?? "")") }
        var dims: [Dimension] = []
        for d in s.by { dims.append(try dimension(d)) }
        let across = try s.across.map { (n) throws(EvaluationError) in try dimension(n) }
        if let across, dims.contains(across) {
            throw EvaluationError(s.across!.range, "\(across.rawValue) is already a row dimension; expected another dimension after across")
        }
        if dims.count == 2 && dims[0] == dims[1] { throw EvaluationError(s.by[1].range, "\(dims[1].rawValue) is given twice after by") }
        let inquiries = try self.inquiries(passing: rest)
        let onlyQuestions = s.metrics.count == 1 && ["questions", "spørsmål"].contains(s.metrics[0].value.lowercased())

        var table: ResultTable
        if onlyQuestions && across == nil && dims.count <= 1 {
            table = try questionRows(metrics, by: dims.first, inquiries)
        } else if let across {
            table = try crosstab(metrics, rows: dims, across: across, inquiries)
        } else {
            table = try grouped(metrics, by: dims, inquiries)
        }
        let firstMetric = table.columns.firstIndex { !$0.isDimension }
        try order(&table, by: s.orderBy, top: s.top, defaultColumn: firstMetric, defaultMetric: metrics.first)
        addLegends(&table, againstRow: across != nil)
        return table
    }

    /// The notes a table's flags need: small bases, and ▲ ▼ against the rest of the table (or of the row,
    /// in a crosstab).
    func addLegends(_ table: inout ResultTable, againstRow: Bool) {
        if table.rows.contains(where: { $0.contains { $0.flags.contains(.smallBase) } }) { table.notes.append(smallBaseNote) }
        if table.rows.contains(where: { $0.contains { !$0.flags.isDisjoint(with: [.above, .below]) } }) {
            let rest = againstRow ? "row" : "table"
            table.notes.append("▲ ▼ significantly above / below the rest of the \(rest) (95 %, Holm-corrected; .help compare)")
        }
    }

    /// Groups inquiries by one or two dimensions, in display order.
    func groups(_ dims: [Dimension],
                _ inquiries: [Int]) throws(EvaluationError) -> [(key: GroupKey, inquiries: [Int])] {
        guard !dims.isEmpty else { return [(GroupKey(a: 0, b: 0), inquiries)] }
        var map: [GroupKey: [Int]] = [:]
        let first = dims[0].keys(inquiries, season)
        let second = dims.count > 1 ? dims[1].keys(inquiries, season) : nil
        if second == nil, let maxKey = first.max(), maxKey < 1_000_000, first.min() ?? 0 >= 0 {
            // Dense keys (classes, participants, channels, months): buckets in an array, not a dictionary.
            var buckets = [[Int]](repeating: [], count: maxKey + 1)
            for (n, (k, i)) in zip(first, inquiries).enumerated() {
                try checkCancelled(at: n)
                buckets[k].append(i)
            }
            for (k, bucket) in buckets.enumerated() where !bucket.isEmpty { map[GroupKey(a: k, b: 0)] = bucket }
        } else {
            for (n, i) in inquiries.enumerated() {
                try checkCancelled(at: n)
                map[GroupKey(a: first[n], b: second?[n] ?? 0), default: []].append(i)
            }
        }
        let r0 = dims[0].sortRank(season)
        let r1 = dims.count > 1 ? dims[1].sortRank(season) : { $0 }
        return map.map { ($0.key, $0.value) }.sorted { x, y in
            let a0 = r0(x.key.a), b0 = r0(y.key.a)
            if a0 != b0 { return a0 < b0 }
            return r1(x.key.b) < r1(y.key.b)
        }
    }

    func labels(_ dims: [Dimension], _ key: GroupKey) -> [Cell] {
        dims.enumerated().map { (k, d) in .text(d.label(k == 0 ? key.a : key.b, season)) }
    }

    /// The 95 % interval as shown (`67.3–68.9`) and as numbers (low, high).
    func intervalCells(_ f: Figure, _ m: Metric, _ quantiles: inout [Int: Double]) -> [Cell] {
        let iv = Significance.interval(f, m, quantiles: &quantiles)
        return [Cell(.interval(iv, .score)), .number(iv?.low, .score), .number(iv?.high, .score)]
    }

    func accumulators(_ metrics: [Metric], _ inquiries: [Int]) -> [FigureAccumulator] {
        var accumulators = metrics.map { FigureAccumulator($0, definition: season.definition) }
        for k in accumulators.indices { accumulators[k].add(inquiries, season) }
        return accumulators
    }

    /// One row per group: dimensions, then per metric its value (with ▲/▼ against the rest of the
    /// table, and the 95 % interval when `.ci on`), then n.
    func grouped(_ metrics: [Metric], by dims: [Dimension], _ inquiries: [Int]) throws(EvaluationError) -> ResultTable {
        let def = season.definition
        let groups = try self.groups(dims, inquiries)
        var accs: [[FigureAccumulator]] = []
        for group in groups {
            try checkCancelled()
            accs.append(accumulators(metrics, group.inquiries))
        }
        var columns = dims.map { ResultColumn($0.rawValue, isDimension: true) }
        var perMetric: [[[Cell]]] = Array(repeating: [], count: groups.count)  // [group][metric] → cells
        var quantiles: [Int: Double] = [:]
        for (k, m) in metrics.enumerated() {
            let id = m.id(in: def)
            columns.append(ResultColumn(id))
            let marks: [SignificantDifference?]
            let testable = !dims.isEmpty && Significance.isTestable(m) && groups.count >= 2
            if testable {
                var whole = FigureAccumulator(m, definition: def)
                for g in accs { whole.merge(g[k]) }
                marks = Significance.markers(accs.map { $0[k] }, whole: whole, metric: m, evaluator: self)
                columns.append(ResultColumn(id + "_sig", audience: .machines))
            } else { marks = groups.map { _ in nil } }
            let ci = options.confidenceIntervals && Significance.hasInterval(m)
            if ci {
                columns.append(ResultColumn(id + " 95% CI", audience: .people))
                columns.append(ResultColumn(id + "_ci_low", audience: .machines))
                columns.append(ResultColumn(id + "_ci_high", audience: .machines))
            }
            for g in groups.indices {
                let f = accs[g][k].figure
                var c = cell(f, m)
                c.flags.formUnion(CellFlags(marks[g]))
                var cells = [c]
                if testable { cells.append(Cell(.significance(marks[g]))) }
                if ci { cells += intervalCells(f, m, &quantiles) }
                perMetric[g].append(contentsOf: [cells])
            }
        }
        let showN = !metrics.contains(.n)
        if showN { columns.append(ResultColumn("n")) }
        var rows: [[Cell]] = []
        for (g, group) in groups.enumerated() {
            var row = labels(dims, group.key)
            for cells in perMetric[g] { row += cells }
            if showN {
                row.append(.count(group.inquiries.count, flags: .smallBase(group.inquiries.count < options.minBase)))
            }
            rows.append(row)
        }
        if dims.isEmpty && inquiries.isEmpty { rows = [] }
        let mixed = accs.contains { $0.contains(where: \.mixesClocks) }
        return ResultTable(columns: columns, rows: rows, notes: mixed ? [FigureAccumulator.mixedClocksNote] : [])
    }

    /// Rows by the `by` dimensions, one column per value of the `across` dimension (per metric), then
    /// all and n. A cell is marked ▲/▼ when it differs from the rest of its row.
    func crosstab(_ metrics: [Metric], rows dims: [Dimension], across: Dimension,
                  _ inquiries: [Int]) throws(EvaluationError) -> ResultTable {
        let def = season.definition
        let rank = across.sortRank(season)
        let allKeys = across.keys(inquiries, season)
        let acrossKeys = Array(Set(allKeys)).sorted { rank($0) < rank($1) }
        let acrossIndex = Dictionary(uniqueKeysWithValues: acrossKeys.enumerated().map { ($1, $0) })
        var columns = dims.map { ResultColumn($0.rawValue, isDimension: true) }
        let several = metrics.count > 1
        for m in metrics {
            let prefix = several ? m.id(in: def) + " " : ""
            for k in acrossKeys { columns.append(ResultColumn(prefix + across.label(k, season))) }
            columns.append(ResultColumn(prefix + "all"))
            if options.confidenceIntervals && Significance.hasInterval(m) {
                for k in acrossKeys + [nil] {
                    let label = prefix + (k.map { across.label($0, season) } ?? "all")
                    columns.append(ResultColumn(label + " 95% CI", audience: .people))
                    columns.append(ResultColumn(label.replacingOccurrences(of: " ", with: "_") + "_ci_low", audience: .machines))
                    columns.append(ResultColumn(label.replacingOccurrences(of: " ", with: "_") + "_ci_high", audience: .machines))
                }
            }
            if Significance.isTestable(m) {
                for k in acrossKeys { columns.append(ResultColumn((several ? m.id(in: def) + "_" : "") + across.label(k, season) + "_sig", audience: .machines)) }
            }
        }
        columns.append(ResultColumn("n"))
        var rows: [[Cell]] = []
        var quantiles: [Int: Double] = [:]
        var mixedClocks = false
        for g in try groups(dims, inquiries) {
            try checkCancelled()
            var row = labels(dims, g.key)
            var inquiriesPerColumn = [[Int]](repeating: [], count: acrossKeys.count)
            for (i, k) in zip(g.inquiries, across.keys(g.inquiries, season)) {
                inquiriesPerColumn[acrossIndex[k]!].append(i)
            }
            for m in metrics {
                let cells = inquiriesPerColumn.map { columnInquiries -> FigureAccumulator in
                    var accumulator = FigureAccumulator(m, definition: def)
                    accumulator.add(columnInquiries, season)
                    return accumulator
                }
                var whole = FigureAccumulator(m, definition: def)
                for c in cells { whole.merge(c) }
                mixedClocks = mixedClocks || whole.mixesClocks
                let marks = Significance.markers(cells, whole: whole, metric: m, evaluator: self)
                for (k, c) in cells.enumerated() {
                    var x = cell(c.figure, m)
                    x.flags.formUnion(CellFlags(marks[k]))
                    row.append(x)
                }
                row.append(cell(whole.figure, m))
                if options.confidenceIntervals && Significance.hasInterval(m) {
                    for f in cells.map(\.figure) + [whole.figure] { row += intervalCells(f, m, &quantiles) }
                }
                if Significance.isTestable(m) { row += marks.map { Cell(.significance($0)) } }
            }
            row.append(.count(g.inquiries.count, flags: .smallBase(g.inquiries.count < options.minBase)))
            rows.append(row)
        }
        return ResultTable(columns: columns, rows: rows, notes: mixedClocks ? [FigureAccumulator.mixedClocksNote] : [])
    }

    /// `questions [by D]`: one row per question, columns the values of D (and all).
    func questionRows(_ metrics: [Metric], by dim: Dimension?,
                      _ inquiries: [Int]) throws(EvaluationError) -> ResultTable {
        let def = season.definition
        var columns = [ResultColumn("question", isDimension: true), ResultColumn("area", isDimension: true), ResultColumn("text", isDimension: true)]
        var inquiriesPerColumn: [[Int]] = []
        if let dim {
            for g in try groups([dim], inquiries) {
                columns.append(ResultColumn(dim.label(g.key.a, season)))
                inquiriesPerColumn.append(g.inquiries)
            }
        }
        columns.append(ResultColumn(dim == nil ? "value" : "all"))
        if options.confidenceIntervals {
            let names = columns.dropFirst(3).map(\.name)
            for name in names {
                columns.append(ResultColumn(name + " 95% CI", audience: .people))
                columns.append(ResultColumn(name + "_ci_low", audience: .machines))
                columns.append(ResultColumn(name + "_ci_high", audience: .machines))
            }
        }
        columns.append(ResultColumn("n"))
        if dim == nil { inquiriesPerColumn.append(inquiries) }
        var quantiles: [Int: Double] = [:]
        let questions = metrics.compactMap { m -> Int? in if case let .question(q) = m { return q } else { return nil } }
        // One pass per column over the answers row by row (sequential memory), all questions at once;
        // the all column is the columns merged.
        var perPart: [QuestionSums] = []
        for columnInquiries in inquiriesPerColumn {
            try checkCancelled()
            perPart.append(QuestionSums.of(questions, over: columnInquiries, season))
        }
        if dim != nil { perPart.append(QuestionSums.merged(perPart, questionCount: questions.count)) }
        var rows: [[Cell]] = []
        for (k, q) in questions.enumerated() {
            let m = Metric.question(q)
            var row: [Cell] = [.text(def.questions[q].id), .text(def.areas[def.questions[q].areaIndex].id), .text(def.questions[q].text)]
            var lastBase = 0
            var intervals: [Cell] = []
            for sums in perPart {
                let f = sums.figure(k)
                row.append(cell(f, m))
                lastBase = f.base
                if options.confidenceIntervals { intervals += intervalCells(f, m, &quantiles) }
            }
            row += intervals
            row.append(.count(lastBase, flags: .smallBase(lastBase < options.minBase)))
            rows.append(row)
        }
        return ResultTable(columns: columns, rows: rows)
    }
}

/// Sums of many questions' points over one set of inquiries.
struct QuestionSums {
    var count: [Int]
    var sum: [Double]
    var sumSquares: [Double]

    init(questionCount: Int) {
        count = [Int](repeating: 0, count: questionCount)
        sum = [Double](repeating: 0, count: questionCount)
        sumSquares = [Double](repeating: 0, count: questionCount)
    }

    static func of(_ questions: [Int], over inquiries: [Int], _ season: Season) -> QuestionSums {
        var result = QuestionSums(questionCount: questions.count)
        let questionPoints = questions.map { QuestionPoints(season.definition.questions[$0].type) }
        let questionCount = season.inquiries.questionCount
        season.inquiries.raw.withUnsafeBufferPointer { answers in
            result.count.withUnsafeMutableBufferPointer { counts in
                result.sum.withUnsafeMutableBufferPointer { sums in
                    result.sumSquares.withUnsafeMutableBufferPointer { sumSquares in
                        for i in inquiries {
                            let row = i &* questionCount
                            for k in questions.indices {
                                let answer = answers[row &+ questions[k]]
                                if answer.isNaN { continue }
                                let points = questionPoints[k].points(answer)
                                counts[k] &+= 1
                                sums[k] += points
                                sumSquares[k] += points * points
                            }
                        }
                    }
                }
            }
        }
        return result
    }

    static func merged(_ parts: [QuestionSums], questionCount: Int) -> QuestionSums {
        var result = QuestionSums(questionCount: questionCount)
        for part in parts {
            for k in 0..<questionCount {
                result.count[k] += part.count[k]
                result.sum[k] += part.sum[k]
                result.sumSquares[k] += part.sumSquares[k]
            }
        }
        return result
    }

    func figure(_ k: Int) -> Figure {
        Figure.mean(count: count[k], sum: sum[k], sumSquares: sumSquares[k])
    }
}
