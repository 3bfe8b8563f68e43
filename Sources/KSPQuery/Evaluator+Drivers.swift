import Foundation
import KSPCore

extension Evaluator {
    /// `drivers of OUTCOME [on areas|questions] [where …]`: relative weights of the scored areas (or one area's
    /// questions) for an outcome over the answered inquiries (`DriverAnalysis`, issue 14).
    func drivers(_ d: DriversStatement) throws(EvaluationError) -> (table: ResultTable, chart: QuadrantChart) {
        let (areaValue, rest) = FilterCompiler.extractArea(d.filter)
        let area = try areaRestriction(areaValue)
        let scope = latestSeasonScope(try inquiries(passing: rest).filter { season.inquiries.answered[$0] })
        let pool = scope.inquiries
        let scoring = scope.definition
        let seasonName = scope.name
        let seasonKey = pool.first.map { season.inquiries.season[$0] }
        let (outcomeName, outcome) = try driverOutcome(d.outcome, pool: pool, seasonKey: seasonKey)
        let onQuestions = d.predictors?.value.lowercased() == "questions"
        if area != nil && !onQuestions, let areaValue {
            throw EvaluationError(
                areaValue.range, "area = … chooses the questions of one area",
                hint: "drivers of \(d.outcome.value) on questions where area = "
                    + areaValue.value.text)
        }
        let def = season.definition
        var names: [String] = []
        var texts: [String] = []
        var columns: [[Double]] = []
        if onQuestions {
            var questions: [Int] = []
            for q in def.questions.indices where area == nil || def.questions[q].areaIndex == area {
                let ownArea = scoring.areaIndex(id: def.areas[def.questions[q].areaIndex].id)
                let scored =
                    scoring.questionIndex(id: def.questions[q].id) != nil
                    && (ownArea.map { scoring.areas[$0].weight > 0 } ?? false)
                // The outcome is never its own predictor: a question id, or the question a CX metric reads.
                guard scored || area != nil, q != outcome.question else { continue }
                names.append(def.questions[q].id)
                texts.append(def.questions[q].text)
                questions.append(q)
            }
            columns = season.inquiries.points(questions, questions.map { def.questions[$0] }, over: pool)
        } else {
            for a in def.areas.indices {
                guard let own = scoring.areaIndex(id: def.areas[a].id), scoring.areas[own].weight > 0,
                    .area(a) != outcome.metric
                else { continue }
                names.append(def.areas[a].id)
                texts.append(def.areas[a].name)
                columns.append(season.inquiries.areaScores(a, over: pool))
            }
        }
        guard !columns.isEmpty else {
            throw EvaluationError(
                d.predictors?.range ?? d.outcome.range,
                "no predictors: the season has no scored "
                    + (onQuestions ? "questions there" : "areas besides the outcome"))
        }
        try checkCancelled()
        let result: DriverResult
        do {
            result = try DriverAnalysis.run(
                DriverInput(outcome: outcome.values, predictors: columns, names: names),
                outcomeName: outcomeName, rounds: Evaluator.bootstrapRounds,
                seed: options.seed)
        } catch {
            throw EvaluationError(d.outcome.range, error.message, hint: error.hint)
        }
        try checkCancelled()
        let rows = result.rows.sorted { $0.share > $1.share }
        let table = ResultTable(
            columns: [
                ResultColumn(onQuestions ? "question" : "area", isDimension: true),
                ResultColumn("text", isDimension: true, wraps: true),
                ResultColumn("share"), ResultColumn("share_low", audience: .machines),
                ResultColumn("share_high", audience: .machines), ResultColumn("95% interval", audience: .people),
                ResultColumn("r", audience: .people), ResultColumn("r", audience: .machines),
                ResultColumn("points"),
            ],
            rows: rows.map { row in
                let interval = row.shareLow.flatMap { low in row.shareHigh.map { FigureInterval(low: low, high: $0) } }
                return [
                    .text(row.name), .text(texts[row.predictor]), .number(row.share, .percent),
                    .number(row.shareLow, .percent), .number(row.shareHigh, .percent),
                    Cell(.interval(interval, .percent)),
                    .text(String(format: "%.2f", row.correlation)), .number(row.correlation, .pValue),
                    .number(row.performance, .score),
                ]
            },
            notes: driverNotes(result, outcomeName: outcomeName, seasonName: seasonName).map(TableNote.text))
        let chart = QuadrantChart(
            title: "drivers of \(outcomeName): importance (share of R²) against performance (points)",
            points: rows.map { QuadrantChart.Point(label: $0.name, performance: $0.performance, importance: $0.share) })
        return (table, chart)
    }

    func driverNotes(_ result: DriverResult, outcomeName: String, seasonName: String?) -> [String] {
        var notes = [
            "R² = \(String(format: "%.3f", result.rSquared)), n = \(result.used) answered inquiries with "
                + "\(outcomeName) and every predictor (\(result.leftOut) left out for a missing value)"
                + (seasonName.map { " in \($0)" } ?? "")
        ]
        if let rare = result.rareOutcome {
            // No rounds were drawn: the method line names none.
            let few = rare.deviating == 1 ? "that inquiry" : "those inquiries"
            notes.append("relative weights (Johnson 2000): each predictor's share of R²; .help drivers")
            notes.append(
                "no intervals: \(outcomeName) is the same in all but \(rare.deviating) of the \(result.used) "
                    + "complete cases, so the shares rest on \(few) and a resample cannot say how stable they are "
                    + "(intervals need \(RareOutcome.minimumDeviating) cases off the most common value)")
        } else {
            notes.append(
                "relative weights (Johnson 2000): each predictor's share of R²; 95 % intervals from "
                    + resamplingText(result) + " (seed \(options.seed)); .help drivers")
            let withoutInterval = result.rows.filter { $0.shareLow == nil }.map(\.name)
            if !withoutInterval.isEmpty {
                notes.append(
                    "no interval for " + withoutInterval.joined(separator: ", ") + ": fewer than half of the "
                        + "\(result.rounds) rounds gave correlations that can be decomposed (a predictor or the "
                        + "outcome the same in almost every inquiry, or predictors that almost always move together)")
            }
        }
        for dropped in result.dropped {
            notes.append("left out: \(dropped.name), \(dropped.reason)")
        }
        return notes
    }

    /// How the intervals were resampled, in the footer's words.
    func resamplingText(_ result: DriverResult) -> String {
        switch result.route {
        case .rows:
            return "\(result.rounds) bootstrap resamples of the inquiries"
        case .moments:
            return "\(result.rounds) bootstrap rounds drawn from the large-sample normal approximation of the "
                + "answers' means and products"
        }
    }

    /// The outcome's value per inquiry of the pool: a CX question's raw answer, the total, a question's or an
    /// area's points (NaN where missing); `question`, the question it reads, if any.
    func driverOutcome(_ name: Located<String>, pool: [Int], seasonKey: UInt16?)
        throws(EvaluationError) -> (String, (metric: Metric, values: [Double], question: Int?))
    {
        let def = season.definition
        let expected = "an outcome: nps, csat, ces, ves1, ves2, total, an area id or a question id"
        guard let metric = Metric.named(name.value, in: def) else {
            let candidates =
                ["nps", "csat", "ces", "ves1", "ves2", "total"] + def.areas.map(\.id)
                + def.questions.map(\.id)
            throw EvaluationError(
                name.range, "expected \(expected), found \"\(Token.clip(name.value))\"",
                hint: Suggest.nearest(name.value, in: candidates).map { "did you mean \($0)?" })
        }
        let id = metric.id(in: def)
        switch metric {
        case .total:
            let totals = season.inquiries.total
            return (id, (metric, pool.map { totals[$0] }, nil))
        case .area(let a):
            return (id, (metric, season.inquiries.areaScores(a, over: pool), nil))
        case .question(let q):
            return (id, (metric, season.inquiries.points(q, def.questions[q], over: pool), q))
        case .cx(let cx):
            let own = seasonKey.flatMap { key in
                season.seasons.indices.contains(Int(key)) ? season.seasons[Int(key)].metricQuestions[cx] : nil
            }
            guard let q = own ?? def.questionIndex(metric: cx) else {
                throw EvaluationError(name.range, "this season has no question marked metric: \(cx.rawValue)")
            }
            return (id, (metric, season.inquiries.rawAnswers(q, over: pool), q))
        default:
            throw EvaluationError(name.range, "expected \(expected), found \(id)")
        }
    }
}
