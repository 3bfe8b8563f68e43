import KSPCore

extension Evaluator {
    /// The metrics a compare shows when none are named: the total, each area, CX and unanswered shares.
    func defaultCompareMetrics() -> [Metric] {
        let definition = season.definition
        var metrics: [Metric] = [.total, .totalAnswered]
        metrics += definition.areas.indices.filter { definition.areas[$0].weight > 0 }.map { Metric.area($0) }
        metrics += CXMetric.allCases.filter { definition.questionIndex(metric: $0) != nil }.map { Metric.cx($0) }
        metrics += [.noanswer]
        return metrics
    }

    func compare(_ statement: CompareStatement) throws(EvaluationError) -> ResultTable {
        let dim = try dimension(statement.dimension)
        let (areaValue, rest) = FilterCompiler.extractArea(statement.filter)
        let area = try areaRestriction(areaValue)
        let named =
            statement.metrics.isEmpty
            ? defaultCompareMetrics() : try self.metrics(statement.metrics, area: area)
        // `on areas, personvern` names personvern twice: one row each, in the order first named.
        var seen = Set<Metric>()
        let metrics = named.filter { seen.insert($0).inserted }
        let inquiries = try self.inquiries(passing: rest)
        let aKey = try dim.resolve(statement.a, season)
        let aLabel = dim.label(aKey, season)
        let inquiriesA = inquiries.filter { dim.key($0, season) == aKey }
        let inquiriesB: [Int]
        let bLabel: String
        switch statement.b {
        case .value(let value):
            let bKey = try dim.resolve(value, season)
            inquiriesB = inquiries.filter { dim.key($0, season) == bKey }
            bLabel = dim.label(bKey, season)
        case .list(let values):
            var keys = Set<Int>()
            for value in values { keys.insert(try dim.resolve(value, season)) }
            inquiriesB = inquiries.filter { keys.contains(dim.key($0, season)) }
            bLabel = keys.sorted().map { dim.label($0, season) }.joined(separator: ", ")
        case .all:
            // The rest: a group tested against a whole that holds it would overlap (and the markers
            // test against the rest too).
            inquiriesB = inquiries.filter { dim.key($0, season) != aKey }
            bLabel = "all others"
        case .ownClass(let range):
            guard dim == .participant else {
                throw EvaluationError(
                    range,
                    "vs class compares a participant with the rest of its class; expected compare participant \"NAME\" vs class"
                )
            }
            let classIndex = season.participants[aKey].classIndex
            inquiriesB = inquiries.filter {
                let participant = Int(season.inquiries.participant[$0])
                return participant != aKey && season.participants[participant].classIndex == classIndex
            }
            bLabel = "rest of \(season.classes[classIndex])"
        }
        let figures = try comparison(metrics, inquiriesA, inquiriesB)
        var table = comparisonTable(figures, aLabel: aLabel, bLabel: bLabel)
        if statement.channelAdjustment != nil {
            try addChannelAdjustment(toComparison: &table, metrics, inquiriesA, inquiriesB)
        }
        try orderComparison(&table, by: statement.orderBy, top: statement.top)
        return table
    }

    /// `order by diff|p [asc|desc]` and `top N` on compare's rows: diff largest first, p smallest first
    /// unless told; `top N` alone keeps the N smallest p. The adjustment stays over every row tested.
    func orderComparison(
        _ table: inout ResultTable, by key: (key: Located<String>, direction: SortDirection?)?, top: Located<Int>?
    ) throws(EvaluationError) {
        var columnName = "p"
        var descending = false
        if let key {
            columnName = key.key.value.lowercased()
            guard ["diff", "p"].contains(columnName), table.column(named: columnName) != nil else {
                throw EvaluationError(
                    key.key.range,
                    "cannot order compare rows by \"\(Token.clip(key.key.value))\"; expected diff or p")
            }
            descending = key.direction.map { $0 == .descending } ?? (columnName == "diff")
        } else if top == nil {
            return
        }
        guard let column = table.column(named: columnName) else { return }
        sortRows(&table, column: column, descending: descending)
        if let top, table.rows.count > top.value { table.rows = Array(table.rows.prefix(top.value)) }
    }

    /// Two groups of inquiries metric by metric, with each metric's test.
    func comparison(
        _ metrics: [Metric], _ inquiriesA: [Int],
        _ inquiriesB: [Int]
    ) throws(EvaluationError) -> Comparison {
        var lines: [Comparison.Line] = []
        try checkCancelled()
        let accumulatorsA = accumulators(metrics, inquiriesA)
        let accumulatorsB = accumulators(metrics, inquiriesB)
        for (metricIndex, metric) in metrics.enumerated() {
            try checkCancelled()
            let accumulatorA = accumulatorsA[metricIndex]
            let accumulatorB = accumulatorsB[metricIndex]
            let figureA = accumulatorA.figure
            let figureB = accumulatorB.figure
            let diff: Double? = figureA.value.flatMap { valueA in figureB.value.map { valueA - $0 } }
            let isSmall = figureA.base < options.minBase || figureB.base < options.minBase
            var line = Comparison.Line(
                metric: metric, a: figureA, b: figureB, diff: diff, test: nil, isSmallBase: isSmall)
            line.diffInterval = Significance.differenceInterval(
                figureA, figureB, metric, range: valueRange(metric))
            if Significance.isTestable(metric) && diff != nil {
                // No star below .minbase answers: a small base is not tested at all.
                let smallest = min(figureA.base, figureB.base)
                if smallest < max(2, options.minBase) {
                    line.untested = .smallBase(minBase: max(2, options.minBase))
                } else if let test = significance(metric, accumulatorA, accumulatorB) {
                    line.test = test
                } else {
                    line.untested = .noVariation
                }
            }
            lines.append(line)
        }
        let adjusted = options.adjustment.adjusted(lines.map { $0.test?.p })
        for index in lines.indices { lines[index].pAdjusted = adjusted[index] }
        return Comparison(
            lines: lines, adjustment: options.adjustment, countA: inquiriesA.count, countB: inquiriesB.count)
    }

    /// A participant against the rest of its class or against everyone, within a report's season.
    func comparison(
        participant: Int, against group: ComparisonGroup, on metrics: [Metric],
        in scope: ReportScope
    ) throws(EvaluationError) -> Comparison {
        var inquiriesA: [Int] = []
        var inquiriesB: [Int] = []
        let classIndex = season.participants[participant].classIndex
        for i in 0..<season.inquiries.count where scope.contains(i, season) {
            try checkCancelled(at: i)
            let owner = Int(season.inquiries.participant[i])
            if owner == participant { inquiriesA.append(i) }
            switch group {
            case .all:
                inquiriesB.append(i)
            case .restOfClass:
                if owner != participant && season.participants[owner].classIndex == classIndex { inquiriesB.append(i) }
            }
        }
        return try comparison(metrics, inquiriesA, inquiriesB)
    }

    /// The `compare` statement's table of a comparison.
    func comparisonTable(_ comparison: Comparison, aLabel: String, bLabel: String) -> ResultTable {
        let definition = season.definition
        // A question's text beside its id, as `questions` shows it.
        let showsText = comparison.lines.contains {
            if case .question = $0.metric { return true } else { return false }
        }
        var rows: [[Cell]] = []
        for line in comparison.lines {
            let metric = line.metric
            var row: [Cell] = [.text(metric.id(in: definition))]
            if showsText {
                if case .question(let question) = metric {
                    row.append(.text(definition.questions[question].text))
                } else {
                    row.append(.text(""))
                }
            }
            row += [
                cell(line.a, metric), cell(line.b, metric), line.diffCell, line.sigCell,
                .number(line.diffInterval?.low, .difference), .number(line.diffInterval?.high, .difference),
                .count(line.a.base), .count(line.b.base), line.pCell, line.pAdjustedCell, line.outcomeCell,
                Cell(.interval(line.diffInterval, .difference)),
            ]
            rows.append(row)
        }
        // On screen sig follows diff and the interval comes last (a narrow terminal drops columns from the
        // right); csv keeps the order of before with the interval's ends after diff.
        var columns = [
            ResultColumn("metric", isDimension: true), ResultColumn("a"), ResultColumn("b"), ResultColumn("diff"),
            ResultColumn("sig", isDimension: true, audience: .people), ResultColumn("diff_ci_low", audience: .machines),
            ResultColumn("diff_ci_high", audience: .machines), ResultColumn("n_a"), ResultColumn("n_b"),
            ResultColumn("p"), ResultColumn("p_adj"), ResultColumn("sig", audience: .machines),
            ResultColumn("diff 95% CI", audience: .people),
        ]
        if showsText { columns.insert(ResultColumn("text", isDimension: true, wraps: true), at: 1) }
        var notes: [TableNote] = [
            .comparedGroups(a: aLabel, countA: comparison.countA, b: bLabel, countB: comparison.countB),
            .significance(
                tests: comparison.testNames, adjustment: comparison.adjustment, testCount: comparison.testCount),
        ]
        if comparison.hasSmallBase { notes.append(.comparedSmallBase(minBase: options.minBase)) }
        if comparison.lines.contains(where: { $0.untested == .noVariation }) { notes.append(.noVariation) }
        return ResultTable(columns: columns, rows: rows, notes: notes)
    }

    /// The test for a metric: Welch's t for means (Student's pooled t when `pooled`, for a part against the
    /// rest of its table), a two-proportion z for shares and yes/no questions, the NPS exact or z-test.
    func significance(
        _ metric: Metric, _ groupA: FigureAccumulator, _ groupB: FigureAccumulator, pooled: Bool = false
    ) -> SignificanceTest? {
        let figureA = groupA.figure
        let figureB = groupB.figure
        let countsA = groupA.counts
        let countsB = groupB.counts
        switch metric.kind {
        case .share:
            return .twoProportion(hitsA: countsA.hits, nA: countsA.base, hitsB: countsB.hits, nB: countsB.base)
        case .nps:
            return .nps(
                promotersA: countsA.hits, detractorsA: countsA.detractors, nA: countsA.base,
                promotersB: countsB.hits, detractorsB: countsB.detractors, nB: countsB.base)
        case .score, .rawMean:
            if case .question(let question) = metric, season.definition.questions[question].isYesNo,
                let valueA = figureA.value, let valueB = figureB.value
            {
                // A yes/no question's points are 100 × the yes share: its hits, back from the mean.
                let hitsA = Int((valueA / 100 * Double(figureA.base)).rounded())
                let hitsB = Int((valueB / 100 * Double(figureB.base)).rounded())
                return .twoProportion(hitsA: hitsA, nA: figureA.base, hitsB: hitsB, nB: figureB.base)
            }
            guard let meanA = figureA.value, let meanB = figureB.value,
                let varianceA = figureA.variance, let varianceB = figureB.variance
            else { return nil }
            if pooled {
                return .student(
                    meanA: meanA, varA: varianceA, nA: figureA.base, meanB: meanB, varB: varianceB, nB: figureB.base)
            }
            return .welch(
                meanA: meanA, varA: varianceA, nA: figureA.base,
                meanB: meanB, varB: varianceB, nB: figureB.base)
        case .count, .seconds: return nil
        }
    }
}
