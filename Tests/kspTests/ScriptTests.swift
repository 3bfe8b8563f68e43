import Foundation
import Testing

/// Scripts (`-f`, piped, `.read`) and standard error under hostile conditions.
@Suite("Scripts and standard error")
struct ScriptTests {
    // Issue 20.1: a script that reads itself overflowed the stack (SIGSEGV).
    @Test func aScriptReadingItselfIsStopped() throws {
        let scratch = try ScratchSeason()
        defer { scratch.remove() }
        let script = scratch.path("self.ksq")
        try ".read \(script)\n".write(toFile: script, atomically: true, encoding: .utf8)
        let r = try KSP.run([scratch.season.path, "-f", script])
        #expect(
            r.err == "\(script):1: .read: \(script) is already being read (self.ksq → self.ksq); "
                + "a script cannot read itself\n")
        #expect(r.status == 1)
        // Two scripts reading each other, started from piped input.
        try ".read \(scratch.path("b.ksq"))\n".write(toFile: scratch.path("a.ksq"), atomically: true, encoding: .utf8)
        let second = "n\n.read \(scratch.path("a.ksq"))\n"
        try second.write(toFile: scratch.path("b.ksq"), atomically: true, encoding: .utf8)
        let pair = try KSP.run([scratch.season.path, "--format", "csv"], stdin: ".read \(scratch.path("a.ksq"))\n")
        #expect(pair.err.hasSuffix("is already being read (a.ksq → b.ksq → a.ksq); a script cannot read itself\n"))
        #expect(pair.out == "n\n9\n")
        #expect(pair.status == 1)
    }

    @Test func aLongChainOfScriptsIsStopped() throws {
        let scratch = try ScratchSeason()
        defer { scratch.remove() }
        for level in 0..<20 {
            let next = ".read \(scratch.path("s\(level + 1).ksq"))\n"
            try next.write(toFile: scratch.path("s\(level).ksq"), atomically: true, encoding: .utf8)
        }
        let r = try KSP.run([scratch.season.path], stdin: ".read \(scratch.path("s0.ksq"))\n")
        let stopped = ".read: \(scratch.path("s16.ksq")): scripts read inside each other more than 16 deep; stopped"
        #expect(r.err.contains(stopped))
        #expect(r.status == 1)
    }

    // Issue 20.2: an error written to a closed or full standard error trapped (SIGILL).
    @Test func aClosedOrFullStandardErrorEndsQuietly() throws {
        let scratch = try ScratchSeason()
        defer { scratch.remove() }
        let season = "'\(scratch.season.path)'"
        #expect(try Bash.run("\(Bash.ksp) \(season) -c totl 2>&-; echo $?").out == "1\n")
        #expect(try Bash.run("\(Bash.ksp) \(season) -c totl 2>/dev/full; echo $?").out == "1\n")
        let errors = scratch.path("errs.ksq")
        try String(repeating: "totl by class\n", count: 2_000).write(toFile: errors, atomically: true, encoding: .utf8)
        let command = "\(Bash.ksp) \(season) --keep-going -f '\(errors)' 2>&1 | head -1 >/dev/null"
        let piped = try Bash.run(command + "; echo ${PIPESTATUS[0]}")
        #expect(piped.out == "1\n")
        // A closed standard error does not hand its number to the next file opened (results go to the file).
        let out = scratch.path("out.csv")
        let r = try Bash.run("\(Bash.ksp) \(season) --format csv -c '.output \(out); n; totl' 2>&-; echo $?")
        #expect(r.out == "1\n")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "n\n9\n")
    }

    // Issue 20.27: `-f <(echo …)`, `-f DIR` and a non-UTF-8 script all said "cannot read script".
    @Test func scriptsFromAPipeAFolderAndNotUTF8() throws {
        let scratch = try ScratchSeason()
        defer { scratch.remove() }
        let season = "'\(scratch.season.path)'"
        let fifo = try Bash.run("\(Bash.ksp) \(season) --format csv -f <(echo n); echo $?")
        #expect(fifo.out == "n\n9\n0\n")
        let folder = try KSP.run([scratch.season.path, "-f", scratch.root.path])
        #expect(folder.err == "ksp: \(scratch.root.path) is a folder, not a script\n")
        #expect(folder.status == 64)
        let latin1 = scratch.path("latin1.ksq")
        // "n" then `participant = "Bjørn"` with ø in Latin-1 (0xF8): line 2, byte 18 of the line, byte 20 of the file.
        try Data("n\nparticipant = \"Bj".utf8 + [0xF8] + Data("rn\"\n".utf8)).write(to: URL(fileURLWithPath: latin1))
        let bad = try KSP.run([scratch.season.path, "-f", latin1])
        #expect(
            bad.err == "ksp: \(latin1):2: not UTF-8 text: byte 0xF8 at byte 18 of the line (byte 20 of the file); "
                + "save the script as UTF-8\n")
        #expect(bad.status == 64)
        #expect(bad.out == "")
        let piped = try Bash.run("\(Bash.ksp) \(season) < '\(latin1)'; echo $?")
        #expect(piped.out == "64\n")
        let missing = try KSP.run([scratch.season.path, "-f", scratch.path("none.ksq")])
        #expect(missing.err == "ksp: cannot read script \(scratch.path("none.ksq")): No such file or directory\n")
        #expect(missing.status == 64)
    }

    // Issue 20.8: an unclosed quote swallowed the script; the error now points at the quote.
    @Test func anUnclosedQuotePointsAtTheQuote() throws {
        let scratch = try ScratchSeason()
        defer { scratch.remove() }
        let script = scratch.path("open.ksq")
        let body = "n\n\ttotal where class = \"Bank\n" + String(repeating: "total by class\n", count: 3_000)
        try body.write(toFile: script, atomically: true, encoding: .utf8)
        let start = ContinuousClock.now
        let r = try KSP.run([scratch.season.path, "--format", "csv", "-f", script])
        #expect(ContinuousClock.now - start < .seconds(20))
        #expect(r.out == "n\n9\n")
        #expect(
            r.err == """
                \(script):2: column 22: this quote (") is never closed; everything after it was read as its text
                        total where class = "Bank
                                            ^ this quote (") is never closed; everything after it was read as its text

                """)
        #expect(r.status == 1)
    }

    // Issue 19.13: `help`, `exit`, `quit` typed without the dot.
    @Test func metaCommandsWithoutTheDotSuggestTheDot() throws {
        for (typed, meant) in [
            ("help", ".help"), ("exit", ".exit"), ("quit", ".quit"), ("mode csv", ".mode"),
            ("output x.csv", ".output"), ("read a.ksq", ".read"), ("q", ".quit"),
        ] {
            let r = try KSP.run([KSP.fixture, "-c", typed])
            #expect(r.status == 1)
            #expect(r.err.hasSuffix("\ndid you mean \(meant)?\n"), "\(typed): \(r.err)")
        }
    }

    @Test func aReadScriptWithWindowsLineEndsRuns() throws {
        let scratch = try ScratchSeason()
        defer { scratch.remove() }
        try "n\r\nn by attempts\r\n".write(toFile: scratch.path("crlf.ksq"), atomically: true, encoding: .utf8)
        let r = try KSP.run([scratch.season.path, "--format", "csv"], stdin: ".read \(scratch.path("crlf.ksq"))\n")
        #expect(r.out == "n\n9\nattempts,n\n1,6\n2,3\n")
        #expect(r.status == 0)
        let file = try KSP.run([scratch.season.path, "--format", "csv", "-f", scratch.path("crlf.ksq")])
        #expect(file.out == "n\n9\nattempts,n\n1,6\n2,3\n")
    }
}
