import ArgumentParser
import Foundation
import KSPCore
import KSPQuery

struct ShellCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shell",
        abstract: "Load a season and answer statements: interactively, from -c, from -f, or piped.",
        discussion: """
        With no SEASON_DIR the bundled sample season (samples/ksp2024) is loaded.
        When standard input is not a terminal, statements are read from it without a prompt.
        In -c, -f and piped use an error goes to standard error as FILE:LINE: message and the
        exit status is 1 (2 when the season cannot be loaded); a script stops at its first error
        unless --keep-going.
        """)

    @Argument(help: "The season directory; none loads the bundled sample season.") var seasonDirectories: [String] = []
    @Option(name: .short, help: "Run one statement (or several separated by ;), then exit.") var c: String?
    @Option(name: .short, help: "Run the statements of a script file; - reads standard input.") var f: String?
    @Option(help: "Output format for -c, -f and piped input: table, markdown, csv or json.") var format: String = "table"
    @Flag(help: "Go on after an error in a script (the exit status is still 1).") var keepGoing = false

    func validate() throws {
        guard OutputFormat(rawValue: format.lowercased()) != nil else {
            throw ValidationError("--format must be table, markdown, csv or json, not \"\(format)\"")
        }
        if c != nil && f != nil { throw ValidationError("give -c or -f, not both") }
    }

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let directories = seasonDirectories.isEmpty ? [SampleSeason.directory()] : seasonDirectories
        let season: Season
        do { season = try Seasons.load(directories) } catch {
            StandardError.write(error.description)
            throw ExitCode(ExitStatus.seasonError)
        }
        let interactive = c == nil && f == nil && isatty(STDIN_FILENO) == 1
        let session = Session(season: season, directories: directories, format: OutputFormat(rawValue: format.lowercased())!, interactive: interactive)
        if interactive {
            Interactive(session: session).run()
            return
        }
        let (source, text): (String, String)
        if let c {
            (source, text) = ("<command>", c)
        } else if let f, f != "-" {
            guard let t = try? String(contentsOfFile: f, encoding: .utf8) else {
                StandardError.write("ksp: cannot read script \(f)")
                throw ExitCode(ExitStatus.usage)
            }
            (source, text) = (f, t)
        } else {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            (source, text) = ("<stdin>", String(decoding: data, as: UTF8.self))
        }
        let status = runScript(session, source: source, text: text)
        if status != ExitStatus.ok { throw ExitCode(status) }
    }

    /// Runs statements without a prompt; returns the exit status.
    func runScript(_ session: Session, source: String, text: String) -> Int32 {
        session.reportError = { message, detail, line in
            StandardError.write("\(source):\(line): \(message)" + (detail.map { "\n" + $0 } ?? ""))
        }
        var splitter = StatementSplitter()
        var failed = false
        func handle(_ p: StatementSplitter.Piece) -> Bool {
            switch session.run(p) {
            case .quit: return false
            case .error:
                failed = true
                return keepGoing
            case .ok: return true
            }
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        outer: for line in lines {
            for p in splitter.feed(String(line.hasSuffix("\r") ? line.dropLast() : line)) {
                if !handle(p) { break outer }
            }
        }
        if let p = splitter.finish(), !failed || keepGoing { _ = handle(p) }
        return failed ? ExitStatus.queryError : ExitStatus.ok
    }
}

/// Loads one season, or several side by side (see `SeasonCombiner`).
enum Seasons {
    static func load(_ directories: [String]) throws(SeasonLoadError) -> Season {
        if let error = SeasonCombiner.tooMany(seasons: directories.count) { throw error }
        var loaded: [Season] = []
        for d in directories { loaded.append(try SeasonLoader.load(directory: d)) }
        return try SeasonCombiner.combined(loaded)
    }
}

/// Finds the bundled sample season: $KSP_SAMPLE, else samples/ksp2024 beside the executable's
/// checkout (walking up from .build/…/ksp), else in the current directory.
enum SampleSeason {
    static func directory() -> String {
        if let env = ProcessInfo.processInfo.environment["KSP_SAMPLE"], !env.isEmpty { return env }
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = url.appendingPathComponent("samples/ksp2024")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("season.yaml").path) { return candidate.path }
            url = url.deletingLastPathComponent()
        }
        return "samples/ksp2024"
    }
}
