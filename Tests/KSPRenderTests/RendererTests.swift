import Foundation
import KSPCore
import KSPTestSupport
import Testing

@testable import KSPQuery
@testable import KSPRender

@Suite("Renderers")
struct RendererTests {
    let table = ResultTable(
        columns: [ResultColumn("class", isDimension: true), ResultColumn("total"), ResultColumn("n")],
        rows: [
            [.text("Båtreise"), .number(71.25, .score), .count(200)],
            [.text("Åpen klasse"), .number(8.04, .score, flags: .smallBase), .count(9, flags: .smallBase)],
            [.text("日本"), .number(nil, .score), .count(0)],
        ],
        notes: ["* fewer than 10 inquiries: read with care"])

    @Test func tableGolden() {
        #expect(
            TableRenderer(width: 80).render(table) == """
                ┌─────────────┬───────┬─────┐
                │ class       │ total │   n │
                ├─────────────┼───────┼─────┤
                │ Båtreise    │  71.3 │ 200 │
                │ Åpen klasse │  8.0* │  9* │
                │ 日本        │       │   0 │
                └─────────────┴───────┴─────┘
                * fewer than 10 inquiries: read with care
                """)
    }

    @Test func tableFitsTheWidth() {
        let wide = ResultTable(
            columns: [ResultColumn("comment", isDimension: true), ResultColumn("total")],
            rows: [[.text(String(repeating: "lang kommentar ", count: 20)), .number(50, .score)]])
        let out = TableRenderer(width: 40).render(wide)
        for line in out.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 40) }
        #expect(out.contains("…"))
    }

    @Test func markdownGolden() {
        #expect(
            MarkdownRenderer.render(table) == """
                | class | total | n |
                |---|---:|---:|
                | Båtreise | 71.3 | 200 |
                | Åpen klasse | 8.0* | 9* |
                | 日本 |  | 0 |

                _* fewer than 10 inquiries: read with care_
                """)
    }

    @Test func csvGolden() {
        #expect(CSVRenderer.render(table) == "class,total,n\nBåtreise,71.3,200\nÅpen klasse,8.0,9\n日本,,0")
    }

    @Test func jsonGolden() {
        #expect(
            JSONRenderer.render(table) == """
                [
                  {"class": "Båtreise", "total": 71.3, "n": 200},
                  {"class": "Åpen klasse", "total": 8.0, "n": 9},
                  {"class": "日本", "total": null, "n": 0}
                ]
                """)
    }

    @Test func csvParsesBack() throws {
        let result = try Fixture.run("areas by channel")
        let csv = try CSVTable(text: OutputFormat.csv.render(result))
        #expect(
            csv.row(0) == [
                "channel", "wait", "wait_sig", "n_wait", "welcome", "welcome_sig", "n_welcome", "agent", "agent_sig",
                "n_agent", "impression", "impression_sig", "n_impression", "cx", "cx_sig", "n_cx", "n",
            ])
        // Every group is below the minimum base of 10 answers: untested, not "not significant".
        #expect(
            csv.row(1) == [
                "phone", "52.1", "untested", "7", "68.0", "untested", "5", "75.0", "untested", "4", "75.0", "untested",
                "4", "66.5", "untested", "5", "7",
            ])
        #expect(csv.row(3)[10] == "")  // email impression undefined
        #expect(csv.row(3)[12] == "0")  // on no answers
    }

    @Test func jsonParsesBack() throws {
        let result = try Fixture.run("quotes")
        let data = JSONRenderer.render(result).data(using: .utf8)!
        let array = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(array.count == 3)
        #expect(array.contains { ($0["comment"] as? String) == "Rask på Messenger\nmen kort" })
        #expect(Set(array[0].keys) == ["participant", "channel", "date", "total", "area", "comment"])
    }

    @Test func numbersRoundHalfAwayFromZero() {
        #expect(NumberFormat.oneDecimal(60.75) == "60.8")
        #expect(NumberFormat.oneDecimal(-0.04) == "0.0")
        #expect(NumberFormat.oneDecimal(-2.25) == "-2.3")
        #expect(NumberFormat.display(125, .seconds) == "2m 05s")
        #expect(NumberFormat.display(0.0004, .pValue) == "<0.001")
    }

    @Test func displayWidth() {
        #expect(DisplayWidth.of("æøå") == 3)
        #expect(DisplayWidth.of("e\u{301}") == 1)  // e + combining acute
        #expect(DisplayWidth.of("日本") == 4)
    }
}
