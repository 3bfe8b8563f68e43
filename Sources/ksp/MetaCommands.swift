import Foundation
import KSPCore
import KSPQuery
import KSPRender

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
                    releaseOutputInsideSeasons()
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

/// Tables of what a season holds, for `.classes`, `.participants`, `.questions` and `.schema`.
enum Listings {
    static func classes(_ s: Season) -> ResultTable {
        var counts = [Int](repeating: 0, count: s.classes.count), inquiries = counts
        for p in s.participants { counts[p.classIndex] += 1 }
        for p in s.inquiries.participant { inquiries[s.participants[Int(p)].classIndex] += 1 }
        return ResultTable(columns: [ResultColumn("class", isDimension: true), ResultColumn("participants"), ResultColumn("n")],
                           rows: s.classes.indices.map { [.text(s.classes[$0]), .count(counts[$0]), .count(inquiries[$0])] })
    }

    static func participants(_ s: Season, className: String?) -> ResultTable {
        let cls = className.flatMap { s.classIndex(named: $0) }
        var n = [Int](repeating: 0, count: s.participants.count)
        for p in s.inquiries.participant { n[Int(p)] += 1 }
        let list = s.participants.indices.filter { cls == nil || s.participants[$0].classIndex == cls }
            .sorted { NorwegianCollation.less(s.participants[$0].name, s.participants[$1].name) }
        return ResultTable(columns: [ResultColumn("id", isDimension: true), ResultColumn("participant", isDimension: true),
                                     ResultColumn("class", isDimension: true), ResultColumn("n")],
                           rows: list.map { [.text(s.participants[$0].id), .text(s.participants[$0].name), .text(s.participants[$0].className), .count(n[$0])] })
    }

    static func questions(_ s: Season, area: String?) -> ResultTable {
        let def = s.definition
        let a = area.flatMap { def.areaIndex(id: $0) }
        let rows: [[Cell]] = def.questions.filter { a == nil || $0.areaIndex == a }.map { q in
            [.text(q.id), .text(def.areas[q.areaIndex].id), .text(q.typeDescription), .number(q.weight, .score),
             .text(q.metric?.rawValue ?? ""), .text(q.text)]
        }
        return ResultTable(columns: ["id", "area", "type", "weight", "metric", "text"].map { ResultColumn($0, isDimension: $0 != "weight") }, rows: rows)
    }

    static func schema(_ s: Season, width: Int) -> String {
        let renderer = TableRenderer(width: width, unicode: Terminal.unicode)
        guard s.seasons.count > 1 else { return TerminalSafeText.escapedKeepingLines(schema(of: s.definition, renderer)) }
        // Each season is scored by its own weights and wait rules: shown one season at a time.
        var text = "seasons loaded: " + s.seasons.map(\.name).joined(separator: ", ")
        for info in s.seasons { text += "\n\n" + schema(of: info.definition, renderer) }
        text += s.schemaDifferences.isEmpty ? "\n\nthe seasons' questionnaires are the same"
            : "\n\nwhat differs between them:\n" + s.schemaDifferences.map { "  " + $0 }.joined(separator: "\n")
        return TerminalSafeText.escapedKeepingLines(text)
    }

    /// One season's scored areas (with their share of its total) and its channels' wait rules.
    static func schema(of def: SeasonDefinition, _ r: TableRenderer) -> String {
        let scored = def.areas.filter { $0.weight > 0 }.reduce(0) { $0 + $1.weight }
        let areaColumns = ["area", "name", "weight", "share", "questions"]
        let areas = ResultTable(
            columns: areaColumns.map { ResultColumn($0, isDimension: $0 == "area" || $0 == "name") },
            rows: def.areas.enumerated().map { (i, a) in
                let share = a.weight > 0 ? a.weight / scored * 100 : nil
                let questions = a.kind == .wait ? 0 : def.questions.filter { $0.areaIndex == i }.count
                return [.text(a.id), .text(a.name), .number(a.weight, .score), .number(share, .percent),
                        .count(questions)]
            })
        let channelColumns = ["channel", "name", "aliases", "clock", "limit", "attempts", "brackets"]
        let channels = ResultTable(
            columns: channelColumns.map { ResultColumn($0, isDimension: $0 != "attempts") },
            rows: def.channels.map { c in
                let brackets = c.brackets.map {
                    "≤\(WaitDuration.format(seconds: $0.bound)): \(NumberFormat.decimals($0.points, 0))"
                }
                return [.text(c.id), .text(c.name), .text(c.aliases.joined(separator: ", ")), .text(c.clock.rawValue),
                        .text(WaitDuration.format(seconds: c.limit)), .count(c.attempts),
                        .text(brackets.joined(separator: ", "))]
            })
        let settings = "second attempt factor \(def.secondAttemptFactor); "
            + "awards need \(def.minInquiriesForAward) inquiries; timezone \(def.timezone)"
        return "\(def.name): scored areas (share of the total), and the channels' wait rules\n" + r.render(areas) + "\n"
            + r.render(channels) + "\n" + settings
    }
}
