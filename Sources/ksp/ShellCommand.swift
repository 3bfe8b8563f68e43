import ArgumentParser
import Foundation
import KSPCore
import KSPQuery
import KSPRender

struct ShellCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shell",
        abstract: "Load a season and answer statements: interactively, from -c, from -f, or piped.",
        discussion: """
            With no SEASON_DIR the bundled sample season (samples/ksp2024) is loaded.
            When standard input is not a terminal, statements are read from it without a prompt.
            In -c, -f and piped use an error goes to standard error as FILE:LINE: message; a script
            stops at its first error unless --keep-going. A script must be UTF-8 text.
            Exit status: 0 all statements ran; 1 a statement failed; 2 the season cannot be loaded;
            64 a usage error or a script that cannot be read (missing, a folder, not UTF-8).
            """)

    @Argument(help: "The season directory; none loads the bundled sample season.") var seasonDirectories: [String] = []
    @Option(
        name: .customShort("c"),
        help: ArgumentHelp("Run one statement (or several separated by ;), then exit.", valueName: "c"))
    var statements: String?
    @Option(
        name: .customShort("f"),
        help: ArgumentHelp("Run the statements of a script file; - reads standard input.", valueName: "f"))
    var scriptFile: String?
    @Option(help: "Output format for -c, -f and piped input: table, markdown, csv, tsv, json or xlsx.")
    var format: String = "table"
    @Option(help: "The language of reports: nb or en (default: the season's `language:`, else en).")
    var lang: String?
    @Option(
        name: .customLong("set"),
        help: ArgumentHelp("A script parameter, used as ${NAME} in statements (repeatable).", valueName: "NAME=VALUE"))
    var parameterAssignments: [String] = []
    @Flag(help: "csv and tsv: each .title as a # line, and a blank line between tables.") var titles = false
    @Flag(help: "Go on after an error in a script (the exit status is still 1).") var keepGoing = false

    func validate() throws {
        guard OutputFormat(rawValue: format.lowercased()) != nil else {
            throw ValidationError("--format must be table, markdown, csv, tsv, json or xlsx, not \"\(format)\"")
        }
        var parameters = ScriptParameters()
        for assignment in parameterAssignments {
            do { try parameters.set(assignment: assignment) } catch { throw ValidationError(error.description) }
        }
        if statements != nil && scriptFile != nil { throw ValidationError("give -c or -f, not both") }
        if let lang, ReportLanguage(rawValue: lang.lowercased()) == nil {
            throw ValidationError("--lang must be nb or en, not \"\(lang)\"")
        }
    }

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        StandardStreams.reserve()
        let directories = seasonDirectories.isEmpty ? [SampleSeason.directory()] : seasonDirectories
        let season: Season
        do { season = try ProgressLine.around { try Seasons.load(directories) } } catch {
            StandardError.write("\(error)")
            throw ExitCode(ExitStatus.seasonError)
        }
        let interactive = statements == nil && scriptFile == nil && isatty(STDIN_FILENO) == 1
        let session = Session(
            season: season, directories: directories, format: OutputFormat(rawValue: format.lowercased())!,
            interactive: interactive)
        session.options.language = lang.flatMap { ReportLanguage(rawValue: $0.lowercased()) }
        session.machineTitles = titles
        for assignment in parameterAssignments { try? session.parameters.set(assignment: assignment) }
        if interactive {
            Interactive(session: session).run()
            return
        }
        let (source, text): (String, String)
        do {
            if let statements {
                (source, text) = ("<command>", statements)
            } else if let scriptFile, scriptFile != "-" {
                (source, text) = (scriptFile, try ScriptText.read(path: scriptFile))
                // A script that reads itself with .read is stopped at once.
                session.readStack = [RealPath.resolve(scriptFile)]
            } else {
                (source, text) = ("<stdin>", try ScriptText.read(descriptor: STDIN_FILENO, name: "<stdin>"))
            }
        } catch {
            StandardError.write("ksp: \(error)")
            throw ExitCode(ExitStatus.usage)
        }
        let status = runScript(session, source: source, text: text)
        // Everything is written (write(2), unbuffered): leave without freeing the season, which at
        // 100× the sample is half a million inquiries' columns the system takes back at once anyway.
        Foundation.exit(status)
    }

    /// Runs statements without a prompt; returns the exit status.
    func runScript(_ session: Session, source: String, text: String) -> Int32 {
        session.reportError = { message, detail, line in
            StandardError.write("\(source):\(line): \(message)" + (detail.map { "\n" + $0 } ?? ""))
        }
        let result = ScriptRunner(session: session, keepGoing: keepGoing).run(text)
        let workbookWritten = session.finishWorkbook()
        return result.failed || !workbookWritten ? ExitStatus.queryError : ExitStatus.ok
    }
}
