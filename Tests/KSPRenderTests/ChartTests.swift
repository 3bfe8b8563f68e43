import KSPCore
import KSPTestSupport
import Testing

@testable import KSPQuery
@testable import KSPRender

@Suite("Charts")
struct ChartTests {
    let chart = BarChart(
        title: "total by x",
        bars: [.init(label: "Åpen klasse", value: 75, base: 25), .init(label: "b", value: 50, base: 5)],
        reference: ("all", 60), low: 0, high: 100, minBase: 10)

    @Test func barLengthsAreProportional() {
        // 40 columns = 320 eighths: 75 → 240 eighths (30 full blocks), 50 → 160 (20).
        #expect(chart.eighthsFor(75, width: 40) == 240)
        #expect(chart.eighthsFor(50, width: 40) == 160)
        #expect(chart.eighthsFor(12.5 / 4, width: 40) == 10)  // 1 full block and a quarter
        #expect(chart.eighthsFor(150, width: 40) == 320)  // clipped
    }

    @Test func geometryOnAFixture() {
        let text = chart.render(width: 80, unicode: true)
        let lines = text.split(separator: "\n").map(String.init)
        for l in lines { #expect(DisplayWidth.of(l) <= 80) }
        // Label column 11 wide ("Åpen klasse"), one space, then the bar area.
        let first = Array(lines[1])
        let second = Array(lines[2])
        let barStart = 12
        let barWidth = max(10, min(60, 80 - 11 - "50.0*  n=5".count - 4))
        let full = first[barStart..<(barStart + barWidth)].filter { $0 == "█" || $0 == "┃" }.count
        #expect(full == Int((0.75 * Double(barWidth)).rounded(.down)))
        // The reference marker sits in the column of 60.
        let refColumn = barStart + Int(0.6 * Double(barWidth * 8)) / 8
        #expect(second[refColumn] == "│" || second[refColumn] == "┃")
        #expect(lines.last == "* fewer than 10 answers: read with care (not tested)")
        #expect(lines[2].hasSuffix("50.0*  n=5"))
    }

    @Test func asciiFallback() {
        let text = chart.render(width: 60, unicode: false)
        #expect(!text.contains("█"))
        #expect(text.contains("#"))
        #expect(text.unicodeScalars.filter { $0.value > 127 }.allSatisfy { "Å".unicodeScalars.contains($0) })
    }

    @Test func chartStatementOnTheFixture() throws {
        let result = try Evaluator(season: Fixture.small, options: EvaluationOptions(minBase: 1)).runAny(
            "chart total by participant")
        guard case .bars(let c, let t) = result else {
            Issue.record("not a chart")
            return
        }
        #expect(c.bars.map(\.label) == ["Alfa Bank", "Gamma Forsikring", "Beta Bank"])  // sorted, best first
        #expect(c.bars[0].value == 74.8125)
        #expect(c.reference?.label == "all")
        #expect(t.columns.map(\.name) == ["participant", "total", "n"])
        let npsChart = try Evaluator(season: Fixture.small).runAny("chart nps by channel")
        if case .bars(let n, _) = npsChart { #expect(n.low == -100 && n.high == 100) }
    }

    @Test func trendSparklines() throws {
        let result = try Evaluator(season: Fixture.small).runAny("trend total by month by channel")
        guard case .trend(let c, let t) = result else {
            Issue.record("not a trend")
            return
        }
        #expect(c.periods == ["2023-12", "2024-01", "2024-02", "2024-03"])
        // Charts speak the season's words (issue 13): channel names; the table keeps the ids.
        #expect(c.lines.map(\.label) == ["Telefon", "Messenger", "E-post"])
        #expect(t.rows.map(\.first?.value) == [.text("phone"), .text("messenger"), .text("email")])
        // phone: January (q1 q2 q7 q8 q9) and February (q4 q5) only.
        #expect(c.lines[0].values[0] == nil)
        #expect(c.lines[0].values[2] == 0)
        let text = c.render(width: 80, unicode: true)
        #expect(text.contains("Telefon   ") && text.contains("→ 0.0"))
        #expect(t.columns.map(\.name) == ["channel", "2023-12", "2024-01", "2024-02", "2024-03"])
    }
}

@Suite("Chart labels")
struct ChartLabelTests {
    /// `chart … by channel`: bars named as season.yaml names the channels; csv/json keep the ids.
    @Test func barsUseChannelNames() throws {
        guard case .bars(let chart, let table) = try Evaluator(season: Fixture.small).runAny("chart total by channel")
        else {
            Issue.record("not a bar chart")
            return
        }
        #expect(Set(chart.bars.map(\.label)) == ["Telefon", "Messenger", "E-post"])
        #expect(
            Set(
                table.rows.compactMap { row in
                    if case .text(let id)? = row.first?.value { return id } else { return nil }
                })
                == ["phone", "messenger", "email"])
    }
}
