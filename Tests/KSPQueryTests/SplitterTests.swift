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
}
