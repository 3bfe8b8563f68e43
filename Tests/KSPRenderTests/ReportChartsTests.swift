import Foundation
import KSPCore
import KSPTestSupport
import Testing

@testable import KSPQuery
@testable import KSPRender

/// The report's own SVG charts: months with their bases (a small base drawn hollow and dashed), and the drivers
/// quadrant, or a sentence where the season cannot support it.
@Suite("Report charts")
struct ReportChartsTests {
    func report(_ statement: String, season: Season) throws -> Report {
        guard case .report(let r, _) = try Evaluator(season: season).runAny(statement) else {
            throw EvaluationError(SourceRange(0, 0), "not a report")
        }
        return r
    }

    @Test func smallMonthsAreHollowAndDashedWithTheirBases() throws {
        let series = MonthSeries(
            title: .phrase(.seasonChart), periods: ["2024-01", "2024-02", "2024-03"],
            lines: [.init(label: .label("Ø/\"A\""), values: [70, 80, 75], bases: [12, 4, 15])], minBase: 10)
        let svg = SVGChart.months(series, .nb)
        // January and March full, February small: one hollow point, both stretches touching it dashed.
        #expect(svg.components(separatedBy: "fill=\"#fff\" stroke=\"#1f4e8c\" stroke-width=\"1.5\"").count - 1 == 1)
        #expect(svg.components(separatedBy: "stroke-dasharray=\"3 3\"").count - 1 == 2)
        #expect(svg.contains(">12<") && svg.contains(">4*<") && svg.contains(">15<"))
        #expect(svg.contains(">jan<") && svg.contains(">feb<") && svg.contains(">mar<"))
        #expect(svg.contains("februar 2024: 80,0 (n=4)"))
        #expect(svg.contains("Ø/&quot;A&quot; 75,0"))
    }

    @Test func quadrantNamesItsCornersInTheLanguage() {
        let chart = QuadrantChart(
            title: "nps",
            points: [
                .init(label: "Kundebehandleren", performance: 60, importance: 50),
                .init(label: "Svar- og ventetid", performance: 85, importance: 10),
            ])
        let nb = SVGChart.quadrant(chart, title: "Betydning", .nb)
        #expect(nb.contains(">start her<") && nb.contains(">vedlikehold<"))
        #expect(nb.contains("Kundebehandleren (60,0; 50,0 %)"))
        let en = SVGChart.quadrant(chart, title: "Importance", .en)
        #expect(en.contains(">work on this first<") && en.contains("Svar- og ventetid (85.0; 10.0 %)"))
    }

    /// The fixture has too few inquiries for drivers: the section says so instead of a chart.
    @Test func driversSectionSaysWhenItCannotRun() throws {
        let r = try report("report participant \"Alfa Bank\"", season: Fixture.small)
        let html = r.html
        #expect(html.contains("<h2>What drives the result</h2>"))
        #expect(html.contains("<p>Not enough data to say which areas drive the result.</p>"))
    }
}
