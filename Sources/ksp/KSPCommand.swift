import ArgumentParser
import Foundation
import KSPCore
import KSPRender
import KSPSampleData

@main
struct KSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ksp",
        abstract: "A query shell for Kundeserviceprisen (KSP) season data.",
        discussion: "With no subcommand, `ksp [SEASON_DIR…]` runs the shell (see `ksp shell --help`).",
        version: Version.current,
        subcommands: [ShellCommand.self, CheckCommand.self, GenerateCommand.self, ExportCommand.self],
        defaultSubcommand: ShellCommand.self
    )
}

/// Exit statuses of the tool.
enum ExitStatus {
    static let ok: Int32 = 0
    static let queryError: Int32 = 1
    static let seasonError: Int32 = 2
    static let usage: Int32 = 64
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a season directory and print what it holds.")

    @Argument(help: "The season directory (season.yaml, participants.csv, inquiries.csv).")
    var seasonDirectory: String

    func run() throws {
        do {
            let season = try SeasonLoader.load(directory: seasonDirectory)
            print(SeasonSummary(season).report)
            if season.warnings.isEmpty {
                print("\nno warnings")
            } else {
                let total = season.warningTotal
                let listed = season.warningsNotKept > 0 ? " (the first \(season.warnings.count) listed)" : ""
                print("\n\(total) warning\(total == 1 ? "" : "s")\(listed):")
                for warning in season.warnings { print("  " + warning.description) }
            }
            print("\nok: \(seasonDirectory) loads and scores")
        } catch {
            StandardError.write(error.description)
            throw ExitCode(ExitStatus.seasonError)
        }
    }
}

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write an invented season in the dataset format (deterministic for a seed).")

    @Option(help: "Seed of the random generator: the same seed gives the same files.") var seed: UInt64 = 2024
    @Option(help: "Number of participants (spread over the 23 classes, 4–19 each).") var participants: Int = 190
    @Option(help: "Multiply the 25 inquiries per participant by this (for benchmarks).") var scale: Int = 1
    @Option(help: "The season's final year (fieldwork from late November the year before).") var year: Int = 2024
    @Option(help: "Questionnaire: 2024 (default) or 2023 (K17 added, K16 and GDPR absent).") var questionnaire: Int =
        2024
    @Option(
        help:
            "Seed of the participants alone (default: --seed); seasons with the same panel seed share their participants."
    ) var panelSeed: UInt64?
    @Option(help: "Plant a lenient shopper: ID:POINTS (S017:10 scores about 10 points higher than the others).")
    var lenientShopper: String?
    @Flag(help: "Write participants.xlsx and inquiries.xlsx (Excel workbooks) instead of the CSV files.")
    var xlsx = false
    @Argument(help: "The directory to write (created if missing).") var outputDirectory: String

    func validate() throws {
        guard participants >= 1 && participants <= 100_000 else {
            throw ValidationError("--participants must be 1 to 100000")
        }
        guard scale >= 1 && scale <= 1000 else { throw ValidationError("--scale must be 1 to 1000") }
        guard questionnaire == 2023 || questionnaire == 2024 else {
            throw ValidationError("--questionnaire must be 2023 or 2024")
        }
        if let lenientShopper {
            guard let planted = LenientShopper(argument: lenientShopper) else {
                throw ValidationError("--lenient-shopper must be ID:POINTS with POINTS from -50 to 50 (S017:10)")
            }
            let ids = LenientShopper.shopperIds(scale: scale)
            guard ids.contains(planted.id) else {
                throw ValidationError(
                    "--lenient-shopper: no shopper \(planted.id); expected \(ids[0])–\(ids[ids.count - 1])")
            }
        }
    }

    func run() throws {
        var options = SeasonGenerator.Options()
        options.seed = seed
        options.participants = participants
        options.scale = scale
        options.year = year
        options.questionnaire2023 = questionnaire == 2023
        options.panelSeed = panelSeed
        options.lenientShopper = lenientShopper.flatMap { LenientShopper(argument: $0) }
        var generator = SeasonGenerator(options)
        let files = generator.generate()
        let directory = URL(fileURLWithPath: outputDirectory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try files.seasonYAML.write(
            to: directory.appendingPathComponent(SeasonLoader.definitionFile), atomically: true, encoding: .utf8)
        if xlsx {
            try writeWorkbook(files.participantsCSV, to: directory.appendingPathComponent("participants.xlsx"))
            try writeWorkbook(files.inquiriesCSV, to: directory.appendingPathComponent("inquiries.xlsx"))
        } else {
            try files.participantsCSV.write(
                to: directory.appendingPathComponent(SeasonLoader.participantsFile), atomically: true, encoding: .utf8)
            try files.inquiriesCSV.write(
                to: directory.appendingPathComponent(SeasonLoader.inquiriesFile), atomically: true, encoding: .utf8)
        }
        print("wrote \(outputDirectory)")
    }

    /// A generated CSV file as a workbook with one sheet, `Ark1`, as Norwegian Excel names the first.
    func writeWorkbook(_ csv: String, to url: URL) throws {
        let sheet = try XLSXSheet(seasonCSV: csv, name: "Ark1")
        try XLSXWorkbook(sheets: [sheet]).data().write(to: url, options: .atomic)
    }
}

/// Messages and errors. Written with write(2): FileHandle traps when standard error is closed or full
/// (`2>&-`, `2>/dev/full`, a reader that went away); a message that cannot be written is dropped
/// and the exit status stays what it would have been.
enum StandardError {
    static func write(_ text: String) {
        let bytes = Array((text.hasSuffix("\n") ? text : text + "\n").utf8)
        _ = AtomicFile.writeAll(bytes, to: STDERR_FILENO)
    }
}
