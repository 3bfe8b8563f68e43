import Foundation
import KSPCore
import KSPQuery

extension Session {
    static let metaCommands = [".help", ".load", ".mode", ".output", ".read", ".timer", ".classes", ".participants",
                               ".questions", ".schema", ".minbase", ".ci", ".seed", ".pager", ".reload", ".quit", ".exit"]

    func meta(_ piece: StatementSplitter.Piece) -> Outcome {
        let words = MetaArguments.split(piece.text)
        guard let command = words.first?.lowercased() else { return .ok }
        let args = Array(words.dropFirst())
        func fail(_ message: String) -> Outcome {
            reportError(message, nil, piece.line)
            return .error
        }
        do {
            switch command {
            case ".quit", ".exit", ".q":
                return .quit
            case ".help", ".h":
                try output.write(Help.text(topic: args.first))
            case ".mode":
                guard let name = args.first else { try output.write("mode: \(format.rawValue)"); return .ok }
                guard let f = OutputFormat(rawValue: name.lowercased()) else {
                    return fail(".mode: expected table, markdown, csv or json, found \"\(name)\"")
                }
                format = f
            case ".output", ".o":
                return redirectOutput(args, fail: fail)
            case ".timer":
                guard let v = args.first?.lowercased(), v == "on" || v == "off" else { return fail(".timer: expected on or off") }
                timer = v == "on"
            case ".minbase":
                guard let v = args.first else { try output.write("minbase: \(options.minBase)"); return .ok }
                guard let n = Int(v), n >= 0, n <= 1_000_000 else { return fail(".minbase: expected a whole number, found \"\(v)\"") }
                options.minBase = n
            case ".ci":
                guard let v = args.first?.lowercased(), v == "on" || v == "off" else { return fail(".ci: expected on or off") }
                options.confidenceIntervals = v == "on"
            case ".seed":
                guard let v = args.first, let n = UInt64(v) else { return fail(".seed: expected a whole number (the rank bootstrap's seed)") }
                options.seed = n
            case ".pager":
                guard let v = args.first.flatMap({ PagerMode(rawValue: $0.lowercased()) }) else { return fail(".pager: expected on, off or auto") }
                pager = v
            case ".load", ".reload":
                // .reload reads the loaded seasons again (an export that grows during fieldwork).
                let directories = command == ".reload" ? seasonDirectories : args
                guard !directories.isEmpty else { return fail(".load: expected a season directory (or several)") }
                do {
                    let loaded = try Seasons.load(directories)
                    let before = season.inquiries.count
                    season = loaded
                    seasonDirectories = directories
                    let change = command == ".reload" ? " (\(loaded.inquiries.count - before >= 0 ? "+" : "")\(loaded.inquiries.count - before) inquiries)" : ""
                    try output.write("loaded \(loaded.name): \(loaded.participants.count) participants, \(loaded.inquiries.count) inquiries\(change)" +
                                     (loaded.warnings.isEmpty ? "" : " (\(loaded.warnings.count) warnings; see ksp check)"))
                } catch {
                    return fail("\(error)" + "\nthe season already loaded (\(season.name)) stays")
                }
            case ".read":
                guard args.count == 1, let path = args.first else {
                    return fail(".read: expected one file of statements (quote a name with spaces)")
                }
                return read(path, fail: fail)
            case ".classes":
                try emitTable(Listings.classes(season))
            case ".participants":
                if let cls = args.first, season.classIndex(named: cls) == nil {
                    let near = Suggest.nearest(cls, in: season.classes)
                    return fail("no class \"\(cls)\"" + (near.map { "; did you mean \(quoteIfNeeded($0))?" } ?? ""))
                }
                try emitTable(Listings.participants(season, className: args.first))
            case ".questions":
                if let a = args.first, season.definition.areaIndex(id: a) == nil {
                    return fail("no area \"\(a)\"; expected one of \(season.definition.areas.map(\.id).joined(separator: ", "))")
                }
                try emitTable(Listings.questions(season, area: args.first))
            case ".schema":
                try emit(Listings.schema(season, width: Terminal.width()))
            default:
                let near = Suggest.nearest(command, in: Session.metaCommands)
                return fail("unknown command \(command)" + (near.map { "; did you mean \($0)?" } ?? "; .help lists the commands"))
            }
        } catch {
            return fail("\(error)")
        }
        return .ok
    }

    func emitTable(_ t: ResultTable) throws {
        try emit(format.render(t, width: output.path == nil ? Terminal.width() : 10_000, color: false))
    }
}

/// Splits a meta-command line into words; double quotes keep spaces (`.participants "Åpen klasse"`).
enum MetaArguments {
    static func split(_ line: String) -> [String] {
        var words: [String] = [], current = "", quoted = false, any = false
        for c in line {
            if c == "\"" { quoted.toggle(); any = true; continue }
            if c.isWhitespace && !quoted {
                if any { words.append(current); current = ""; any = false }
                continue
            }
            current.append(c); any = true
        }
        if any { words.append(current) }
        return words
    }
}
