import KSPTestSupport
import Testing

@testable import KSPQuery

@Suite("Statement splitting")
struct SplitterTests {
    @Test func semicolonsAndLines() {
        var s = StatementSplitter()
        #expect(s.feed("total by class; n by channel").map(\.text) == ["total by class", "n by channel"])
        #expect(s.feed("").isEmpty)
        #expect(s.feed(".mode csv") == [.init(text: ".mode csv", line: 3, isMeta: true)])
    }

    @Test func openQuoteOrParenthesisContinues() {
        var s = StatementSplitter()
        #expect(s.feed("total where class in (Bank,").isEmpty)
        #expect(s.isContinuing)
        let done = s.feed("Forsikring)")
        #expect(done.map(\.text) == ["total where class in (Bank,\nForsikring)"])
        #expect(done.first?.line == 1)
        #expect(!s.isContinuing)
    }

    @Test func semicolonInsideQuotesDoesNotSplit() {
        var s = StatementSplitter()
        #expect(s.feed("quotes contains \"a;b\"; n").map(\.text) == ["quotes contains \"a;b\"", "n"])
    }

    @Test func commentsAreDropped() {
        var s = StatementSplitter()
        #expect(s.feed("areas by channel   -- every area").map(\.text) == ["areas by channel"])
        #expect(s.feed("-- only a comment").isEmpty)
    }

    // Issue 20.8: one open quote at the top of a 120 KB script made splitting quadratic (64 s).
    @Test func anUnclosedQuoteIsSplitInLinearTime() {
        let line = "total by class where channel = phone and class in (Bank, Forsikring)"
        var s = StatementSplitter()
        let start = ContinuousClock.now
        #expect(s.feed("n; total where class = \"Bank").map(\.text) == ["n"])
        for _ in 0..<2_000 {
            #expect(s.feed(line).isEmpty)
        }
        let last = s.finish()
        // 2 000 lines of 68 characters took seconds before; a linear scan takes milliseconds.
        #expect(ContinuousClock.now - start < .seconds(2))
        #expect(last?.line == 1)
        #expect(
            last?.unclosedQuote
                == StatementSplitter.OpenQuote(
                    mark: "\"", line: 1, column: 24,
                    lineText: "n; total where class = \"Bank"))
        #expect(last?.text.count == "total where class = \"Bank".count + 2_000 * (line.count + 1))
    }

    @Test func aClosedQuoteLeavesNoMark() {
        var s = StatementSplitter()
        #expect(s.feed("quotes contains \"slow").isEmpty)
        let done = s.feed("answer\"")
        #expect(done.map(\.text) == ["quotes contains \"slow\nanswer\""])
        #expect(done.first?.unclosedQuote == nil)
        #expect(s.finish() == nil)
    }

    // Issue 20.21: `.output out.txt; total by class` made a file named `out.txt;` and ran nothing.
    @Test func aSemicolonEndsAMetaCommand() {
        var s = StatementSplitter()
        #expect(
            s.feed(".output out.txt; total by class") == [
                .init(text: ".output out.txt", line: 1, isMeta: true),
                .init(text: "total by class", line: 1, isMeta: false),
            ])
        #expect(
            s.feed("n; .mode csv ;.timer on; n") == [
                .init(text: "n", line: 2, isMeta: false),
                .init(text: ".mode csv", line: 2, isMeta: true),
                .init(text: ".timer on", line: 2, isMeta: true),
                .init(text: "n", line: 2, isMeta: false),
            ])
    }

    @Test func aQuotedSemicolonStaysInTheMetaCommand() {
        var s = StatementSplitter()
        #expect(
            s.feed(".output \"a;b.txt\"; n") == [
                .init(text: ".output \"a;b.txt\"", line: 1, isMeta: true),
                .init(text: "n", line: 1, isMeta: false),
            ])
    }
}
