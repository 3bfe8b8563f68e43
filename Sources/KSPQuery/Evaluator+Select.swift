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
            table = questionRows(metrics, by: dims.first, inquiries)
        } else if let across {
            table = crosstab(metrics, rows: dims, across: across, inquiries)
        } else {
            table = grouped(metrics, by: dims, inquiries)
        }
        let firstMetric = table.columns.firstIndex { !$0.isDimension }
        try order(&table, by: s.orderBy, top: s.top, defaultColumn: firstMetric)
        if table.rows.contains(where: { $0.contains { $0.mark == "*" } }) { table.notes.append(smallBaseNote) }
        return table
    }

    /// Groups inquiries by one or two dimensions, in display order.
    func groups(_ dims: [Dimension], _ inquiries: [Int]) -> [(key: GroupKey, members: [Int])] {
        guard !dims.isEmpty else { return [(GroupKey(a: 0, b: 0), inquiries)] }
        var map: [GroupKey: [Int]] = [:]
        for i in inquiries {
            let k = GroupKey(a: dims[0].key(i, season), b: dims.count > 1 ? dims[1].key(i, season) : 0)
            map[k, default: []].append(i)
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

    func accumulate(_ metrics: [Metric], _ members: [Int]) -> [Figure] {
        var accs = metrics.map { FigureAccumulator($0, definition: season.definition) }
        for i in members { for k in accs.indices { accs[k].add(i, season) } }
        return accs.map(\.figure)
    }

    /// One row per group: dimensions, then one column per metric, then n.
    func grouped(_ metrics: [Metric], by dims: [Dimension], _ inquiries: [Int]) -> ResultTable {
        let def = season.definition
        var columns = dims.map { ResultColumn($0.rawValue, isDimension: true) }
        columns += metrics.map { ResultColumn($0.id(in: def)) }
        let showN = !metrics.contains(.n)
        if showN { columns.append(ResultColumn("n")) }
        var rows: [[Cell]] = []
        for g in groups(dims, inquiries) {
            var row = labels(dims, g.key)
            let figures = accumulate(metrics, g.members)
            row += zip(figures, metrics).map { cell($0, $1) }
            if showN { row.append(.count(g.members.count, mark: g.members.count < options.minBase ? "*" : nil)) }
            rows.append(row)
        }
        if dims.isEmpty && inquiries.isEmpty { rows = [] }
        return ResultTable(columns: columns, rows: rows)
    }

    /// Rows by the `by` dimensions, one column per value of the `across` dimension (per metric), then all and n.
    func crosstab(_ metrics: [Metric], rows dims: [Dimension], across: Dimension, _ inquiries: [Int]) -> ResultTable {
        let def = season.definition
        let acrossKeys = Array(Set(inquiries.map { across.key($0, season) })).sorted { across.sortRank(season)($0) < across.sortRank(season)($1) }
        let acrossIndex = Dictionary(uniqueKeysWithValues: acrossKeys.enumerated().map { ($1, $0) })
        var columns = dims.map { ResultColumn($0.rawValue, isDimension: true) }
        let several = metrics.count > 1
        for m in metrics {
            for k in acrossKeys {
                let v = across.label(k, season)
                columns.append(ResultColumn(several ? "\(m.id(in: def)) \(v)" : v))
            }
            columns.append(ResultColumn(several ? "\(m.id(in: def)) all" : "all"))
        }
        columns.append(ResultColumn("n"))
        var rows: [[Cell]] = []
        for g in groups(dims, inquiries) {
            var row = labels(dims, g.key)
            var parts = [[Int]](repeating: [], count: acrossKeys.count)
            for i in g.members { parts[acrossIndex[across.key(i, season)]!].append(i) }
            for m in metrics {
                for p in parts { row.append(cell(season.figure(m, over: p), m)) }
                row.append(cell(season.figure(m, over: g.members), m))
            }
            row.append(.count(g.members.count, mark: g.members.count < options.minBase ? "*" : nil))
            rows.append(row)
        }
        return ResultTable(columns: columns, rows: rows)
    }

    /// `questions [by D]`: one row per question, columns the values of D (and all).
    func questionRows(_ metrics: [Metric], by dim: Dimension?, _ inquiries: [Int]) -> ResultTable {
        let def = season.definition
        var columns = [ResultColumn("question", isDimension: true), ResultColumn("area", isDimension: true), ResultColumn("text", isDimension: true)]
        var parts: [[Int]] = []
        if let dim {
            for g in groups([dim], inquiries) {
                columns.append(ResultColumn(dim.label(g.key.a, season)))
                parts.append(g.members)
            }
        }
        columns.append(ResultColumn(dim == nil ? "value" : "all"))
        columns.append(ResultColumn("n"))
        parts.append(inquiries)
        var rows: [[Cell]] = []
        for m in metrics {
            guard case let .question(q) = m else { continue }
            var row: [Cell] = [.text(def.questions[q].id), .text(def.areas[def.questions[q].areaIndex].id), .text(def.questions[q].text)]
            var lastBase = 0
            for p in parts {
                let f = season.figure(m, over: p)
                row.append(cell(f, m))
                lastBase = f.base
            }
            row.append(.count(lastBase, mark: lastBase < options.minBase ? "*" : nil))
            rows.append(row)
        }
        return ResultTable(columns: columns, rows: rows)
    }
}
