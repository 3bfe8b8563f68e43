import ArgumentParser
import Foundation
import KSPCore
import KSPQuery
import KSPRender

/// `ksp export SEASON_DIR… [--where …] --format csv|jsonl`: the scored inquiries on standard output, for
/// DuckDB, Power BI or a warehouse.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write one row per scored inquiry to standard output (csv or JSON lines).",
        discussion: """
            Columns: season, inquiry, participant_id, participant, class, channel, shopper, contacted_at, date,
            answered_at, attempts, answered (1/0), wait_seconds, total, every area's score, every question's
            points and raw answer (<id>_raw: 1/0, the scale value, a choice's text), comment and comment_<area>.
            Example: ksp export samples/ksp2024 --where 'channel = phone' > inquiries.csv
            """)

    @Argument(help: "The season directory (or several, side by side).") var seasonDirectories: [String]
    @Option(name: .customLong("where"), help: "A filter, as after where in a statement.") var filter: String?
    @Option(help: "csv or jsonl.") var format: String = "csv"

    func validate() throws {
        guard format.lowercased() == "csv" || format.lowercased() == "jsonl" else {
            throw ValidationError("--format must be csv or jsonl, not \"\(format)\"")
        }
    }

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        StandardStreams.reserve()
        let season: Season
        do { season = try Seasons.load(seasonDirectories) } catch {
            StandardError.write(error.description)
            throw ExitCode(ExitStatus.seasonError)
        }
        let statement = "export inquiries" + (filter.map { " where " + $0 } ?? "")
        let export: InquiryExport
        do {
            guard let parsed = try Parser.parseExport(statement) else { throw ExitCode(ExitStatus.usage) }
            export = try Evaluator(season: season).export(parsed)
        } catch let diagnostic as any QueryDiagnostic {
            StandardError.write("ksp export: " + diagnostic.oneLine + "\n" + diagnostic.rendered(statement: statement))
            throw ExitCode(ExitStatus.queryError)
        }
        let text = format.lowercased() == "csv" ? export.csv : export.jsonLines
        let bytes = Array(text.utf8) + (text.isEmpty ? [] : [10])
        if let code = AtomicFile.writeAll(bytes, to: STDOUT_FILENO), code != EPIPE {
            StandardError.write("ksp export: cannot write to standard output: \(String(cString: strerror(code)))")
            throw ExitCode(ExitStatus.queryError)
        }
    }
}
