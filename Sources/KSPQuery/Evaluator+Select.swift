import KSPCore

/// A group key of up to two dimensions.
struct GroupKey: Hashable {
    var first: Int
    var second: Int
}

extension Evaluator {
    func select(_ statement: SelectStatement) throws(EvaluationError) -> ResultTable {
        let (areaValue, rest) = FilterCompiler.extractArea(statement.filter)
        let area = try areaRestriction(areaValue)
        let metrics = try self.metrics(statement.metrics, area: area)
        if metrics.isEmpty {
            throw EvaluationError(
                statement.metrics[0].range, "no metrics left after area = \(areaValue?.value.text ?? "")")
        }
        var dimensions: [Dimension] = []
        for name in statement.by { dimensions.append(try dimension(name)) }
        let across = try statement.across.map { (name) throws(EvaluationError) in try dimension(name) }
        if let across, dimensions.contains(across) {
            throw EvaluationError(
                statement.across!.range,
                "\(across.rawValue) is already a row dimension; expected another dimension after across")
        }
        if dimensions.count == 2 && dimensions[0] == dimensions[1] {
            throw EvaluationError(statement.by[1].range, "\(dimensions[1].rawValue) is given twice after by")
        }
        let inquiries = try self.inquiries(passing: rest)
        let onlyQuestions =
            statement.metrics.count == 1 && ["questions", "spørsmål"].contains(statement.metrics[0].value.lowercased())

        var table: ResultTable
        if onlyQuestions && across == nil && dimensions.count <= 1 {
            table = try questionRows(metrics, by: dimensions.first, inquiries)
        } else if let across {
            table = try crosstab(metrics, rows: dimensions, across: across, inquiries)
        } else {
            table = try grouped(metrics, by: dimensions, inquiries)
        }
        if let adjustment = statement.channelAdjustment {
            let questionRows = onlyQuestions && across == nil && dimensions.count <= 1
            try addChannelAdjustment(
                toGroups: &table, metrics, dimensions, crosstab: across != nil || questionRows, inquiries,
                at: adjustment)
        }
        let firstMetric = table.columns.firstIndex { !$0.isDimension }
        try order(
            &table, by: statement.orderBy, top: statement.top, defaultColumn: firstMetric, defaultMetric: metrics.first)
        if statement.channelAdjustment != nil { dropEmptyMissingChannels(&table) }
        addLegends(&table)
        return table
    }

    /// A cell without a value in a tested column: nothing to test (no answers, below any minimum base).
    var untestedEmpty: TableMarkers.PartTest { .untested(.smallBase(minBase: max(2, options.minBase))) }

    /// The notes a table's flags need: small bases, and ▲ ▼ against the rest of the table (or of the row,
    /// in a crosstab) while a marker is shown.
    func addLegends(_ table: inout ResultTable) {
        if table.rows.contains(where: { $0.contains { $0.flags.contains(.smallBase) } }) {
            // Before the markers' legend, as it always stood.
            let markersNote = table.notes.firstIndex { if case .markers = $0 { return true } else { return false } }
            table.notes.insert(smallBaseNote, at: markersNote ?? table.notes.endIndex)
        }
        // The markers' legend (set with the markers) goes when `top` left none of them.
        if !table.rows.contains(where: { $0.contains { !$0.flags.isDisjoint(with: [.above, .below]) } }) {
            table.notes.removeAll { if case .markers = $0 { return true } else { return false } }
        }
    }

    /// Groups inquiries by one or two dimensions, in display order.
    func groups(
        _ dimensions: [Dimension],
        _ inquiries: [Int]
    ) throws(EvaluationError) -> [(key: GroupKey, inquiries: [Int])] {
        guard !dimensions.isEmpty else { return [(GroupKey(first: 0, second: 0), inquiries)] }
        var map: [GroupKey: [Int]] = [:]
        let first = dimensions[0].keys(inquiries, season)
        let second = dimensions.count > 1 ? dimensions[1].keys(inquiries, season) : nil
        if second == nil, let (minKey, maxKey) = bounds(first), maxKey < 1_000_000, minKey >= 0 {
            // Dense keys (classes, participants, channels, months): buckets in an array, not a dictionary.
            try checkCancelled()
            for (key, bucket) in buckets(inquiries, by: first, count: maxKey + 1).enumerated() where !bucket.isEmpty {
                map[GroupKey(first: key, second: 0)] = bucket
            }
        } else {
            for (position, inquiry) in inquiries.enumerated() {
                try checkCancelled(at: position)
                map[GroupKey(first: first[position], second: second?[position] ?? 0), default: []].append(inquiry)
            }
        }
        let firstRank = dimensions[0].sortRank(season)
        let secondRank = dimensions.count > 1 ? dimensions[1].sortRank(season) : { $0 }
        return map.map { ($0.key, $0.value) }.sorted { left, right in
            let leftRank = firstRank(left.key.first)
            let rightRank = firstRank(right.key.first)
            if leftRank != rightRank { return leftRank < rightRank }
            return secondRank(left.key.second) < secondRank(right.key.second)
        }
    }

    /// The inquiries split by key (below `count`; negative keys are left out), each list in the inquiries'
    /// order: a counting sort into one flat array, then each key's run copied out whole. Appending 475 000
    /// inquiries one by one to lists of lists cost more than all of `total by class across channel` may.
    func buckets(_ inquiries: [Int], by keys: [Int], count: Int) -> [[Int]] {
        var starts = [Int](repeating: 0, count: count + 1)
        for key in keys where key >= 0 && key < count { starts[key + 1] &+= 1 }
        for key in 0..<count { starts[key + 1] &+= starts[key] }
        var next = starts
        var sorted = [Int](repeating: 0, count: starts[count])
        sorted.withUnsafeMutableBufferPointer { sorted in
            for (inquiry, key) in zip(inquiries, keys) where key >= 0 && key < count {
                sorted[next[key]] = inquiry
                next[key] &+= 1
            }
        }
        return (0..<count).map { Array(sorted[starts[$0]..<starts[$0 + 1]]) }
    }

    func labels(_ dimensions: [Dimension], _ key: GroupKey) -> [Cell] {
        dimensions.enumerated().map { (position, dimension) in
            .text(dimension.label(position == 0 ? key.first : key.second, season))
        }
    }

    /// The 95 % interval as shown (`67.3–68.9`) and as numbers (low, high).
    func intervalCells(_ figure: Figure, _ metric: Metric, _ quantiles: inout [Int: Double]) -> [Cell] {
        let interval = Significance.interval(figure, metric, range: valueRange(metric), quantiles: &quantiles)
        return [Cell(.interval(interval, .score)), .number(interval?.low, .score), .number(interval?.high, .score)]
    }

    func accumulators(_ metrics: [Metric], _ inquiries: [Int]) -> [FigureAccumulator] {
        FigureAccumulator.accumulators(metrics, over: inquiries, season)
    }

    /// One row per group: dimensions, then per metric its value (with ▲/▼ against the rest of the
    /// table, and the 95 % interval when `.ci on`), then n.
    func grouped(_ metrics: [Metric], by dimensions: [Dimension], _ inquiries: [Int]) throws(EvaluationError)
        -> ResultTable
    {
        let definition = season.definition
        let groups = try self.groups(dimensions, inquiries)
        var groupAccumulators: [[FigureAccumulator]] = []
        for group in groups {
            try checkCancelled()
            groupAccumulators.append(accumulators(metrics, group.inquiries))
        }
        var columns = dimensions.map { ResultColumn($0.rawValue, isDimension: true) }
        var perMetric: [[[Cell]]] = Array(repeating: [], count: groups.count)  // [group][metric] → cells
        var quantiles: [Int: Double] = [:]
        var markers = TableMarkers()
        let bases = metrics.indices.map { metricIndex in
            groups.indices.map { groupAccumulators[$0][metricIndex].figure.base }
        }
        let inquiryCounts = groups.map(\.inquiries.count)
        var baseRunStart = 0
        var peopleBaseColumns: [ResultColumn] = []
        var peopleBases: [[Cell]] = Array(repeating: [], count: groups.count)
        for (metricIndex, metric) in metrics.enumerated() {
            let id = metric.id(in: definition)
            let valueColumn = columns.count
            columns.append(ResultColumn(id))
            let testable = !dimensions.isEmpty && Significance.isTestable(metric) && groups.count >= 2
            if testable {
                var whole = FigureAccumulator(metric, definition: definition)
                for accumulatorsOfGroup in groupAccumulators { whole.merge(accumulatorsOfGroup[metricIndex]) }
                let tests = Significance.partTests(
                    groupAccumulators.map { $0[metricIndex] }, whole: whole, metric: metric, evaluator: self)
                columns.append(ResultColumn(id + "_sig", audience: .machines))
                for (g, test) in tests.enumerated() {
                    markers.add(row: g, valueColumn: valueColumn, sigColumn: valueColumn + 1, test ?? untestedEmpty)
                }
            }
            let showsInterval = options.confidenceIntervals && Significance.hasInterval(metric)
            if showsInterval {
                columns.append(ResultColumn(id + " 95% CI", audience: .people))
                columns.append(ResultColumn(id + "_ci_low", audience: .machines))
                columns.append(ResultColumn(id + "_ci_high", audience: .machines))
            }
            // The figure's own base (its answers) for csv and json; on screen one column per run of
            // neighbouring metrics on the same bases where those differ from n (`n_welcome–cx`), after n so
            // that a narrow terminal drops them first.
            let hasBase = metric.kind != .count
            if hasBase { columns.append(ResultColumn("n_" + id, audience: .machines)) }
            let differs = hasBase && bases[metricIndex] != inquiryCounts
            if !differs || bases[baseRunStart] != bases[metricIndex] { baseRunStart = metricIndex }
            let next = metricIndex + 1
            let runEnds = differs && (next == metrics.count || bases[next] != bases[metricIndex])
            if runEnds {
                let first = metrics[baseRunStart].id(in: definition)
                let name = baseRunStart == metricIndex ? "n_" + id : "n_" + first + "–" + id
                peopleBaseColumns.append(ResultColumn(name, audience: .people))
            }
            for g in groups.indices {
                let figure = groupAccumulators[g][metricIndex].figure
                var cells = [cell(figure, metric)]
                if testable { cells.append(Cell(.significance(.notSignificant))) }
                if showsInterval { cells += intervalCells(figure, metric, &quantiles) }
                if hasBase { cells.append(.count(figure.base)) }
                if runEnds { peopleBases[g].append(.count(figure.base)) }
                perMetric[g].append(contentsOf: [cells])
            }
        }
        let showN = !metrics.contains(.n)
        if showN { columns.append(ResultColumn("n")) }
        columns += peopleBaseColumns
        var rows: [[Cell]] = []
        for (g, group) in groups.enumerated() {
            var row = labels(dimensions, group.key)
            for cells in perMetric[g] { row += cells }
            if showN {
                row.append(.count(group.inquiries.count, flags: .smallBase(group.inquiries.count < options.minBase)))
            }
            row += peopleBases[g]
            rows.append(row)
        }
        if dimensions.isEmpty && inquiries.isEmpty { rows = [] }
        let mixed = groupAccumulators.contains { $0.contains(where: \.mixesClocks) }
        var table = ResultTable(columns: columns, rows: rows, notes: mixed ? [.mixedClocks] : [])
        if !rows.isEmpty { markers.apply(to: &table, family: .restOfTable) }
        return table
    }

    /// Rows by the `by` dimensions, one column per value of the `across` dimension (per metric), then
    /// all and n. A cell is marked ▲/▼ when it differs from the rest of its row.
    func crosstab(
        _ metrics: [Metric], rows dimensions: [Dimension], across: Dimension,
        _ inquiries: [Int]
    ) throws(EvaluationError) -> ResultTable {
        let definition = season.definition
        let rank = across.sortRank(season)
        let allKeys = across.keys(inquiries, season)
        let acrossKeys = DenseKeyIndex.distinct(allKeys).sorted { rank($0) < rank($1) }
        let acrossIndex = DenseKeyIndex(acrossKeys)
        // Each inquiry's column, looked up once for all groups (every key is among acrossKeys).
        var columnOf = [Int32](repeating: -1, count: season.inquiries.count)
        for (inquiry, key) in zip(inquiries, allKeys) { columnOf[inquiry] = Int32(acrossIndex.position(of: key) ?? -1) }
        var columns = dimensions.map { ResultColumn($0.rawValue, isDimension: true) }
        let several = metrics.count > 1
        for metric in metrics {
            let prefix = several ? metric.id(in: definition) + " " : ""
            for acrossKey in acrossKeys { columns.append(ResultColumn(prefix + across.label(acrossKey, season))) }
            columns.append(ResultColumn(prefix + "all"))
            if options.confidenceIntervals && Significance.hasInterval(metric) {
                for acrossKey in acrossKeys + [nil] {
                    let label = prefix + (acrossKey.map { across.label($0, season) } ?? "all")
                    columns.append(ResultColumn(label + " 95% CI", audience: .people))
                    columns.append(
                        ResultColumn(label.replacingOccurrences(of: " ", with: "_") + "_ci_low", audience: .machines))
                    columns.append(
                        ResultColumn(label.replacingOccurrences(of: " ", with: "_") + "_ci_high", audience: .machines))
                }
            }
            if Significance.isTestable(metric) {
                for acrossKey in acrossKeys {
                    columns.append(
                        ResultColumn(
                            (several ? metric.id(in: definition) + "_" : "") + across.label(acrossKey, season) + "_sig",
                            audience: .machines))
                }
            }
            if metric.kind != .count {
                for acrossKey in acrossKeys + [nil] {
                    let label = prefix + (acrossKey.map { across.label($0, season) } ?? "all")
                    columns.append(
                        ResultColumn("n_" + label.replacingOccurrences(of: " ", with: "_"), audience: .machines))
                }
            }
        }
        columns.append(ResultColumn("n"))
        var rows: [[Cell]] = []
        var quantiles: [Int: Double] = [:]
        var mixedClocks = false
        var markers = TableMarkers()
        for group in try groups(dimensions, inquiries) {
            try checkCancelled()
            var row = labels(dimensions, group.key)
            let columns = group.inquiries.map { Int(columnOf[$0]) }
            let inquiriesPerColumn = buckets(group.inquiries, by: columns, count: acrossKeys.count)
            let cellsPerColumn = inquiriesPerColumn.map { accumulators(metrics, $0) }
            for (metricIndex, metric) in metrics.enumerated() {
                let cells = cellsPerColumn.map { $0[metricIndex] }
                var whole = FigureAccumulator(metric, definition: definition)
                for accumulator in cells { whole.merge(accumulator) }
                mixedClocks = mixedClocks || whole.mixesClocks
                let tests = Significance.partTests(cells, whole: whole, metric: metric, evaluator: self)
                var valueColumns: [Int] = []
                for accumulator in cells {
                    valueColumns.append(row.count)
                    row.append(cell(accumulator.figure, metric))
                }
                row.append(cell(whole.figure, metric))
                if options.confidenceIntervals && Significance.hasInterval(metric) {
                    for figure in cells.map(\.figure) + [whole.figure] {
                        row += intervalCells(figure, metric, &quantiles)
                    }
                }
                if Significance.isTestable(metric) {
                    for (k, test) in tests.enumerated() {
                        markers.add(
                            row: rows.count, valueColumn: valueColumns[k], sigColumn: row.count, test ?? untestedEmpty)
                        row.append(Cell(.significance(.notSignificant)))
                    }
                }
                if metric.kind != .count { row += (cells + [whole]).map { .count($0.figure.base) } }
            }
            row.append(.count(group.inquiries.count, flags: .smallBase(group.inquiries.count < options.minBase)))
            rows.append(row)
        }
        var table = ResultTable(columns: columns, rows: rows, notes: mixedClocks ? [.mixedClocks] : [])
        markers.apply(to: &table, family: .restOfRow)
        return table
    }

    /// `questions [by D]`: one row per question, columns the values of D (and all).
    func questionRows(
        _ metrics: [Metric], by dimension: Dimension?,
        _ inquiries: [Int]
    ) throws(EvaluationError) -> ResultTable {
        let definition = season.definition
        var columns = [
            ResultColumn("question", isDimension: true), ResultColumn("area", isDimension: true),
            ResultColumn("text", isDimension: true, wraps: true),
        ]
        var inquiriesPerColumn: [[Int]] = []
        if let dimension {
            for group in try groups([dimension], inquiries) {
                columns.append(ResultColumn(dimension.label(group.key.first, season)))
                inquiriesPerColumn.append(group.inquiries)
            }
        }
        columns.append(ResultColumn(dimension == nil ? "value" : "all"))
        if options.confidenceIntervals {
            let names = columns.dropFirst(3).map(\.name)
            for name in names {
                columns.append(ResultColumn(name + " 95% CI", audience: .people))
                columns.append(ResultColumn(name + "_ci_low", audience: .machines))
                columns.append(ResultColumn(name + "_ci_high", audience: .machines))
            }
        }
        if dimension != nil {
            for name in columns.dropFirst(3).map(\.name)
            where !name.hasSuffix("_ci_low") && !name.hasSuffix("_ci_high")
                && !name.hasSuffix(" 95% CI")
            {
                columns.append(ResultColumn("n_" + name.replacingOccurrences(of: " ", with: "_"), audience: .machines))
            }
        }
        columns.append(ResultColumn("n"))
        if dimension == nil { inquiriesPerColumn.append(inquiries) }
        var quantiles: [Int: Double] = [:]
        let questions = metrics.compactMap { metric -> Int? in
            if case .question(let question) = metric { return question } else { return nil }
        }
        // One pass per column over the answers row by row (sequential memory), all questions at once;
        // the all column is the columns merged.
        var perPart: [QuestionSums] = []
        for columnInquiries in inquiriesPerColumn {
            try checkCancelled()
            perPart.append(QuestionSums.of(questions, over: columnInquiries, season))
        }
        if dimension != nil { perPart.append(QuestionSums.merged(perPart, questionCount: questions.count)) }
        var rows: [[Cell]] = []
        for (position, question) in questions.enumerated() {
            let metric = Metric.question(question)
            var row: [Cell] = [
                .text(definition.questions[question].id),
                .text(definition.areas[definition.questions[question].areaIndex].id),
                .text(definition.questions[question].text),
            ]
            var lastBase = 0
            var intervals: [Cell] = []
            var bases: [Cell] = []
            for sums in perPart {
                let figure = sums.figure(position)
                row.append(cell(figure, metric))
                lastBase = figure.base
                if options.confidenceIntervals { intervals += intervalCells(figure, metric, &quantiles) }
                bases.append(.count(figure.base))
            }
            row += intervals
            // A question table's n is its last column's base; csv and json carry every column's.
            if dimension != nil { row += bases }
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
        let answers = season.inquiries.answers
        guard questions.allSatisfy(answers.isCoded) else {
            return ofNumbers(questions, over: inquiries, season)
        }
        // Question k's code c has its points at `slots[k] + c`.
        let definitions = season.definition.questions
        let table = CodePoints(questions, answers) { k, raw in
            QuestionPoints(definitions[questions[k]].type).points(raw)
        }
        let slots = table.slots
        let points = table.points
        // A question whose points are whole numbers has its codes counted, then count × points summed (the same
        // bits); any other adds its points one by one in the inquiries' order, as a mean always has.
        let counted = questions.indices.filter {
            AnswerColumns.countsExactly(table.answered($0), over: inquiries.count)
        }
        let added = questions.indices.filter { !counted.contains($0) }
        let tally = answers.tally(
            counted.map { AnswerColumns.TallySlot(column: questions[$0], slot: slots[$0]) }, over: inquiries,
            slotCount: points.count)
        if !added.isEmpty {
            let questionCount = answers.questionCount
            answers.codes.withUnsafeBufferPointer { codes in
                points.withUnsafeBufferPointer { points in
                    for inquiry in inquiries {
                        let row = inquiry &* questionCount
                        for k in added {
                            let code = Int(codes[row &+ questions[k]])
                            if code == 0 { continue }
                            let value = points[slots[k] &+ code]
                            result.count[k] += 1
                            result.sum[k] += value
                            result.sumSquares[k] += value * value
                        }
                    }
                }
            }
        }
        for k in counted {
            // Code 0 is "not applicable": counted, never summed.
            for slot in (slots[k] + 1)..<table.end(k) where tally[slot] > 0 {
                let count = Double(tally[slot])
                result.count[k] += tally[slot]
                result.sum[k] += count * points[slot]
                result.sumSquares[k] += count * points[slot] * points[slot]
            }
        }
        return result
    }

    /// The same sums where a question keeps its answers as numbers (a very wide scale).
    private static func ofNumbers(_ questions: [Int], over inquiries: [Int], _ season: Season) -> QuestionSums {
        var result = QuestionSums(questionCount: questions.count)
        let questionPoints = questions.map { QuestionPoints(season.definition.questions[$0].type) }
        for inquiry in inquiries {
            for k in questions.indices {
                let answer = season.inquiries.raw(inquiry, questions[k])
                if answer.isNaN { continue }
                let points = questionPoints[k].points(answer)
                result.count[k] += 1
                result.sum[k] += points
                result.sumSquares[k] += points * points
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

    func figure(_ question: Int) -> Figure {
        Figure.mean(count: count[question], sum: sum[question], sumSquares: sumSquares[question])
    }
}
