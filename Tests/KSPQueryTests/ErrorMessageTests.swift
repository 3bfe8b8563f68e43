import KSPRender
import KSPTestSupport
import Testing

@testable import KSPQuery

@Suite("Error messages: caret, what was expected, suggestions")
struct ErrorMessageTests {
    @Test func misspeltMetric() {
        let e = Fixture.error("totl by class")!
        #expect(e is EvaluationError)
        #expect(e.hint == "did you mean total?")
        #expect(
            e.rendered(statement: "totl by class") == """
                totl by class
                ^^^^ unknown metric "totl"; expected total, an area id, a question id, areas, questions, n, nps, …
                did you mean total?
                """)
    }

    @Test func misspeltDimension() {
        let e = Fixture.error("total by clas")!
        #expect(
            e.message
                == "expected a dimension (class, participant, channel, shopper, month, week, attempts, season), found \"clas\""
        )
        #expect(e.hint == "did you mean class?")
        #expect(e.range == SourceRange(9, 13))
    }

    @Test func misspeltClass() {
        let e = Fixture.error("total by class where class = Bnak")!
        #expect(e.message == "no class \"Bnak\"")
        #expect(e.hint == "did you mean Bank?")
        #expect(
            e.rendered(statement: "total by class where class = Bnak").split(separator: "\n")[1]
                == "                             ^^^^ no class \"Bnak\"")
    }

    @Test func misspeltParticipantIsQuotedInTheHint() {
        #expect(Fixture.error("total where participant = \"Alfa Bnak\"")?.hint == "did you mean \"Alfa Bank\"?")
    }

    @Test func misspeltChannelAlias() {
        #expect(Fixture.error("total where channel = telfon")?.hint == "did you mean telefon?")
    }

    @Test func misspeltKeyword() {
        let e = Fixture.error("total by class wher class = Bank")!
        #expect(e is ParseError)
        #expect(e.message == "expected by, across, where, order by, top or the end of the statement, found \"wher\"")
        #expect(e.hint == "did you mean where?")
    }

    @Test func statementEndsTooEarly() {
        let e = Fixture.error("total by class where")!
        #expect(
            e.message
                == "expected a condition (class = Bank, date < 2024-03-01, total < 50, answered, …), found the end of the statement"
        )
        #expect(e.rendered(statement: "total by class where").hasSuffix("                    ^ " + e.message))
    }

    @Test func unclosedQuote() {
        let e = Fixture.error("total where class = \"Bank")!
        #expect(e is LexError)
        #expect(e.message == "this quote is never closed; expected a closing \"")
    }

    @Test func caretUnderNorwegianLetters() {
        // æøå are one column each: the caret lines up under the mistake after them.
        let statement = "total where class = \"Åpen klasse\" and x = 1"
        let e = Fixture.error(statement)!
        #expect(e.message == "no class \"Åpen klasse\"")
        let bad = Fixture.error("total where class = Bank and æøå = 1")!
        #expect(
            bad.rendered(statement: "total where class = Bank and æøå = 1").split(separator: "\n")[1].hasPrefix(
                "                             ^^^ "))
    }

    // Issue 20.27: a tab counted as zero columns, so the caret landed left of the mistake.
    @Test func caretUnderTheMistakeAfterATab() {
        let statement = "total where\tclass = Bnak"
        let e = Fixture.error(statement)!
        let lines = e.rendered(statement: statement).split(separator: "\n")
        // "total where" is 11 columns; the tab runs to column 16; "class = " puts Bnak at column 24.
        #expect(lines[0] == "total where     class = Bnak")
        #expect(lines[1] == "                        ^^^^ no class \"Bnak\"")
    }

    @Test func tabsInsideTheMarkedPartCountTheirColumns() {
        #expect(DisplayWidth.expandingTabs("a\tb") == "a       b")
        #expect(DisplayWidth.expandingTabs("æøå\t|") == "æøå     |")
        #expect(DisplayWidth.expandingTabs("\t\t") == String(repeating: " ", count: 16))
    }

    @Test func groupFigureIsNotAnInquiryFilter() {
        #expect(Fixture.error("total where noanswer > 5")?.hint == "filter on answered or not answered")
    }

    @Test func deeplyNestedParenthesesDoNotOverflow() {
        let deep = String(repeating: "(", count: 5000) + "answered" + String(repeating: ")", count: 5000)
        #expect(Fixture.error("n where " + deep)?.message.hasPrefix("expected less nesting") == true)
    }
}
