import Foundation
import KSPCore
import KSPTestSupport
import Testing

@testable import KSPQuery

@Suite("Reports")
struct ReportTests {
    var sample: Season { SampleSeason.season }

    func report(_ s: String, season: Season = Fixture.small) throws -> Report {
        guard case .report(let r, _) = try Evaluator(season: season).runAny(s) else {
            throw EvaluationError(SourceRange(0, 0), "not a report")
        }
        return r
    }

    @Test func participantFiguresEqualTheLanguages() throws {
        let r = try report("report participant \"Alfa Bank\"")
        let summary = try #require(r.tables(in: .summaryHeading).first)
        // Columns: area, own, class, all, difference, n.
        #expect(summary.number(.phrase(.metricTotal), 1) == 74.8125)
        let language = try Fixture.run("compare participant \"Alfa Bank\" vs class on total, agent")
        #expect(summary.number(.label("Kundebehandleren"), 2) == language.number("agent", "b"))
        #expect(summary.number(.phrase(.metricTotal), 3) == (try Fixture.run("total")).rows[0][0].value.number)
        let channels = try #require(r.tables(in: .channelsHeading).first)
        // Columns: channel, inquiries, total, not answered, median wait, full points, within.
        #expect(
            channels.number(.label("Telefon"), 2)
                == (try Fixture.run("total by channel where participant = \"Alfa Bank\"")).number("phone", "total"))
        #expect(
            r.sections.map(\.heading) == [
                .phrase(.summaryHeading), .phrase(.areasHeading), .phrase(.channelsHeading),
                .phrase(.whatItTakesHeading), .phrase(.seasonHeading), .phrase(.driversHeading),
                .phrase(.commentsHeading),
            ])
    }

    /// Questions are shown by their text under their area's name (labels from season.yaml), ids nowhere.
    @Test func questionsByTextUnderTheirArea() throws {
        let r = try report("report participant \"Alfa Bank\"")
        let areas = r.tables(in: .areasHeading)
        #expect(
            areas.map(\.heading) == [
                .label("Mottak og velkomst"), .label("Kundebehandleren"), .label("Totalinntrykk"),
                .phrase(.areaNotScored, [.label("CX")]),
            ])
        #expect(
            areas[0].firstColumn == [
                .label("Følte du deg velkommen?"), .label("Hvordan presenterte kundebehandleren seg?"),
            ])
        let question = try Fixture.run("compare participant \"Alfa Bank\" vs class on V1")
        #expect(areas[0].number(.label("Følte du deg velkommen?"), 1) == question.number("V1", "a"))
        #expect(areas[0].number(.label("Følte du deg velkommen?"), 2) == question.number("V1", "b"))
    }

    /// "Hva som skal til" is `GapCalculator.gap` against the class winner, as `gap` says it.
    @Test func whatItTakesIsTheGapStatement() throws {
        let r = try report("report participant \"Beta Bank\"")
        let gap = try Fixture.run("gap participant \"Beta Bank\"")
        let table = try #require(r.tables(in: .whatItTakesHeading).first)
        let first = try #require(gap.rows.first)
        #expect(
            table.rows.first.flatMap { row in if case .cell(let c) = row[4] { return c.number } else { return nil } }
                == first.last?.number)
    }

    @Test func commentsGroupedByArea() throws {
        let r = try report("report participant \"Alfa Bank\"")
        guard case .quotes(let groups)? = r.sections.last?.blocks.first else {
            Issue.record("no quotes")
            return
        }
        #expect(groups.map(\.area) == [.phrase(.commentsGeneral)])
        #expect(groups[0].items.contains("Svar etter jul; \"greit\" nok"))
    }

    @Test func classReport() throws {
        let r = try report("report class Bank")
        #expect(r.title == .phrase(.reportTitle, [.label("Bank"), .label("Test 2024")]))
        let ranking = try #require(r.tables(in: .rankingHeading).first)
        #expect(ranking.rows.count == 2)
        #expect(ranking.rows.first?[1] == .words(.label("Alfa Bank")))  // the class winner
    }

    /// The quadrant's importance is `drivers of nps` over the season; its performance the participant's own points.
    @Test func quadrantIsTheDriversStatement() throws {
        let r = try report("report participant \"Skjærvik Sparebank\"", season: sample)
        guard case .quadrant(let chart, _)? = r.section(.driversHeading)?.blocks.first else {
            Issue.record("no quadrant")
            return
        }
        let drivers = try Evaluator(season: sample).run("drivers of nps")
        #expect(chart.points.count == 4)
        for point in chart.points {
            let area = try #require(sample.definition.areas.first { $0.name == point.label })
            #expect(point.importance == drivers.number(area.id, "share"))
            let own = try Evaluator(season: sample).run("\(area.id) where participant = \"Skjærvik Sparebank\"")
            #expect(point.performance == own.rows[0][0].value.number)
        }
    }

    /// The language: `report … lang en` over `.lang` over the season's own (en when it does not say).
    @Test func reportLanguage() throws {
        #expect(try report("report class Bank").language == .en)
        #expect(try report("report class Bank lang nb").language == .nb)
        #expect(try report("report class Bank", season: sample).language == .nb)
        #expect(try report("report class Bank lang en", season: sample).language == .en)
        var options = EvaluationOptions()
        options.language = .nb
        guard
            case .report(let r, _) = try Evaluator(season: Fixture.small, options: options).runAny("report class Bank")
        else {
            Issue.record("not a report")
            return
        }
        #expect(r.language == .nb)
        #expect(
            Fixture.error("report class Bank lang de")?.message
                == "expected a language after lang (nb or en), found \"de\"")
    }
}

enum SampleSeason {
    static let season: Season = try! SeasonLoader.load(
        directory: Fixture.root.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
            "samples/ksp2024"
        ).path)
}

extension CellValue {
    var number: Double? { if case .number(let v, _) = self { return v } else { return nil } }
}

@Suite("Report comments and months")
struct ReportCommentMonthTests {
    /// Most recent first, each text once (case and surrounding spaces aside): q9 (17 January), q2 (16 January,
    /// the same words as q1 of the 15th, which is left out), q3 (22 December).
    @Test func commentsMostRecentFirstAndOnce() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ksp-quotes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = Fixture.root.appendingPathComponent("small")
        for file in ["participants.csv", "season.yaml"] {
            try FileManager.default.copyItem(
                at: source.appendingPathComponent(file), to: directory.appendingPathComponent(file))
        }
        let csv = try String(contentsOf: source.appendingPathComponent("inquiries.csv"), encoding: .utf8)
            .replacingOccurrences(
                of: "nei,Kun eget navn,3,nei,3,7,\n", with: "nei,Kun eget navn,3,nei,3,7,\" veldig bra, TAKK \"\n"
            )
            .replacingOccurrences(
                of: "1,ja,Firmanavn og eget navn,4,ja,4,9,\n", with: "1,ja,Firmanavn og eget navn,4,ja,4,9,Sist\n")
        try csv.write(to: directory.appendingPathComponent("inquiries.csv"), atomically: true, encoding: .utf8)
        let season = try SeasonLoader.load(directory: directory.path)
        guard case .report(let r, _) = try Evaluator(season: season).runAny("report participant \"Alfa Bank\""),
            case .quotes(let groups)? = r.section(.commentsHeading)?.blocks.first
        else {
            Issue.record("no quotes")
            return
        }
        #expect(groups.map(\.items) == [["Sist", "veldig bra, TAKK", "Svar etter jul; \"greit\" nok"]])
    }

    /// Every month with its base; the fixture's Alfa Bank has 1 inquiry in December and 3 in January.
    @Test func monthsCarryTheirBases() throws {
        guard case .report(let r, _) = try Evaluator(season: Fixture.small).runAny("report participant \"Alfa Bank\""),
            case .months(let series)? = r.section(.seasonHeading)?.blocks.first
        else {
            Issue.record("no months")
            return
        }
        #expect(series.periods == ["2023-12", "2024-01", "2024-02", "2024-03"])
        #expect(series.lines[0].bases == [1, 3, 0, 0])
        #expect(series.lines[1].bases == [1, 3, 2, 1])  // the whole class: Beta Bank's q4, q5 and q6 too
        #expect(series.lines[0].values[2] == nil)
        #expect(series.minBase == 10)
    }
}
