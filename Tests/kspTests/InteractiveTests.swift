import Foundation
import Testing

/// The shell at the prompt, through a real terminal (tmux).
@Suite("Interactive shell", .enabled(if: TmuxSession.available), .serialized)
struct InteractiveTests {
    let prompt = "test2024>"

    func start(home: URL? = nil) throws -> TmuxSession {
        let t = try TmuxSession(args: [KSP.fixture], home: home)
        let banner = try t.waitFor(prompt)
        #expect(banner.contains("Test 2024: 3 participants in 2 classes, 9 inquiries"))
        return t
    }

    @Test func norwegianLettersTypedAndErased() throws {
        let t = try start()
        defer { t.end() }
        // Type "æø", erase both (two characters, four bytes), finish the statement.
        try t.type("n where class = Forsikringæø")
        try t.keys("BSpace", "BSpace")
        try t.enter(" or class = Bank")
        let screen = try t.waitFor("│ 9 │")
        #expect(screen.contains("n where class = Forsikring or class = Bank"))
    }

    @Test func tabCompletesAClassName() throws {
        let t = try start()
        defer { t.end() }
        try t.type("total by class where class = Fors")
        try t.keys("Tab")
        try t.waitFor("Forsikring")
        try t.keys("Enter")
        let screen = try t.waitFor("60.8")
        #expect(screen.contains("class = Forsikring"))
    }

    @Test func tabCompletesANameWithSpacesQuoted() throws {
        let t = try start()
        defer { t.end() }
        try t.type("total where participant = Gam")
        try t.keys("Tab")
        let screen = try t.waitFor("\"Gamma Forsikring\"")
        #expect(screen.contains("participant = \"Gamma Forsikring\""))
    }

    @Test func historyFromThePreviousSession() throws {
        let home = KSP.tempDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let first = try start(home: home)
        defer { first.end() }
        try first.enter("n by attempts")
        try first.waitFor("attempts")
        try first.keys("C-d")
        #expect(first.waitForExit() == "EXIT=0")
        first.end()
        #expect(
            try String(contentsOf: home.appendingPathComponent(".ksp_history"), encoding: .utf8) == "n by attempts\n")

        let second = try start(home: home)
        defer { second.end() }
        try second.keys("Up")
        try second.waitFor(prompt + " n by attempts")
        try second.keys("Enter")
        let screen = try second.waitFor("│ 2        │")
        #expect(screen.contains("│ 1        │"))
    }

    @Test func ctrlCClearsAHalfTypedLine() throws {
        let t = try start()
        defer { t.end() }
        try t.type("total by cla")
        try t.keys("C-c")
        try t.waitFor("^C")
        try t.enter("n")
        let screen = try t.waitFor("│ 9 │")
        #expect(screen.contains("total by cla^C"))
        #expect(!screen.contains("EXIT="))
    }

    @Test func anErrorThenACorrectStatement() throws {
        let t = try start()
        defer { t.end() }
        try t.enter("totl by class")
        try t.waitFor("did you mean total?")
        try t.enter("total by class")
        let screen = try t.waitFor("Forsikring")
        #expect(screen.contains("^^^^ unknown metric \"totl\""))
        #expect(screen.contains("51.3"))
    }

    @Test func ctrlDExitsWithZeroAndRestoresTheTerminal() throws {
        let t = try start()
        defer { t.end() }
        try t.keys("C-d")
        #expect(t.waitForExit() == "EXIT=0")
        #expect(t.file("stty.before") != nil)
        #expect(t.file("stty.before") == t.file("stty.after"))
    }

    @Test func continuationPromptForAnOpenParenthesis() throws {
        let t = try start()
        defer { t.end() }
        try t.enter("n where class in (Bank,")
        try t.waitFor("...>")
        try t.enter("Forsikring)")
        try t.waitFor("│ 9 │")
    }

    @Test func duplicateStatementsAreKeptOnceAndTheFileIsCapped() throws {
        let home = KSP.tempDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        // A history far over the cap: compacted to the newest 5000 at start.
        let old = (1...12_000).map { "n where K1 > \($0)" }.joined(separator: "\n") + "\n"
        try old.write(to: home.appendingPathComponent(".ksp_history"), atomically: true, encoding: .utf8)
        let t = try start(home: home)
        defer { t.end() }
        for _ in 0..<3 { try t.enter("n") }
        try t.keys("C-d")
        _ = t.waitForExit()
        let lines = try String(contentsOf: home.appendingPathComponent(".ksp_history"), encoding: .utf8).split(
            separator: "\n")
        #expect(lines.count == 5001)
        #expect(lines.first == "n where K1 > 7001")
        #expect(lines.last == "n")
    }

    @Test func unwritableHistoryWarnsOnceAndGoesOn() throws {
        let t = try TmuxSession(args: [KSP.fixture], environment: "KSP_HISTORY=/nonexistent/dir/history")
        defer { t.end() }
        try t.waitFor(prompt)
        for _ in 0..<2 { try t.enter("n by attempts") }
        let screen = try t.waitFor("cannot write history /nonexistent/dir/history")
        #expect(screen.components(separatedBy: "cannot write history").count == 2)  // once
        try t.enter("n")
        try t.waitFor("│ 9 │")
    }

    @Test func ctrlCStopsALongStatement() throws {
        // rank's bootstrap on a season of 20 000 inquiries takes seconds in a debug build.
        let dir = KSP.tempDirectory().appendingPathComponent("big")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        _ = try KSP.run(["generate", "--participants", "40", "--scale", "20", dir.path])
        let t = try TmuxSession(args: [dir.path])
        defer { t.end() }
        try t.waitFor("ksp2024>")
        let promptRow = try t.cursorRow()
        try t.enter("rank")
        // Ctrl-C only once the shell has read the line (its echo of Enter moves the cursor down): sooner,
        // the terminal would throw the unread line away with the interrupt, and rank would never start.
        #expect(try waitUntil { try t.cursorRow() > promptRow })
        try t.keys("C-c")
        try t.waitFor("interrupted")
        try t.enter("n")
        try t.waitFor("20000")
    }
}
