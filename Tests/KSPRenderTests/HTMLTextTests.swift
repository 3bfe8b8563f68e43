import KSPTestSupport
import Testing

@testable import KSPQuery
@testable import KSPRender

@Suite("HTML text")
struct HTMLTextTests {
    @Test func markupCharactersAreEscaped() {
        #expect(HTMLText.escaped("Bølgen & <Co> \"AS\"") == "Bølgen &amp; &lt;Co&gt; &quot;AS&quot;")
        // An escape already in the text is escaped again: the reader sees what the file holds.
        #expect(HTMLText.escaped("&amp;") == "&amp;amp;")
        #expect(HTMLText.escaped("æøå — ok") == "æøå — ok")
    }

    @Test func chartTitleIsASafeAttribute() {
        let chart = BarChart(
            title: "total of \"Bank <1>\"", bars: [BarChart.Bar(label: "A & B", value: 50, base: 20)],
            reference: nil, low: 0, high: 100, minBase: 10)
        let svg = SVGChart.bars(chart)
        #expect(svg.contains("aria-label=\"total of &quot;Bank &lt;1&gt;&quot;\""))
        #expect(svg.contains(">A &amp; B</text>"))
        #expect(!svg.contains("\"Bank"))
    }
}
