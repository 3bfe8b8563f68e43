import Foundation
import Testing

/// A result taller than the screen goes through the real `less`: what the user sees, key by key.
@Suite("Pager", .enabled(if: TmuxSession.available && TmuxSession.which("less") != nil), .serialized)
struct PagerTests {
    let prompt = "ksp2024>"
    let legend = "significantly above / below the rest of the table"

    /// The last line on the screen that is not blank.
    static func lastLine(_ screen: String) -> String {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        let filled = lines.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        return filled.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    }

    @Test func lessPagesToTheLastRowAndTheLegendThenQuits() throws {
        // PAGER empty: the default, less -SRX. 190 participants in a 40-line terminal.
        let t = try TmuxSession(args: [KSP.sample], pager: "")
        defer { t.end() }
        try t.waitFor(prompt)
        try t.enter("total by participant")
        // less waits at its own prompt with the first screen: the legend is not shown yet.
        let first = try t.waitFor(":") { PagerTests.lastLine($0) == ":" }
        #expect(PagerTests.lastLine(first) == ":")
        #expect(!first.contains(legend))
        // A search finds a row far below the first screen.
        try t.enter("/Vikaholm Trygg")
        try t.waitFor("│ Vikaholm Trygg ")
        // Space, page by page, until the legend appears (190 rows: a handful of pages).
        var screen = try t.screen()
        for _ in 0..<20 where !screen.contains(legend) {
            try t.keys("Space")
            let next = try t.waitFor { $0 != screen }
            // A screen that no longer changes: the pager does not take keys (as it did not before the fix).
            if next == screen { break }
            screen = next
        }
        #expect(screen.contains(legend))
        #expect(screen.contains("│ Åsmyra TV "))
        try t.keys("q")
        let after = try t.waitFor(prompt) { PagerTests.lastLine($0) == prompt }
        #expect(PagerTests.lastLine(after) == prompt)
        // The shell reads the keyboard again.
        try t.enter("n")
        try t.waitFor("│ 4750 │")
    }

    @Test func withoutFreeDescriptorsTheResultIsPrintedWhole() throws {
        // Too few file descriptors for the pager's pipe: the result is printed without it, no trap.
        let t = try TmuxSession(args: [KSP.sample], pager: "", prelude: "ulimit -n 4;")
        defer { t.end() }
        try t.waitFor(prompt)
        try t.enter("total by participant")
        let screen = try t.waitFor(prompt) { $0.contains(legend) && PagerTests.lastLine($0) == prompt }
        #expect(PagerTests.lastLine(screen) == prompt)
        #expect(screen.contains(legend))
        #expect(screen.contains("│ Åsmyra TV "))
        #expect(t.file("exit.status") == nil)
    }
}
