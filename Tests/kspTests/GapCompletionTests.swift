import Foundation
import KSPCore
import KSPQuery
import Testing

@testable import ksp

/// Tab completion of gap and drivers (issue 14), and their help topics.
@Suite("Completion and help of gap and drivers", .serialized)
struct GapCompletionTests {
    static func withFixture(_ body: () throws -> Void) throws {
        let season = try SeasonLoader.load(directory: KSP.fixture)
        Completion.session = Session(season: season, directories: [KSP.fixture], format: .table, interactive: true)
        defer { Completion.session = nil }
        try body()
    }

    @Test func statementsAndTheirWordsComplete() throws {
        try Self.withFixture {
            #expect(Completion.completions(prefix: "", word: "ga").replacements == ["gap"])
            #expect(Completion.completions(prefix: "", word: "dri").replacements == ["drivers"])
            #expect(Completion.completions(prefix: "chart ", word: "dri").replacements == ["drivers"])
            #expect(Completion.completions(prefix: "drivers ", word: "o").replacements.contains("of"))
            #expect(Completion.completions(prefix: "drivers of nps ", word: "o").replacements.contains("on"))
        }
    }

    @Test func participantsAndTargetsComplete() throws {
        try Self.withFixture {
            #expect(Completion.completions(prefix: "gap participant ", word: "Al").replacements == ["\"Alfa Bank\""])
            let targets = Completion.completions(prefix: "gap participant \"Alfa Bank\" to ", word: "").replacements
            #expect(targets.contains("winner") && targets.contains("class") && targets.contains("all"))
            #expect(targets.contains("\"Gamma Forsikring\""))
        }
    }

    @Test func helpTopics() {
        #expect(Help.text(topic: "gap").contains("N/A stays N/A"))
        #expect(Help.text(topic: "drivers").contains("Johnson 2000"))
        #expect(Help.text(topic: nil).contains("gap participant \"NAME\""))
    }
}
