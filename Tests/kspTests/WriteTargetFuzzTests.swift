import Foundation
import Testing

/// Tries many write targets — the kind of input that found issues 19.2, 20.10 and 20.11 — with `.output` and
/// `report … to`, and checks that the season directory is byte-identical afterwards, that every target inside
/// it is refused with a message, and that ksp ends normally.
@Suite("Write target fuzzing")
struct WriteTargetFuzzTests {
    /// A path to try and whether it lies inside the season (and so must be refused).
    struct Target {
        var path: String
        var inside: Bool
        /// Whether the path with ".md" added is still inside (not for a link or the season folder itself,
        /// where it names a new file beside them).
        var insideWithEnding: Bool

        init(path: String, inside: Bool, insideWithEnding: Bool? = nil) {
            self.path = path
            self.inside = inside
            self.insideWithEnding = insideWithEnding ?? inside
        }
    }

    /// The scratch folder: `season/` (with `sub/`), `out/` (with a folder `folder.md`), symlinks to the season,
    /// to its files, chains, a dangling link into it, a loop, a hard link, a FIFO and a link to /dev/null.
    static func targets(in scratch: ScratchSeason) throws -> [Target] {
        let files = FileManager.default
        let season = scratch.season.path
        try files.createDirectory(atPath: season + "/sub", withIntermediateDirectories: false)
        try files.createDirectory(atPath: scratch.path("out/folder.md"), withIntermediateDirectories: true)
        let links = [
            ("linkdir", season), ("linkfile.md", season + "/inquiries.csv"),
            ("dangling.md", season + "/ghost.md"),
            ("chain2.md", scratch.path("linkfile.md")), ("chain1.md", scratch.path("chain2.md")),
            ("relative", "season/sub"), ("loop.md", scratch.path("loop.md")), ("null.md", "/dev/null"),
        ]
        for (name, destination) in links {
            try files.createSymbolicLink(atPath: scratch.path(name), withDestinationPath: destination)
        }
        try files.linkItem(atPath: season + "/participants.csv", toPath: scratch.path("hard.md"))
        _ = mkfifo(scratch.path("pipe.md"), 0o600)
        let insideNames = [
            "inquiries.csv", "season.yaml", "participants.csv", "new.md", "./x.md", "/x.md", "sub/x.md",
            "sub/../inquiries.csv", "sub/../../season/x.md", "", "/", "sub", "æøå ÆØÅ.md", "it's.md",
            "a;b.md", "tab\tname.md", "sub/./../new.txt",
        ]
        var targets = insideNames.map {
            let path = season + ($0.isEmpty || $0.hasPrefix("/") ? $0 : "/" + $0)
            return Target(path: path, inside: true, insideWithEnding: !$0.isEmpty)
        }
        let insideThroughLinks = [
            "out/../season/x.md", "linkdir/x.md", "linkdir/inquiries.csv", "linkdir/sub/x.md",
            "linkdir/./sub/../x.html", "linkfile.md", "dangling.md", "chain1.md", "relative/x.md",
            "relative/../inquiries.csv", "hard.md", "linkdir",
        ]
        let linksThemselves: Set = ["linkfile.md", "dangling.md", "chain1.md", "hard.md", "linkdir"]
        targets += insideThroughLinks.map {
            Target(path: scratch.path($0), inside: true, insideWithEnding: !linksThemselves.contains($0))
        }
        let outsideNames = [
            "out/x.md", "out/æøå ÆØÅ.md", "out/it's.md", "out/a;b.md", "out/missing/x.md",
            "out/" + String(repeating: "x", count: 300) + ".md", "out/folder.md", "null.md", "pipe.md",
            "loop.md", "out/trailing.md/", "linkdir/../out/through.md", "out/kåre – «rapport».html",
        ]
        targets += outsideNames.map { Target(path: scratch.path($0), inside: false) }
        targets.append(Target(path: "", inside: false))
        return targets
    }

    @Test func everyWriteTargetIsSafe() throws {
        let scratch = try ScratchSeason()
        defer { scratch.remove() }
        let targets = try Self.targets(in: scratch)
        let before = try scratch.snapshot()
        // Each target is tried four ways; the line of each statement is remembered to find its error.
        var lines: [String] = []
        var mustFail: [Int] = []
        for target in targets {
            let quoted = "\"\(target.path)\""
            // An empty name gets no ".md" variant: ".md" alone would be a file in the current folder.
            let withEnding = target.path.isEmpty ? "\"\"" : "\"\(target.path).md\""
            let attempts = [
                ".output \(quoted)", "n by attempts", ".output", "report class Bank to \(quoted)",
                "report participant \"Alfa Bank\" to \(withEnding)",
            ]
            for (number, attempt) in attempts.enumerated() {
                lines.append(attempt)
                // `.output` (0) and both reports (3 and 4) must be refused for a target inside the season.
                if (target.inside && (number == 0 || number == 3)) || (target.insideWithEnding && number == 4) {
                    mustFail.append(lines.count)
                }
            }
        }
        let script = lines.joined(separator: "\n") + "\n"
        let r = try KSP.run([scratch.season.path, "--keep-going", "--format", "csv"], stdin: script)
        #expect(r.status == 1, "ksp ended with \(r.status)")
        #expect(try scratch.snapshot() == before)
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
        let errorLines = r.err.split(separator: "\n").map(String.init).filter { $0.hasPrefix("<stdin>:") }
        for line in mustFail {
            let error = errorLines.first { $0.hasPrefix("<stdin>:\(line): ") }
            #expect(error != nil, "line \(line) was not refused: \(lines[line - 1])")
            let clear =
                error.map {
                    $0.contains("never writes there") || $0.contains("cannot write .")
                        || $0.contains("has no file ending")
                } ?? false
            #expect(clear, "unclear refusal at line \(line): \(error ?? "")")
        }
        for error in errorLines {
            let raw = error.contains("Error Domain") || error.contains("failed(") || error.contains("NSCocoa")
            #expect(!raw, "\(error)")
        }
        // No temporary file of an atomic write is left anywhere in the scratch folder.
        let left = FileManager.default.enumerator(atPath: scratch.root.path)?.allObjects as? [String] ?? []
        #expect(left.filter { $0.contains(".ksp-write-") }.isEmpty)
        print(
            "write-target fuzz: \(targets.count) targets, \(lines.count) statements, "
                + "\(mustFail.count) refusals checked")
    }
}
