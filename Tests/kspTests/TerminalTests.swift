import Foundation
import Testing

/// What the terminal shows for hostile names, dumb terminals, other locales and narrow screens.
@Suite("Terminal", .enabled(if: TmuxSession.available), .serialized)
struct TerminalTests {
    let prompt = "test2024>"

    @Test func aNameWithEscapeSequencesIsShownEscapedAndClearsNothing() throws {
        let dir = KSP.tempDirectory().appendingPathComponent("season")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        try FileManager.default.copyItem(atPath: KSP.fixture, toPath: dir.path)
        let names =
            "id,name,class\np1,\"\u{1B}[2JAlfa\u{1B}]0;pwned\u{7}\",Bank\np2,\"Beta\rX\",Bank\np3,Gamma,Forsikring\n"
        try names.write(to: dir.appendingPathComponent("participants.csv"), atomically: true, encoding: .utf8)
        let t = try TmuxSession(args: [dir.path], home: dir.deletingLastPathComponent())
        defer { t.end() }
        try t.waitFor(prompt)
        try t.enter("n by participant")
        let screen = try t.waitFor("│ Gamma ")
        // The banner is still there: ESC[2J did not clear the screen.
        #expect(screen.contains("ksp — Kundeserviceprisen query shell"))
        #expect(screen.contains("│ \\e[2JAlfa\\e]0;pwned\\u{7} │ 4 │"))
        // 24 columns wide (the escaped first name): `Beta\rX` is 7, and 17 spaces pad it.
        #expect(screen.contains("│ Beta\\rX" + String(repeating: " ", count: 17) + " │ 3 │"))
        try t.enter("n where participant = Alfa")
        let error = try t.waitFor("no participant")
        #expect(!error.contains("\u{1B}"))
    }

    @Test func aDumbTerminalGetsNoColour() throws {
        for (term, coloured) in [("xterm", true), ("dumb", false)] {
            let t = try TmuxSession(args: [KSP.fixture], environment: "NO_COLOR= TERM=\(term)")
            defer { t.end() }
            try t.waitFor(prompt)
            try t.enter("totl")
            try t.waitFor("unknown metric")
            let screen = try t.screenWithColours()
            #expect(screen.contains("\u{1B}[31m") == coloured, "TERM=\(term)")
        }
    }

    @Test func withoutAUTF8LocaleBordersAreASCIIAndAWarningSaysWhy() throws {
        let t = try TmuxSession(args: [KSP.fixture], environment: "LC_ALL=C")
        defer { t.end() }
        let banner = try t.waitFor(prompt)
        #expect(banner.contains("ksp: the locale C is not UTF-8, so Norwegian letters cannot be typed"))
        try t.enter("n")
        let screen = try t.waitFor("| 9 |")
        #expect(screen.contains("+---+\n| n |\n+---+\n| 9 |\n+---+"))
    }

    @Test func messagesWrapAtWordsInANarrowTerminal() throws {
        let t = try TmuxSession(args: [KSP.fixture], size: (columns: 40, rows: 30))
        defer { t.end() }
        try t.waitFor(prompt)
        try t.enter("total by clas")
        let screen = try t.waitFor("did you mean class?")
        // The caret line breaks after a word (indented like the caret), never inside one.
        #expect(screen.contains("\n         ^^^^ expected a dimension\n         ("))
    }

    @Test func aChartInTwentyColumnsSaysItDoesNotFit() throws {
        let t = try TmuxSession(args: [KSP.fixture], size: (columns: 20, rows: 30))
        defer { t.end() }
        try t.waitFor("test2024")
        try t.enter("chart total by class")
        let screen = try t.waitFor("(the chart needs")
        #expect(screen.contains("total by class\n(the chart needs"))
    }
}
