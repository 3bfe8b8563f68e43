import Foundation
import KSPCore
import KSPQuery
import Testing

@testable import ksp

/// Tab completion and help of shoppers and adjusted for channel (issue 15), in the serialized suite that
/// owns Completion.session.
extension GapCompletionTests {
    @Test func shoppersAndAdjustedComplete() throws {
        try Self.withFixture {
            #expect(Completion.completions(prefix: "", word: "shop").replacements == ["shopper", "shoppers"])
            #expect(Completion.completions(prefix: "total by class ", word: "adj").replacements == ["adjusted"])
            #expect(Completion.completions(prefix: "total by class adjusted ", word: "fo").replacements == ["for"])
        }
    }

    @Test func shoppersHelpTopic() {
        #expect(Help.text(topic: "shoppers").contains("(MSB − MSW) / n₀"))
        #expect(Help.text(topic: "shoppers").contains("--lenient-shopper S017:10"))
        #expect(Help.text(topic: nil).contains("shoppers [where FILTER]"))
    }
}
