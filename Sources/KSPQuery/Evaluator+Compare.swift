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
        let metrics =
            statement.metrics.isEmpty
            ? defaultCompareMetrics() : try self.metrics(statement.metrics, area: area)
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
            inquiriesB = inquiries
            bLabel = "all"
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
        return comparisonTable(figures, aLabel: aLabel, bLabel: bLabel)
    }

    /// Two groups of inquiries metric by metric, with each metric's test.
    func comparison(
        _ metrics: [Metric], _ inquiriesA: [Int],
        _ inquiriesB: [Int]
    ) throws(EvaluationError) -> Comparison {
        let definition = season.definition
        var lines: [Comparison.Line] = []
        for metric in metrics {
            try checkCancelled()
            var accumulatorA = FigureAccumulator(metric, definition: definition)
            var accumulatorB = FigureAccumulator(metric, definition: definition)
            accumulatorA.add(inquiriesA, season)
            accumulatorB.add(inquiriesB, season)
            let figureA = accumulatorA.figure
            let figureB = accumulatorB.figure
            let diff: Double? = figureA.value.flatMap { valueA in figureB.value.map { valueA - $0 } }
            let isSmall = figureA.base < options.minBase || figureB.base < options.minBase
            lines.append(
                Comparison.Line(
                    metric: metric, a: figureA, b: figureB, diff: diff,
                    test: significance(metric, accumulatorA, accumulatorB), isSmallBase: isSmall))
        }
        return Comparison(lines: lines, countA: inquiriesA.count, countB: inquiriesB.count)
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
                cell(line.a, metric), cell(line.b, metric), line.diffCell,
                .count(line.a.base), .count(line.b.base), line.pCell, line.sigCell,
            ]
            rows.append(row)
        }
        let tests = comparison.testNames
        var columns = ["metric", "a", "b", "diff", "n_a", "n_b", "p"].map {
            ResultColumn($0, isDimension: $0 == "metric")
        }
        if showsText { columns.insert(ResultColumn("text", isDimension: true, wraps: true), at: 1) }
        columns.append(ResultColumn("sig", isDimension: true, audience: .people))
        var notes: [TableNote] = [
            .comparedGroups(a: aLabel, countA: comparison.countA, b: bLabel, countB: comparison.countB),
            .significance(tests: tests),
        ]
        if comparison.hasSmallBase { notes.append(.comparedSmallBase(minBase: options.minBase)) }
        return ResultTable(columns: columns, rows: rows, notes: notes)
    }

    /// The test for a metric: Welch's t for means, a two-proportion z for shares and yes/no questions, the NPS z-test.
    func significance(_ metric: Metric, _ groupA: FigureAccumulator, _ groupB: FigureAccumulator) -> SignificanceTest? {
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
            return .welch(
                meanA: meanA, varA: varianceA, nA: figureA.base,
                meanB: meanB, varB: varianceB, nB: figureB.base)
        case .count, .seconds: return nil
        }
    }
}
