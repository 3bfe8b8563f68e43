import Foundation
import KSPCore
import KSPQuery
import KSPRender

/// One meta-command as typed: its name (lowercased), the words after it, and how to report an error
/// at its line.
struct MetaInvocation {
    let command: String
    let arguments: [String]
    let fail: (String) -> Session.Outcome
}

extension Session {
    static let metaCommands = [
        ".help", ".load", ".mode", ".output", ".read", ".timer", ".classes", ".participants",
        ".questions", ".schema", ".minbase", ".ci", ".seed", ".adjust", ".lang", ".labels", ".pager", ".reload",
        ".quit", ".exit", ".open", ".set", ".unset", ".title", ".copy",
    ]

    typealias MetaHandler = @Sendable (Session, MetaInvocation) throws -> Outcome

    /// Each meta-command (and its short forms) and what it does.
    static let metaHandlers: [String: MetaHandler] = [
        ".quit": { _, _ in .quit }, ".exit": { _, _ in .quit }, ".q": { _, _ in .quit },
        ".help": { session, call in try session.help(call) }, ".h": { session, call in try session.help(call) },
        ".mode": { session, call in try session.setMode(call) },
        ".output": { session, call in session.redirectOutput(call.arguments, fail: call.fail) },
        ".o": { session, call in session.redirectOutput(call.arguments, fail: call.fail) },
        ".timer": { session, call in session.setTimer(call) },
        ".minbase": { session, call in try session.setMinBase(call) },
        ".ci": { session, call in session.setConfidenceIntervals(call) },
        ".seed": { session, call in session.setSeed(call) },
        ".lang": { session, call in try session.setLanguage(call) },
        ".labels": { session, call in try session.setLabels(call) },
        ".adjust": { session, call in try session.setAdjustment(call) },
        ".pager": { session, call in session.setPager(call) },
        ".load": { session, call in session.load(call) }, ".reload": { session, call in session.load(call) },
        ".read": { session, call in session.readScript(call) },
        ".classes": { session, _ in try session.listClasses() },
        ".participants": { session, call in try session.listParticipants(call) },
        ".questions": { session, call in try session.listQuestions(call) },
        ".schema": { session, _ in try session.showSchema() },
        ".open": { session, call in try session.openInViewer(call) },
        ".set": { session, call in try session.setParameter(call) },
        ".unset": { session, call in session.unsetParameter(call) },
        ".title": { session, call in session.setTitle(call) },
        ".copy": { session, call in session.copyLastResult(call) },
    ]

    func meta(_ piece: StatementSplitter.Piece) -> Outcome {
        let words = MetaArguments.split(piece.text)
        guard let command = words.first?.lowercased() else { return .ok }
        let call = MetaInvocation(command: command, arguments: Array(words.dropFirst())) { [self] message in
            reportError(message, nil, piece.line)
            return .error
        }
        guard let handler = Session.metaHandlers[command] else {
            let near = Suggest.nearest(command, in: Session.metaCommands)
            let hint = near.map { "; did you mean \($0)?" } ?? "; .help lists the commands"
            return call.fail("unknown command \(command)" + hint)
        }
        do {
            return try handler(self, call)
        } catch {
            return call.fail("\(error)")
        }
    }

    func help(_ call: MetaInvocation) throws -> Outcome {
        try output.write(Help.text(topic: call.arguments.first))
        return .ok
    }

    func setMode(_ call: MetaInvocation) throws -> Outcome {
        guard let name = call.arguments.first else {
            try output.write("mode: \(format.rawValue)")
            return .ok
        }
        guard let chosen = OutputFormat(rawValue: name.lowercased()) else {
            return call.fail(".mode: expected table, markdown, csv, tsv, json or xlsx, found \"\(name)\"")
        }
        format = chosen
        return .ok
    }

    func setTimer(_ call: MetaInvocation) -> Outcome {
        guard let value = call.arguments.first?.lowercased(), value == "on" || value == "off" else {
            return call.fail(".timer: expected on or off")
        }
        timer = value == "on"
        return .ok
    }

    func setMinBase(_ call: MetaInvocation) throws -> Outcome {
        guard let value = call.arguments.first else {
            try output.write("minbase: \(options.minBase)")
            return .ok
        }
        guard let minBase = Int(value), minBase >= 0, minBase <= 1_000_000 else {
            return call.fail(".minbase: expected a whole number, found \"\(value)\"")
        }
        options.minBase = minBase
        return .ok
    }

    func setConfidenceIntervals(_ call: MetaInvocation) -> Outcome {
        guard let value = call.arguments.first?.lowercased(), value == "on" || value == "off" else {
            return call.fail(".ci: expected on or off")
        }
        options.confidenceIntervals = value == "on"
        return .ok
    }

    func setAdjustment(_ call: MetaInvocation) throws -> Outcome {
        guard let value = call.arguments.first?.lowercased() else {
            try output.write("adjust: \(options.adjustment.rawValue)")
            return .ok
        }
        guard let adjustment = PValueAdjustment(rawValue: value) else {
            return call.fail(".adjust: expected holm, bh or none, found \"\(value)\"")
        }
        options.adjustment = adjustment
        return .ok
    }

    func setSeed(_ call: MetaInvocation) -> Outcome {
        guard let value = call.arguments.first, let seed = UInt64(value) else {
            return call.fail(".seed: expected a whole number (the rank bootstrap's seed)")
        }
        options.seed = seed
        return .ok
    }

    func setPager(_ call: MetaInvocation) -> Outcome {
        guard let mode = call.arguments.first.flatMap({ PagerMode(rawValue: $0.lowercased()) }) else {
            return call.fail(".pager: expected on, off or auto")
        }
        pager = mode
        return .ok
    }

    /// `.load DIR…`, or `.reload`: reads the loaded seasons again (an export that grows during fieldwork).
    func load(_ call: MetaInvocation) -> Outcome {
        let reloading = call.command == ".reload"
        let directories = reloading ? seasonDirectories : call.arguments
        guard !directories.isEmpty else { return call.fail(".load: expected a season directory (or several)") }
        do {
            let loaded = try ProgressLine.around { try Seasons.load(directories) }
            let before = season.inquiries.count
            season = loaded
            seasonDirectories = directories
            releaseOutputInsideSeasons()
            let added = loaded.inquiries.count - before
            let change = reloading ? " (\(added >= 0 ? "+" : "")\(added) inquiries)" : ""
            let warnings = loaded.warnings.isEmpty ? "" : " (\(loaded.warningTotal) warnings; see ksp check)"
            let counts = "\(loaded.participants.count) participants, \(loaded.inquiries.count) inquiries"
            try output.write("loaded \(loaded.name): \(counts)\(change)" + warnings)
        } catch {
            return call.fail("\(error)" + "\nthe season already loaded (\(season.name)) stays")
        }
        return .ok
    }

    func readScript(_ call: MetaInvocation) -> Outcome {
        guard call.arguments.count == 1, let path = call.arguments.first else {
            return call.fail(".read: expected one file of statements (quote a name with spaces)")
        }
        return read(path, fail: call.fail)
    }

    func listClasses() throws -> Outcome {
        try emitTable(Listings.classes(season))
        return .ok
    }

    func listParticipants(_ call: MetaInvocation) throws -> Outcome {
        if let className = call.arguments.first, season.classIndex(named: className) == nil {
            let near = Suggest.nearest(className, in: season.classes)
            return call.fail("no class \"\(className)\"" + (near.map { "; did you mean \(quoteIfNeeded($0))?" } ?? ""))
        }
        try emitTable(Listings.participants(season, className: call.arguments.first))
        return .ok
    }

    func listQuestions(_ call: MetaInvocation) throws -> Outcome {
        let definition = season.definition
        if let area = call.arguments.first, definition.areaIndex(id: area) == nil {
            let areas = definition.areas.map(\.id).joined(separator: ", ")
            return call.fail("no area \"\(area)\"; expected one of \(areas)")
        }
        try emitTable(Listings.questions(season, area: call.arguments.first))
        return .ok
    }

    func showSchema() throws -> Outcome {
        try emit(Listings.schema(season, width: Terminal.width(), unicode: Terminal.unicode))
        return .ok
    }

    func emitTable(_ table: ResultTable) throws {
        lastTable = table
        if format == .xlsx {
            try addToWorkbook([table.xlsxSheet(named: pendingTitle ?? "")])
            pendingTitle = nil
            return
        }
        try emit(format.render(table, width: output.path == nil ? Terminal.width() : 10_000, color: false))
    }
}

/// Splits a meta-command line into words; double quotes keep spaces (`.participants "Åpen klasse"`).
enum MetaArguments {
    static func split(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        // A word was started (`""` is an empty word, not none).
        var started = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
                started = true
                continue
            }
            if character.isWhitespace && !quoted {
                if started {
                    words.append(current)
                    current = ""
                    started = false
                }
                continue
            }
            current.append(character)
            started = true
        }
        if started { words.append(current) }
        return words
    }
}
