import Foundation
import KSPCore
import KSPTestSupport
import Testing

@testable import KSPQuery
@testable import KSPRender

/// Issue 19 (trial meeting) items on how tables are drawn, with the fixture's hand-computed figures.
@Suite("Trial meeting: rendering")
struct TrialFixesRenderingTests {
    func rendered(_ statement: String, width: Int = 100, season: Season = Fixture.small) throws -> String {
        let table = try Evaluator(season: season, options: EvaluationOptions(minBase: 1)).run(statement)
        return OutputFormat.table.render(table, width: width)
    }

    // 19.8: shares carry their unit in tables; csv and json keep the number.
    @Test func sharesShowPerCent() throws {
        let table = try rendered("noanswer by channel")
        #expect(table.contains("28.6 %"))  // q4 and q5 of 7 phone inquiries
        let csv = CSVRenderer.render(try Fixture.run("noanswer by channel").visible(to: .machines))
        #expect(csv.contains("phone,28.6,"))
        #expect(TableRenderer.text(.number(4, .percent, flags: .above)) == "4.0 %▲")
        // Every line of a table with units and markers is equally wide (right-aligned).
        let table2 = try rendered("noanswer, noanswer1 by participant")
        let lines = table2.split(separator: "\n").filter { $0.hasPrefix("│") }
        #expect(Set(lines.map { DisplayWidth.of(String($0)) }).count == 1)
    }

    // 19.11: quotes wrap long comments inside the cell and show date, channel, total (season when several).
    @Test func quotesWrapComments() throws {
        let text = try rendered("quotes where participant = \"Alfa Bank\"", width: 70)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 70 })
        #expect(!text.contains("…"))
        #expect(["date", "channel", "total", "comment"].allSatisfy { lines[1].contains($0) })
        // The comment "Svar etter jul; "greit" nok" comes whole across the cell's lines.
        let commentColumn = lines.filter { $0.hasPrefix("│") }.compactMap { $0.split(separator: "│").dropLast().last }
        let words = commentColumn.flatMap { $0.split(separator: " ") }.joined(separator: " ")
        #expect(words.contains("Svar etter jul; \"greit\" nok"))
        #expect(TextWrap.lines("anbefalte et alternativ", width: 12) == ["anbefalte et", "alternativ"])
        #expect(TextWrap.lines("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    }
}
