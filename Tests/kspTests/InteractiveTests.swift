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
        defer { t.close() }
        // Type "æø", erase both (two characters, four bytes), finish the statement.
        try t.type("n where class = Forsikringæø")
        try t.keys("BSpace", "BSpace")
        try t.type(" or class = Bank")
        try t.keys("Enter")
        let screen = try t.waitFor("│ 9 │")
        #expect(screen.contains("n where class = Forsikring or class = Bank"))
    }

    @Test func tabCompletesAClassName() throws {
        let t = try start()
        defer { t.close() }
        try t.type("total by class where class = Fors")
        try t.keys("Tab")
        try t.waitFor("Forsikring")
        try t.keys("Enter")
        let screen = try t.waitFor("60.8")
        #expect(screen.contains("class = Forsikring"))
    }

    @Test func tabCompletesANameWithSpacesQuoted() throws {
        let t = try start()
        defer { t.close() }
        try t.type("total where participant = Gam")
        try t.keys("Tab")
        let screen = try t.waitFor("\"Gamma Forsikring\"")
        #expect(screen.contains("participant = \"Gamma Forsikring\""))
    }

    @Test func historyFromThePreviousSession() throws {
        let home = KSP.tempDirectory()
        let first = try start(home: home)
        try first.type("n by attempts")
        try first.keys("Enter")
        try first.waitFor("attempts")
        try first.keys("C-d")
        #expect(first.waitForExit() == "EXIT=0")
        first.close()
        #expect(try String(contentsOf: home.appendingPathComponent(".ksp_history"), encoding: .utf8) == "n by attempts\n")

        let second = try start(home: home)
        defer { second.close() }
        try second.keys("Up")
        try second.waitFor(prompt + " n by attempts")
        try second.keys("Enter")
        let screen = try second.waitFor("│ 2        │")
        #expect(screen.contains("│ 1        │"))
    }

    @Test func ctrlCClearsAHalfTypedLine() throws {
        let t = try start()
        defer { t.close() }
        try t.type("total by cla")
        try t.keys("C-c")
        try t.waitFor("^C")
        try t.type("n")
        try t.keys("Enter")
        let screen = try t.waitFor("│ 9 │")
        #expect(screen.contains("total by cla^C"))
        #expect(!screen.contains("EXIT="))
    }

    @Test func anErrorThenACorrectStatement() throws {
        let t = try start()
        defer { t.close() }
        try t.type("totl by class")
        try t.keys("Enter")
        try t.waitFor("did you mean total?")
        try t.type("total by class")
        try t.keys("Enter")
        let screen = try t.waitFor("Forsikring")
        #expect(screen.contains("^^^^ unknown metric \"totl\""))
        #expect(screen.contains("51.3"))
    }

    @Test func ctrlDExitsWithZeroAndRestoresTheTerminal() throws {
        let t = try start()
        defer { t.close() }
        try t.keys("C-d")
        #expect(t.waitForExit() == "EXIT=0")
        #expect(t.file("stty.before") != nil)
        #expect(t.file("stty.before") == t.file("stty.after"))
    }

    @Test func continuationPromptForAnOpenParenthesis() throws {
        let t = try start()
        defer { t.close() }
        try t.type("n where class in (Bank,")
        try t.keys("Enter")
        try t.waitFor("...>")
        try t.type("Forsikring)")
        try t.keys("Enter")
        try t.waitFor("│ 9 │")
    }
}
