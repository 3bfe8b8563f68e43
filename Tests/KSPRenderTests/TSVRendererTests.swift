import KSPCore
import KSPQuery
import KSPTestSupport
import Testing

@testable import KSPRender

@Suite("tsv")
struct TSVRendererTests {
    @Test func fieldsAreQuotedOnlyWhenTheyHoldATabALineBreakOrAQuote() {
        #expect(TSVRenderer.tsvField("Skjærvik, Sparebank; AS") == "Skjærvik, Sparebank; AS")
        #expect(TSVRenderer.tsvField("a\tb") == "\"a\tb\"")
        #expect(TSVRenderer.tsvField("line\nbreak") == "\"line\nbreak\"")
        #expect(TSVRenderer.tsvField("say \"hei\"") == "\"say \"\"hei\"\"\"")
    }
}
