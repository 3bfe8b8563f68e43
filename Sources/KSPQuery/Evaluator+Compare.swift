import KSPCore

extension Evaluator {
    /// The metrics a compare shows when none are named: the total, each area, CX and unanswered shares.
    func defaultCompareMetrics() -> [Metric] {
        let def = season.definition
        var m: [Metric] = [.total, .totalAnswered]
        m += def.areas.indices.filter { def.areas[$0].weight > 0 }.map { Metric.area($0) }
        m += CXMetric.allCases.filter { def.questionIndex(metric: $0) != nil }.map { Metric.cx($0) }
        m += [.noanswer]
        return m
    }

    func compare(_ c: CompareStatement) throws(EvaluationError) -> ResultTable {
        let dim = try dimension(c.dimension)
        let (areaValue, rest) = FilterCompiler.extractArea(c.filter)
        let area = try areaRestriction(areaValue)
        let metrics = c.metrics.isEmpty ? defaultCompareMetrics() : try self.metrics(c.metrics, area: area)
        let inquiries = try self.inquiries(passing: rest)
        let aKey = try dim.resolve(c.a, season)
        let aLabel = dim.label(aKey, season)
        let inquiriesA = inquiries.filter { dim.key($0, season) == aKey }
        let inquiriesB: [Int]
        let bLabel: String
        switch c.b {
        case let .value(v):
            let k = try dim.resolve(v, season)
            inquiriesB = inquiries.filter { dim.key($0, season) == k }
            bLabel = dim.label(k, season)
        case let .list(values):
            var keys = Set<Int>()
            for v in values { keys.insert(try dim.resolve(v, season)) }
            inquiriesB = inquiries.filter { keys.contains(dim.key($0, season)) }
            bLabel = keys.sorted().map { dim.label($0, season) }.joined(separator: ", ")
        case .all:
            inquiriesB = inquiries
            bLabel = "all"
        case let .ownClass(range):
            guard dim == .participant else {
                throw EvaluationError(range, "vs class compares a participant with the rest of its class; expected compare participant \"NAME\" vs class")
            }
            let cls = season.participants[aKey].classIndex
            inquiriesB = inquiries.filter {
                let participant = Int(season.inquiries.participant[$0])
                return participant != aKey && season.participants[participant].classIndex == cls
            }
            bLabel = "rest of \(season.classes[cls])"
        }
        let def = season.definition
        var rows: [[Cell]] = []
        var tests = Set<String>()
        var small = false
        // A question's text beside its id, as `questions` shows it.
        let showsText = metrics.contains { if case .question = $0 { return true } else { return false } }
        for m in metrics {
            try checkCancelled()
            var fa = FigureAccumulator(m, definition: def), fb = FigureAccumulator(m, definition: def)
            fa.add(inquiriesA, season)
            fb.add(inquiriesB, season)
            let x = fa.figure, y = fb.figure
            let diff: Double? = x.value.flatMap { xv in y.value.map { xv - $0 } }
            let test = significance(m, fa, fb)
            if let test { tests.insert(test.kind.rawValue) }
            let isSmall = x.base < options.minBase || y.base < options.minBase
            small = small || isSmall
            var sig = test?.marker ?? ""
            if isSmall && !sig.isEmpty { sig += " (small base)" }
            var row: [Cell] = [.text(m.id(in: def))]
            if showsText {
                if case let .question(q) = m { row.append(.text(def.questions[q].text)) } else { row.append(.text("")) }
            }
            row += [cell(x, m), cell(y, m), .number(diff, m.kind == .count ? .count : .difference),
                    .count(x.base), .count(y.base), .number(test?.p, .pValue), .text(sig)]
            rows.append(row)
        }
        var columns = ["metric", "a", "b", "diff", "n_a", "n_b", "p"].map { ResultColumn($0, isDimension: $0 == "metric") }
        if showsText { columns.insert(ResultColumn("text", isDimension: true), at: 1) }
        columns.append(ResultColumn("sig", isDimension: true, audience: .people))
        var notes = ["a = \(aLabel) (\(inquiriesA.count) inquiries), b = \(bLabel) (\(inquiriesB.count) inquiries)",
                     tests.isEmpty ? "no test could be made (a base below 2 or no values)"
                                   : "sig: * p < 0.05, ** p < 0.01 (\(tests.sorted().joined(separator: ", ")); see .help compare)"]
        if small { notes.append("a base below \(options.minBase) inquiries: a difference there is hard to tell from noise") }
        return ResultTable(columns: columns, rows: rows, notes: notes)
    }

    /// The test for a metric: Welch's t for means, a two-proportion z for shares and yes/no questions, the NPS z-test.
    func significance(_ m: Metric, _ a: FigureAccumulator, _ b: FigureAccumulator) -> SignificanceTest? {
        let x = a.figure, y = b.figure
        switch m.kind {
        case .share:
            return .twoProportion(hitsA: a.counts.hits, nA: a.counts.base, hitsB: b.counts.hits, nB: b.counts.base)
        case .nps:
            return .nps(promotersA: a.counts.hits, detractorsA: a.counts.detractors, nA: a.counts.base,
                        promotersB: b.counts.hits, detractorsB: b.counts.detractors, nB: b.counts.base)
        case .score, .rawMean:
            if case let .question(q) = m, season.definition.questions[q].isYesNo,
               let xv = x.value, let yv = y.value {
                let ha = Int((xv / 100 * Double(x.base)).rounded()), hb = Int((yv / 100 * Double(y.base)).rounded())
                return .twoProportion(hitsA: ha, nA: x.base, hitsB: hb, nB: y.base)
            }
            guard let xv = x.value, let yv = y.value, let va = x.variance, let vb = y.variance else { return nil }
            return .welch(meanA: xv, varA: va, nA: x.base, meanB: yv, varB: vb, nB: y.base)
        case .count, .seconds: return nil
        }
    }
}
