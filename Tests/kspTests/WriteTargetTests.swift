import Foundation
import Testing

/// Everything ksp writes (`.output`, `report … to`) goes through one check: never into a loaded season,
/// judged on real paths; reports are written whole and never replace a device or a pipe.
@Suite("Write targets")
struct WriteTargetTests {
    // Issue 19.2: `.output SEASON/inquiries.csv` then a statement replaced the data file with a table.
    @Test func outputRefusesTheSeasonsOwnFile() throws {
        let scratch = try ScratchSeason()
        defer { scratch.remove() }
        let before = try scratch.snapshot()
        let target = scratch.season.path + "/inquiries.csv"
        let r = try KSP.run([scratch.season.path, "--keep-going", "--format", "csv"], stdin: ".output \(target)\nn\n")
        #expect(
            r.err == "<stdin>:1: .output: \(target) is inside the season directory \(scratch.season.path); "
                + "ksp never writes there — choose another place\n")
        #expect(r.out == "n\n9\n")
        #expect(r.status == 1)
        #expect(try scratch.snapshot() == before)
    }

    // Issue 20.10: through a symlink to the season, a subfolder of it, `..`, or a hard link to its file.
    @Test func symlinksSubfoldersAndHardLinksIntoTheSeasonAreRefused() throws {
        let scratch = try ScratchSeason()
        defer { scratch.remove() }
        let files = FileManager.default
        try files.createSymbolicLink(atPath: scratch.path("link"), withDestinationPath: scratch.season.path)
        try files.createDirectory(atPath: scratch.season.path + "/sub", withIntermediateDirectories: false)
        try files.createDirectory(atPath: scratch.path("out"), withIntermediateDirectories: false)
        try files.linkItem(atPath: scratch.season.path + "/inquiries.csv", toPath: scratch.path("hard.csv"))
        let before = try scratch.snapshot()
        let script = """
            report class Bank to \(scratch.path("link"))/inquiries.md
            report class Bank to \(scratch.season.path)/sub/r.md
            report class Bank to \(scratch.path("out"))/../season/r.md
            .output \(scratch.path("link"))/inquiries.csv
            .output \(scratch.path("hard.csv"))
            """
        let r = try KSP.run([scratch.season.path, "--keep-going"], stdin: script)
        let lines = r.err.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        let link = scratch.path("link")
        let season = scratch.season.path
        #expect(
            lines.first == "<stdin>:1: report: \(link)/inquiries.md is inside the season directory "
                + "\(season) (it is \(season)/inquiries.md); ksp never writes there — choose another place")
        let starts = [
            "<stdin>:2: report: \(season)/sub/r.md is inside the season",
            "<stdin>:3: report: \(scratch.path("out"))/../season/r.md is inside",
            "<stdin>:4: .output: \(link)/inquiries.csv is inside",
        ]
        for (line, start) in zip(lines.dropFirst(), starts) {
            #expect(line.hasPrefix(start))
        }
        #expect(
            lines.last == "<stdin>:5: .output: \(scratch.path("hard.csv")) is the season's own file "
                + "\(scratch.season.path)/inquiries.csv (a hard link); ksp never writes there — choose another place")
        #expect(r.status == 1)
        #expect(try scratch.snapshot() == before)
    }

    // Issue 19.9: plain text went into a .pdf (issue 13: .pdf is printed by Chromium; .docx is unknown).
    @Test func anUnknownReportEndingIsAnError() throws {
        let scratch = try ScratchSeason()
        defer { scratch.remove() }
        let docx = scratch.path("r.docx")
        let r = try KSP.run([scratch.season.path, "-c", "report class Bank to \(docx)"])
        #expect(
            r.err == "<command>:1: report: ksp cannot write .docx files; "
                + "end the name with .html (or .htm), .pdf, .md, .txt or .xlsx\n")
        #expect(r.status == 1)
        #expect(!FileManager.default.fileExists(atPath: docx))
        let txt = try KSP.run([scratch.season.path, "-c", "report class Bank to \(scratch.path("r.txt"))"])
        #expect(txt.status == 0)
        #expect(try String(contentsOfFile: scratch.path("r.txt"), encoding: .utf8).hasPrefix("Bank — Test 2024"))
    }

    // Issue 19.15: a missing folder was reported as "The file doesn't exist".
    @Test func aMissingFolderIsNamed() throws {
        let scratch = try ScratchSeason()
        defer { scratch.remove() }
        let folder = scratch.path("missing")
        let r = try KSP.run(
            [scratch.season.path, "--keep-going"],
            stdin: "report class Bank to \(folder)/r.md\n.output \(folder)/out.csv\n")
        #expect(
            r.err == "<stdin>:1: report: cannot write \(folder)/r.md: the folder \(folder) does not exist\n"
                + "<stdin>:2: .output: cannot write \(folder)/out.csv: the folder \(folder) does not exist\n")
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    // Issue 20.11: a rename replaced a device with a regular file, and /dev/full "succeeded".
    @Test func aReportNeverReplacesADeviceOrAPipe() throws {
        let scratch = try ScratchSeason()
        defer { scratch.remove() }
        let files = FileManager.default
        try files.createSymbolicLink(atPath: scratch.path("null.md"), withDestinationPath: "/dev/null")
        try files.createSymbolicLink(atPath: scratch.path("full.txt"), withDestinationPath: "/dev/full")
        #expect(mkfifo(scratch.path("pipe.html"), 0o600) == 0)
        let r = try KSP.run(
            [scratch.season.path, "--keep-going"],
            stdin: """
                report class Bank to \(scratch.path("null.md"))
                report class Bank to \(scratch.path("full.txt"))
                report class Bank to \(scratch.path("pipe.html"))
                report class Bank to ""
                """)
        let lines = r.err.split(separator: "\n").map(String.init)
        #expect(
            lines == [
                "<stdin>:1: report: cannot write \(scratch.path("null.md")): it is a device, not a regular file; "
                    + "ksp writes files whole and only replaces regular files",
                "<stdin>:2: report: cannot write \(scratch.path("full.txt")): it is a device, not a regular file; "
                    + "ksp writes files whole and only replaces regular files",
                "<stdin>:3: report: cannot write \(scratch.path("pipe.html")): it is a pipe (FIFO), not a regular file; "
                    + "ksp writes files whole and only replaces regular files",
                "<stdin>:4: report: expected a file name after to, found \"\"",
            ])
        #expect(r.out == "")
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
        #expect(lstat(scratch.path("null.md"), &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        // No temporary file is left behind.
        #expect(
            try files.contentsOfDirectory(atPath: scratch.root.path).sorted()
                == ["full.txt", "null.md", "pipe.html", "season"])
    }

    @Test func aReportThroughASymlinkOutsideTheSeasonKeepsTheLink() throws {
        let scratch = try ScratchSeason()
        defer { scratch.remove() }
        try "old".write(toFile: scratch.path("real.md"), atomically: true, encoding: .utf8)
        let link = scratch.path("link.md")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: scratch.path("real.md"))
        let r = try KSP.run([scratch.season.path, "-c", "report class Bank to \(scratch.path("link.md"))"])
        #expect(r.status == 0)
        #expect(try String(contentsOfFile: scratch.path("real.md"), encoding: .utf8).hasPrefix("# Bank — Test 2024"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == scratch.path("real.md"))
    }

    // Issue 20.27: with standard output closed a written report printed `failed("…")` and exited 1.
    @Test func aReportWithStandardOutputClosedSucceeds() throws {
        let scratch = try ScratchSeason()
        defer { scratch.remove() }
        let file = scratch.path("r.md")
        let command = "\(Bash.ksp) '\(scratch.season.path)' -c 'report class Bank to \(file)'"
        let r = try Bash.run(command + " >&- 2>/dev/null; echo $?")
        #expect(r.out == "0\n")
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("# Bank — Test 2024"))
    }

    // Issue 20.21: `.output out.txt; total by class` made a file `out.txt;` and ran nothing.
    @Test func aSemicolonEndsOutput() throws {
        let scratch = try ScratchSeason()
        defer { scratch.remove() }
        let out = scratch.path("out.txt")
        let quoted = scratch.path("a;b.txt")
        let r = try KSP.run([
            scratch.season.path, "--format", "csv", "-c",
            ".output \(out); n by attempts; .output \"\(quoted)\"; n",
        ])
        #expect(r.status == 0)
        #expect(r.err == "")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "attempts,n\n1,6\n2,3\n")
        #expect(try String(contentsOfFile: quoted, encoding: .utf8) == "n\n9\n")
        #expect(!FileManager.default.fileExists(atPath: out + ";"))
    }

    // A `.output` file that a later `.load` puts inside a loaded season is closed, not written.
    @Test func loadingTheSeasonAroundTheOutputFileSendsResultsToTheScreen() throws {
        let scratch = try ScratchSeason()
        defer { scratch.remove() }
        let other = scratch.path("other")
        try FileManager.default.copyItem(atPath: KSP.fixture, toPath: other)
        let out = other + "/out.txt"
        let r = try KSP.run([scratch.season.path, "--format", "csv", "-c", ".output \(out); .load \(other); n"])
        #expect(r.status == 0)
        #expect(r.out == "loaded Test 2024: 3 participants, 9 inquiries\nn\n9\n")
        #expect(r.err.contains(".output: \(out) is inside the season directory \(other)"))
        #expect(r.err.hasSuffix("; results go to the screen again\n"))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "")
    }

    @Test func outputWithTwoWordsAsksForQuotes() throws {
        let r = try KSP.run([KSP.fixture, "-c", ".output my file.csv"])
        #expect(r.err == "<command>:1: .output: expected one file name, found 2 words (quote a name with spaces)\n")
        #expect(r.status == 1)
    }

    // Issue 19.2: `.output FILE` says where results now go (at the prompt).
    @Test(.enabled(if: TmuxSession.available)) func outputSaysWhereResultsGo() throws {
        let scratch = try ScratchSeason()
        defer { scratch.remove() }
        // Its HOME is the scratch folder, so the history file goes when the folder does.
        let t = try TmuxSession(args: [scratch.season.path], home: scratch.root)
        defer { t.end() }
        try t.waitFor("test2024>")
        try t.enter(".output \(scratch.path("out.csv"))")
        try t.waitFor("results now go to \(scratch.path("out.csv")) (.output alone: to the screen)")
        try t.enter(".output")
        try t.waitFor("results go to the screen again")
    }
}
