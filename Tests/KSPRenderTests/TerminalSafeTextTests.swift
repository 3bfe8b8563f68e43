import Foundation
import KSPCore
import KSPTestSupport
import Testing

@testable import KSPQuery
@testable import KSPRender

/// Text from files and statements on the terminal: control characters escaped, lines wrapped at spaces,
/// ASCII borders where the locale is not UTF-8, charts that fit or say they don't.
@Suite("Terminal-safe text")
struct TerminalSafeTextTests {
    @Test func controlCharactersAreShownEscaped() {
        #expect(TerminalSafeText.escaped("A\u{1B}[2JB") == "A\\e[2JB")
        #expect(TerminalSafeText.escaped("\u{1B}]0;title\u{7}") == "\\e]0;title\\u{7}")
        #expect(TerminalSafeText.escaped("over\rwrite\ttab") == "over\\rwrite\\ttab")
        #expect(TerminalSafeText.escaped("C1 \u{9B}31m DEL \u{7F}") == "C1 \\u{9B}31m DEL \\u{7F}")
        #expect(TerminalSafeText.escaped("Skjærvik \u{65E5}\u{301}") == "Skjærvik \u{65E5}\u{301}")
        #expect(TerminalSafeText.escapedKeepingLines("a\u{1B}\r\nb\n") == "a\\e\nb\n")
    }

    static func table(_ names: [String], notes: [String] = []) -> ResultTable {
        ResultTable(
            columns: [ResultColumn("participant", isDimension: true), ResultColumn("n")],
            rows: names.enumerated().map { [.text($0.element), .count($0.offset + 1)] },
            notes: notes.map(TableNote.text))
    }

    @Test func aTableShowsAnEscapeSequenceEscapedAndStaysAligned() {
        let text = TableRenderer(width: 100).render(TerminalSafeTextTests.table(["\u{1B}[2JEvil", "Bank\r"]))
        #expect(
            text == """
                ┌─────────────┬───┐
                │ participant │ n │
                ├─────────────┼───┤
                │ \\e[2JEvil   │ 1 │
                │ Bank\\r      │ 2 │
                └─────────────┴───┘
                """)
    }

    @Test func csvAndJSONKeepTheRawValueByTheirOwnRules() {
        let table = TerminalSafeTextTests.table(["\u{1B}[2J"])
        #expect(OutputFormat.json.render(table) == "[\n  {\"participant\": \"\\u001b[2J\", \"n\": 1}\n]")
        #expect(OutputFormat.csv.render(table) == "participant,n\n\u{1B}[2J,1")
    }

    @Test func asciiBordersWhenTheLocaleIsNotUTF8() {
        let text = TableRenderer(width: 100, unicode: false).render(TerminalSafeTextTests.table(["Alfa"]))
        #expect(
            text == """
                +-------------+---+
                | participant | n |
                +-------------+---+
                | Alfa        | 1 |
                +-------------+---+
                """)
    }

    @Test func anErrorEchoesTheStatementEscapedWithTheCaretUnderThePlace() {
        let statement = "n where participant = \"\u{1B}]0;x\u{7}\" and klass = Bank"
        let error = Fixture.error(statement)
        let rendered = error?.rendered(statement: statement) ?? ""
        #expect(!rendered.unicodeScalars.contains { TerminalSafeText.isControl($0) && $0 != "\n" })
        let lines = rendered.split(separator: "\n").map(String.init)
        #expect(lines.first == "n where participant = \"\\e]0;x\\u{7}\" and klass = Bank")
        // The carets under the escaped name: 22 columns in, 13 wide (`"\e]0;x\u{7}"`).
        let caretLine = String(repeating: " ", count: 22) + String(repeating: "^", count: 13)
        #expect(lines.count > 1 && lines[1] == caretLine + " no participant \"\\e]0;x\\u{7}\"")
    }

    @Test func linesWrapAtSpacesAndALongWordIsCut() {
        #expect(TerminalSafeText.wrapped("the quick brown fox", width: 10) == "the quick\nbrown fox")
        #expect(TerminalSafeText.wrapped("abcdefghijkl xy", width: 5) == "abcde\nfghij\nkl xy")
        #expect(TerminalSafeText.wrapped("  indented words here", width: 10) == "  indented\n  words\n  here")
        #expect(TerminalSafeText.wrapped("fits", width: 10) == "fits")
        #expect(TerminalSafeText.wrapped("ærlig øl på ålesund", width: 8) == "ærlig øl\npå\nålesund")
    }

    @Test func tableNotesWrapAtWordsToTheWidth() {
        let note = "▲ ▼ significantly above / below the rest of the table (95 %, Holm-corrected; .help compare)"
        let text = TableRenderer(width: 30).render(TerminalSafeTextTests.table(["Alfa"], notes: [note]))
        let noteLines = text.split(separator: "\n").dropFirst(5).map(String.init)
        #expect(
            noteLines == [
                "▲ ▼ significantly above /", "below the rest of the table", "(95 %, Holm-corrected; .help",
                "compare)",
            ])
    }

    @Test func chartsFitTheWidthOrSayTheyDoNot() throws {
        let bars = try Evaluator(season: Fixture.small).runAny("chart total by participant")
        let trend = try Evaluator(season: Fixture.small).runAny("trend total by month")
        for width in 20...120 {
            for result in [bars, trend] {
                let text = result.render(.table, width: width, color: false, unicode: true)
                let widest = text.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() ?? 0
                #expect(widest <= width, "\(width): \(text)")
            }
        }
        let narrow = bars.render(.table, width: 20, color: false, unicode: true)
        #expect(narrow.contains("(the chart needs"))
        #expect(!bars.render(.table, width: 40, color: false, unicode: true).contains("the chart needs"))
    }
}

/// Random names with control characters, escape sequences, combining marks and wide characters, rendered
/// as tables and echoed in errors: no raw control character reaches the output, and every line of a table
/// is as wide as the others. Fixed seed; `KSP_FUZZ_INPUTS` runs longer.
@Suite("Fuzzing terminal output")
struct TerminalOutputFuzzTests {
    static var inputs: Int {
        ProcessInfo.processInfo.environment["KSP_FUZZ_INPUTS"].flatMap(Int.init).map { $0 / 50 } ?? 2_000
    }

    static let pieces: [String] = [
        "\u{1B}", "\u{1B}[2J", "\u{1B}]0;title\u{7}", "\r", "\n", "\r\n", "\t", "\u{0}", "\u{7F}", "\u{9B}", "\u{85}",
        "\u{2028}", "\u{301}", "\u{308}", "e\u{301}", "日本", "한", "😀", "☺\u{FE0F}", "\u{200B}", "\u{202E}", "æøå", "Å",
        " ", "  ", "\"", "\\", "|", "-", "Bank", "x", "Skjærvik", "…", "▲",
    ]

    static func name(_ rng: inout SplitMix64) -> String {
        (0..<Int(1 + rng.next() % 6)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
    }

    static func hasRawControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { TerminalSafeText.isControl($0) && $0 != "\n" }
    }

    @Test func tablesAndErrorsNeverPrintAControlCharacter() throws {
        var rng = SplitMix64(seed: 2026)
        for _ in 0..<TerminalOutputFuzzTests.inputs {
            let names = (0..<Int(1 + rng.next() % 4)).map { _ in TerminalOutputFuzzTests.name(&rng) }
            let note = TerminalOutputFuzzTests.name(&rng)
            let table = ResultTable(
                columns: [ResultColumn(TerminalOutputFuzzTests.name(&rng), isDimension: true), ResultColumn("n")],
                rows: names.map { [.text($0), .count(1)] }, notes: [.text(note)])
            let width = Int(20 + rng.next() % 100)
            for unicode in [true, false] {
                let text = TableRenderer(width: width, unicode: unicode).render(table)
                #expect(!TerminalOutputFuzzTests.hasRawControl(text), "\(names.debugDescription)")
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                let tableLines = lines.prefix(4 + names.count)
                let widths = Set(tableLines.map { DisplayWidth.of($0) })
                #expect(widths.count == 1, "\(names.debugDescription): \(tableLines)")
                #expect(lines.dropFirst(4 + names.count).allSatisfy { DisplayWidth.of($0) <= width })
            }
            let statement = "n where participant = \"\(names[0].replacingOccurrences(of: "\"", with: "\"\""))\""
            if let error = Fixture.error(statement) {
                #expect(!TerminalOutputFuzzTests.hasRawControl(error.rendered(statement: statement)))
                #expect(!TerminalOutputFuzzTests.hasRawControl(error.oneLine))
            }
        }
    }
}
