import Foundation
import KSPCore
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

    func tables(_ r: Report) -> [ResultTable] {
        r.sections.flatMap { $0.blocks.compactMap { if case .table(let t) = $0 { return t } else { return nil } } }
    }

    @Test func participantFiguresEqualTheLanguages() throws {
        let r = try report("report participant \"Alfa Bank\"")
        let headline = tables(r)[0]
        #expect(headline.number("total", "Alfa Bank") == 74.8125)
        let language = try Fixture.run("compare participant \"Alfa Bank\" vs class on total, agent")
        #expect(headline.number("agent", "class") == language.number("agent", "b"))
        #expect(headline.number("total", "all") == (try Fixture.run("total")).rows[0][0].value.number)
        let channels = tables(r)[1]
        #expect(
            channels.number("phone", "total")
                == (try Fixture.run("total by channel where participant = \"Alfa Bank\"")).number("phone", "total"))
        #expect(
            r.sections.map(\.heading) == [
                "Total and areas against the class", "Results per channel", "Questions furthest from the class",
                "Waits and unanswered inquiries per channel", "Rank in the class", "Through the season",
                "The shoppers' own words",
            ])
    }

    @Test func commentsGroupedByArea() throws {
        let r = try report("report participant \"Alfa Bank\"")
        guard case .quotes(let groups)? = r.sections.last?.blocks.first else {
            Issue.record("no quotes")
            return
        }
        #expect(groups.map(\.area) == ["General"])
        #expect(groups[0].items.contains("Svar etter jul; \"greit\" nok"))
    }

    @Test func classReport() throws {
        let r = try report("report class Bank")
        #expect(r.title == "Bank — Test 2024")
        let ranking = tables(r)[0]
        #expect(ranking.rows.count == 2)
        #expect(tables(r).last?.rows.first?[1].value == .text("Alfa Bank"))  // the class winner
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
