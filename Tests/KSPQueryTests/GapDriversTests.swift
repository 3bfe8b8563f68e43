import Foundation
import KSPRender
import KSPTestSupport
import Testing

@testable import KSPCore
@testable import KSPQuery

/// `gap` and `drivers` as statements (issue 14): the hand-computed fixture for gap, the sample for drivers.
@Suite("gap and drivers statements")
struct GapDriversTests {
    static let sample: Season = {
        let repository = Fixture.root.deletingLastPathComponent().deletingLastPathComponent()
        let path = repository.appendingPathComponent("samples/ksp2024").path
        do {
            return try SeasonLoader.load(directory: path)
        } catch {
            preconditionFailure("the sample season loads: \(error)")
        }
    }()

    func sample(_ statement: String, seed: UInt64 = 1) throws -> StatementResult {
        var options = EvaluationOptions()
        options.seed = seed
        return try Evaluator(season: Self.sample, options: options).runAny(statement)
    }

    /// Beta Bank to its class winner Alfa Bank: the rows of Tests/KSPCoreTests/GapTests.swift, by hand.
    @Test func gapToTheClassWinner() throws {
        let t = try Fixture.run("gap participant \"Beta Bank\"")
        #expect(approx(t.number("K1", "gain"), (75 - 25) * 0.5 / 3))
        #expect(approx(t.number("answering", "gain"), 2.0 / 3 * 179.5 / 3))
        #expect(approx(t.number("gap", "a"), 179.5 / 9))
        #expect(approx(t.number("gap", "b"), 74.8125))
        #expect(t.firstColumn.first == "answering")  // the largest gain first
        #expect(Array(t.firstColumn.suffix(3)) == ["sum", "remaining", "gap"])
        let sum = (t.number("sum", "gain") ?? 0) + (t.number("remaining", "gain") ?? 0)
        #expect(approx(sum, 74.8125 - 179.5 / 9))
        #expect(t.notes.first == "a = Beta Bank (3 inquiries), b = class winner Alfa Bank (4 inquiries)")
    }

    @Test func theClassWinnerIsMeasuredAgainstTheRunnerUp() throws {
        let t = try Fixture.run("gap participant \"Alfa Bank\"")
        #expect(t.notes.first == "a = Alfa Bank (4 inquiries), b = runner-up Beta Bank (3 inquiries)")
        let gains = t.rows.dropLast(3).compactMap { row -> Double? in
            if case .number(let v, _) = row[6].value { return v }
            return nil
        }
        #expect(gains == gains.sorted(by: >))
    }

    @Test func gapToAnotherParticipantClassAndAll() throws {
        let other = try Fixture.run("gap participant \"Alfa Bank\" to \"Gamma Forsikring\"")
        #expect(approx(other.number("T1", "gain"), 6.25))
        #expect(approx(other.number("V1", "gain"), -5))
        let rest = try Fixture.run("gap participant \"Alfa Bank\" to class")
        #expect(rest.notes.first == "a = Alfa Bank (4 inquiries), b = the rest of Bank (3 inquiries)")
        let all = try Fixture.run("gap participant \"Alfa Bank\" to all")
        #expect(approx(all.number("gap", "b"), (299.25 + 59.8333333333333 + 121.5) / 9, 1e-6))
    }

    @Test func topKeepsTheLargestHelpingGainsAndSaysWhatItLeftOut() throws {
        let full = try Fixture.run("gap participant \"Beta Bank\"")
        let t = try Fixture.run("gap participant \"Beta Bank\" top 2")
        #expect(t.firstColumn == ["answering", "K1", "others", "sum", "remaining", "gap"])
        let shown =
            (t.number("answering", "gain") ?? 0) + (t.number("K1", "gain") ?? 0)
            + (t.number("others", "gain") ?? 0)
        #expect(approx(shown, full.number("sum", "gain") ?? .nan))
    }

    /// With several seasons loaded a gap is one season's, scored by that season's own weights.
    @Test func gapIsOneSeasons() throws {
        let older = try SeasonLoader.load(directory: Fixture.root.appendingPathComponent("small2023").path)
        let both = try SeasonCombiner.combined([older, Fixture.small])
        let latest = try Evaluator(season: both).run("gap participant \"Beta Bank\"")
        #expect(approx(latest.number("K1", "gain"), (75 - 25) * 0.5 / 3))
        #expect(latest.number("K2", "gain") == nil)  // 2023's question does not score in 2024
        #expect(
            latest.notes.first
                == "a = Beta Bank (3 inquiries), b = class winner Alfa Bank (4 inquiries) in Test 2024")
        // 2023: Alfa's a1 (91.111) against Beta's a2, never answered: all of the gap is answering.
        let earlier = try Evaluator(season: both)
            .run("gap participant \"Alfa Bank\" to \"Beta Bank\" where season = 2023")
        #expect(approx(earlier.number("answering", "gain"), -(500 + 4000.0 / 3 + 5000) / 75))
        #expect(approx(earlier.number("gap", "gain"), -(500 + 4000.0 / 3 + 5000) / 75))
        #expect(approx(earlier.number("remaining", "gain"), 0))
    }

    @Test func gapErrors() {
        #expect(
            Fixture.error("gap participant \"Gamma Forsikring\"")?.message
                == "Forsikring has no other participant with enough inquiries for an award")
        #expect(Fixture.error("gap participant \"Alfa Bank\" to \"Alfa Bank\"")?.message == "a gap is to someone else")
        #expect(
            Fixture.error("gap \"Alfa Bank\"")?.message
                == "expected participant after gap (gap participant \"NAME\"), found \"Alfa Bank\"")
        #expect(
            Fixture.error("gap participant \"Alfa Bank\" where channel = email and total > 90")?.message
                == "Alfa Bank has no inquiries within the where clause")
    }

    @Test func driversNeedEnoughCompleteCases() {
        // Answered: q1 q2 q3 q6 q7 q8 q9; q3 lacks impression, q7 agent and impression: 5 complete cases.
        let e = Fixture.error("drivers of nps")
        #expect(
            e?.message == "only 5 complete cases (answered inquiries with nps and every one of the 4 predictors); "
                + "drivers needs at least 40 (30, and 10 per predictor)")
        #expect(e?.hint == "try drivers on areas instead of questions, or a broader where clause")
    }

    @Test func driversErrors() {
        #expect(Fixture.error("drivers of nsp")?.hint == "did you mean nps?")
        #expect(Fixture.error("drivers nps")?.message == "expected of and an outcome (drivers of nps), found \"nps\"")
        #expect(
            Fixture.error("drivers of nps on agent")?.message
                == "expected areas or questions after on, found \"agent\"")
        #expect(
            Fixture.error("drivers of nps where area = agent")?.message
                == "area = … chooses the questions of one area")
    }

    @Test func driversOnTheSample() throws {
        let result = try sample("drivers of nps")
        let t = result.table
        #expect(t.firstColumn.count == 4)  // the four scored areas (cx weighs 0)
        let shares = t.rows.compactMap { row -> Double? in
            if case .number(let v, _) = row[2].value { return v }
            return nil
        }
        #expect(approx(shares.reduce(0, +), 100, 1e-9))
        #expect(shares == shares.sorted(by: >))
        #expect(t.notes.first?.text.hasPrefix("R² = 0.") == true)
        #expect(t.notes[1].text.contains("1000 bootstrap resamples of the inquiries (seed 1)"))
        // The same seed gives the same table; another seed other intervals.
        #expect(try sample("drivers of nps").table == t)
        #expect(try sample("drivers of nps", seed: 2).table != t)
        for format in OutputFormat.allCases {
            let text = format.render(t)
            #expect(!text.contains("nan") && !text.contains("NaN"))
            #expect(text.contains("agent"))
        }
    }

    /// The sample's inquiries three times over (each copy's ids made its own): the same correlations on three
    /// times the base, so drivers of nps rests on more than 10 000 complete cases and takes the moment route.
    static let tripled: Season = {
        let repository = Fixture.root.deletingLastPathComponent().deletingLastPathComponent()
        let directory = repository.appendingPathComponent("samples/ksp2024")
        do {
            let text = try String(contentsOf: directory.appendingPathComponent("inquiries.csv"), encoding: .utf8)
            let header = text.prefix { $0 != "\n" }
            let records = text.dropFirst(header.count + 1)
            let copies = ["a", "b", "c"].map { copy in
                records.replacing(/(?m)^(i\d{8}),/) { "\($0.output.1)\(copy)," }
            }
            return try SeasonLoader.load(
                definition: Array(try Data(contentsOf: directory.appendingPathComponent("season.yaml"))),
                participants: Array(try Data(contentsOf: directory.appendingPathComponent("participants.csv"))),
                inquiries: Array((header + "\n" + copies.joined()).utf8))
        } catch {
            preconditionFailure("the tripled sample loads: \(error)")
        }
    }()

    /// On a large base the intervals come from the normal approximation of the means and products, and the footer
    /// says so; the shares are the sample's own (the same correlations), the intervals about 1/√3 as wide.
    @Test func driversOnALargeBaseTakeTheMomentRoute() throws {
        let large = try Evaluator(season: Self.tripled).runAny("drivers of nps").table
        let small = try sample("drivers of nps").table
        #expect(large.notes[0].text.contains("n = 13"))
        #expect(
            large.notes[1].text.contains(
                "95 % intervals from 1000 bootstrap rounds drawn from the large-sample normal approximation of the "
                    + "answers' means and products (seed 1)"))
        #expect(large.firstColumn == small.firstColumn)
        for area in small.firstColumn {
            #expect(approx(large.number(area, "share"), small.number(area, "share") ?? .nan, 1e-9))
            let width = (large.number(area, "share_high") ?? 0) - (large.number(area, "share_low") ?? 0)
            let sampleWidth = (small.number(area, "share_high") ?? 0) - (small.number(area, "share_low") ?? 0)
            #expect(
                width / sampleWidth > 0.45 && width / sampleWidth < 0.72, "\(area): \(width) against \(sampleWidth)")
        }
    }

    /// A CX outcome reads a question of its own: that question is not among the predictors (it explained itself,
    /// R² = 1, before).
    @Test func aCXOutcomesOwnQuestionIsNotAPredictor() throws {
        let t = try sample("drivers of nps on questions where area = cx").table
        #expect(t.firstColumn == ["X4", "X2", "X1", "X5"])
        #expect(t.notes[0].text.hasPrefix("R² = 0.430"))
    }

    /// Predictors whose rounds could mostly not be decomposed get no interval, and the footer says why.
    @Test func predictorsWithoutAnIntervalAreNamed() throws {
        let row = DriverRow(
            predictor: 0, name: "K7", weight: 0.1, share: 50, shareLow: nil, shareHigh: nil, correlation: 0.3,
            performance: 70)
        let result = DriverResult(
            rows: [row, row], rSquared: 0.2, used: 12_000, leftOut: 0, dropped: [], rounds: 1000, route: .rows)
        let notes = Evaluator(season: Self.sample).driverNotes(result, outcomeName: "nps", seasonName: nil)
        #expect(
            notes.contains(
                "no interval for K7, K7: fewer than half of the 1000 rounds gave correlations that can be decomposed "
                    + "(a predictor or the outcome the same in almost every inquiry, or predictors that almost "
                    + "always move together)"))
    }

    /// An outcome the same in all but one complete case: the footer says why there are no intervals, names no
    /// resampling (none was done) and does not blame the rounds' decompositions.
    @Test func anOutcomeOffItsCommonValueOnceIsSaidToGiveNoIntervals() throws {
        let row = DriverRow(
            predictor: 0, name: "T1", weight: 0.1, share: 50, shareLow: nil, shareHigh: nil, correlation: 0.3,
            performance: 70)
        var result = DriverResult(
            rows: [row], rSquared: 0.2, used: 3_637, leftOut: 0, dropped: [], rounds: 1000, route: .rows)
        result.rareOutcome = RareOutcome([0] + [Double](repeating: 100, count: 3_636))
        result.rounds = 0
        let notes = Evaluator(season: Self.sample).driverNotes(result, outcomeName: "K13", seasonName: nil)
        #expect(
            notes == [
                "R² = 0.200, n = 3637 answered inquiries with K13 and every predictor (0 left out for a missing value)",
                "relative weights (Johnson 2000): each predictor's share of R²; .help drivers",
                "no intervals: K13 is the same in all but 1 of the 3637 complete cases, so the shares rest on that "
                    + "inquiry and a resample cannot say how stable they are (intervals need 10 cases off the most "
                    + "common value)",
            ])
    }

    @Test func driversOfAQuestionOnItsAreasQuestionsLeaveItOut() throws {
        let t = try sample("drivers of K13 on questions where area = agent").table
        #expect(!t.firstColumn.contains("K13"))
        #expect(t.columns.first?.name == "question")
    }

    @Test func chartDriversDrawsTheQuadrant() throws {
        guard case .quadrant(let chart, let table) = try sample("chart drivers of nps") else {
            Issue.record("chart drivers gives a quadrant")
            return
        }
        #expect(table.rows.count == 4)
        let text = chart.render(width: 80, unicode: true)
        #expect(text.contains("work on this first"))
        for line in text.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 80) }
        #expect(!chart.render(width: 80, unicode: false).contains("│"))
        #expect(chart.render(width: 30, unicode: true).contains("the chart needs 40 columns"))
    }

    @Test func quadrantsFollowTheMeans() {
        let chart = QuadrantChart(
            title: "t",
            points: [
                .init(label: "a", performance: 40, importance: 60),
                .init(label: "b", performance: 80, importance: 30),
                .init(label: "c", performance: 50, importance: 10),
            ])
        // Means: importance 33.3, performance 56.7.
        #expect(chart.points.map(chart.quadrant) == ["work on this first", "maintain", "lower priority"])
    }

    @Test func gapAndDriversRenderInEveryFormat() throws {
        let t = try Fixture.run("gap participant \"Beta Bank\"")
        #expect(OutputFormat.csv.render(t).split(separator: "\n").first == "question,text,area,a,b,n_a,gain")
        #expect(OutputFormat.json.render(t).contains("\"gain\""))
        #expect(OutputFormat.markdown.render(t).contains("| answering |"))
        #expect(OutputFormat.table.render(t).contains("remaining"))
    }
}
