import Foundation
import Yams

/// Reads season.yaml into a `SeasonDefinition`, reporting every problem with its line and column.
/// Every value is checked at load against `SeasonLimits`: a season that loads can be scored
/// without overflow or NaN, and a misspelled key is an error, not a silent default.
enum SeasonYAML {
    static let file = "season.yaml"

    static let topKeys = [
        "season", "timezone", "min_inquiries_for_award", "second_attempt_factor", "language",
        "channels", "areas", "questions",
    ]
    static let channelKeys = ["name", "aliases", "clock", "limit", "attempts", "brackets"]
    static let areaKeys = ["id", "name", "weight", "kind"]
    static let questionKeys = ["id", "area", "type", "weight", "text", "metric", "better", "min", "max", "options"]
    /// Read once: the list is built from the system's zone files.
    static let timeZoneNames = TimeZone.knownTimeZoneIdentifiers

    static func parse(_ text: String, into sink: inout DiagnosticSink) -> SeasonDefinition? {
        let root: Node?
        do {
            // The basic resolver: the reader takes every scalar as text, so Yams's implicit tags (booleans,
            // numbers, timestamps, found by regular expressions compiled at first use) are not needed; they
            // cost a few milliseconds of every start.
            root = try Yams.compose(yaml: text, .basic)
        } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
            reportDuplicates(text, key: duplicates.first ?? "", firstMark: context.mark, into: &sink)
            return nil
        } catch let error as YamlError {
            sink.error(file, line: yamlLine(error), column: yamlColumn(error), "not valid YAML: \(yamlProblem(error))")
            return nil
        } catch {
            sink.error(file, "not valid YAML: \(error)")
            return nil
        }
        guard let root, let top = root.mapping else {
            sink.error(file, line: 1, column: 1, "expected a mapping with season, channels, areas and questions")
            return nil
        }
        var reader = Reader(sink: sink)
        let definition = reader.definition(top, root)
        sink = reader.sink
        return sink.errors.isEmpty ? definition : nil
    }

    /// A key given twice: the error is at the second occurrence and names the first.
    static func reportDuplicates(_ text: String, key: String, firstMark: Mark, into sink: inout DiagnosticSink) {
        let found = YAMLDuplicateKeys.locate(in: text, key: key, firstMark: firstMark)
        let inFileOrder = found.sorted {
            let left = $0.second ?? $0.first
            let right = $1.second ?? $1.first
            return (left.line, left.column) < (right.line, right.column)
        }
        for duplicate in inFileOrder {
            let first = "first at line \(duplicate.first.line), column \(duplicate.first.column)"
            let message = "key `\(duplicate.key)` is given twice in one mapping (\(first)); expected each key once"
            let place = duplicate.second ?? duplicate.first
            sink.error(file, line: place.line, column: place.column, message)
        }
    }

    private struct Reader {
        var sink: DiagnosticSink

        mutating func err(_ node: Node?, _ message: String) {
            sink.error(SeasonYAML.file, line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0, message)
        }

        func value(_ map: Node.Mapping, _ key: String) -> Node? {
            for (k, v) in map where k.string == key { return v }
            return nil
        }

        /// Every key of a mapping must be one the format knows: a misspelled key would
        /// otherwise leave its setting at the default without a word.
        mutating func checkKeys(_ map: Node.Mapping, known: [String], in place: String) {
            for (key, _) in map {
                guard let name = key.scalar?.string else {
                    err(key, "a key \(place) must be a text; expected one of \(known.joined(separator: ", "))")
                    continue
                }
                if known.contains(name) { continue }
                if let near = NearestName.nearest(name, in: known) {
                    err(key, "unknown key `\(name)` \(place); did you mean `\(near)`?")
                } else {
                    err(key, "unknown key `\(name)` \(place); expected one of \(known.joined(separator: ", "))")
                }
            }
        }

        mutating func string(_ map: Node.Mapping, _ key: String, in owner: Node, required: Bool = true) -> String? {
            guard let node = value(map, key) else {
                if required { err(owner, "missing `\(key)`") }
                return nil
            }
            guard let text = node.scalar?.string, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                err(node, "`\(key)` must be a non-empty text")
                return nil
            }
            return text
        }

        mutating func number(_ node: Node, what: String) -> Double? {
            guard let text = node.scalar?.string, let number = Double(text), number.isFinite else {
                err(node, "expected a number for \(what), found \(show(node))")
                return nil
            }
            return number
        }

        mutating func integer(_ node: Node, what: String) -> Int? {
            guard let text = node.scalar?.string, let number = Int(text) else {
                err(node, "expected a whole number for \(what), found \(show(node))")
                return nil
            }
            return number
        }

        /// A relative weight: finite, 0 or more and at most `SeasonLimits.maxWeight`.
        mutating func weight(_ node: Node, what: String) -> Double? {
            guard let number = number(node, what: what) else { return nil }
            guard number >= 0, number <= SeasonLimits.maxWeight else {
                err(node, "\(what) must be between 0 and \(SeasonLimits.maxWeightText), found \(show(node))")
                return nil
            }
            return number
        }

        mutating func duration(_ node: Node, what: String) -> Double? {
            let expected = "a duration like 40s, 5m, 4h or 3d, at most \(SeasonLimits.maxDurationText),"
            guard let text = node.scalar?.string, let seconds = WaitDuration.parse(text) else {
                err(node, "expected \(expected) for \(what), found \(show(node))")
                return nil
            }
            guard seconds <= SeasonLimits.maxDurationSeconds else {
                err(node, "\(what) is too long: expected at most \(SeasonLimits.maxDurationText), found \(show(node))")
                return nil
            }
            return seconds
        }

        func show(_ node: Node) -> String {
            if let text = node.scalar?.string { return "\"\(text)\"" }
            if node.mapping != nil { return "a mapping" }
            if node.sequence != nil { return "a list" }
            return "an alias"
        }

        mutating func definition(_ top: Node.Mapping, _ root: Node) -> SeasonDefinition? {
            checkKeys(top, known: SeasonYAML.topKeys, in: "at the top level")
            let name = string(top, "season", in: root) ?? ""
            let timezone = self.timezone(top)
            let language = self.language(top)
            var minAward = 20
            if let node = value(top, "min_inquiries_for_award"),
                let number = integer(node, what: "min_inquiries_for_award")
            {
                if number < 0 || number > SeasonLimits.maxMinInquiries {
                    err(node, "min_inquiries_for_award must be between 0 and \(SeasonLimits.maxMinInquiries)")
                } else {
                    minAward = number
                }
            }
            var factor = 0.5
            if let node = value(top, "second_attempt_factor"),
                let number = number(node, what: "second_attempt_factor")
            {
                if number < 0 || number > 1 {
                    err(node, "second_attempt_factor must be between 0 and 1")
                } else {
                    factor = number
                }
            }
            let channels = self.channels(top, root)
            let areas = self.areas(top, root)
            let questions = self.questions(top, root, areas: areas)
            return SeasonDefinition(
                name: name, timezone: timezone, minInquiriesForAward: minAward,
                secondAttemptFactor: factor, channels: channels, areas: areas, questions: questions,
                language: language)
        }

        /// An unknown timezone would score every wall-clock wait in UTC without a word.
        mutating func timezone(_ top: Node.Mapping) -> String {
            let fallback = "Europe/Oslo"
            guard let node = value(top, "timezone") else { return fallback }
            guard let name = node.scalar?.string, !name.isEmpty else {
                err(node, "`timezone` must be a timezone name like Europe/Oslo, found \(show(node))")
                return fallback
            }
            if TimeZone(identifier: name) != nil { return name }
            if let near = NearestName.nearest(name, in: SeasonYAML.timeZoneNames) {
                err(node, "unknown timezone \"\(name)\"; did you mean \(near)?")
            } else {
                err(node, "unknown timezone \"\(name)\"; expected a name from the tz database like Europe/Oslo")
            }
            return fallback
        }

        mutating func language(_ top: Node.Mapping) -> ReportLanguage? {
            guard let node = value(top, "language") else { return nil }
            if let code = node.scalar?.string, let language = ReportLanguage(rawValue: code) { return language }
            err(node, "`language` must be nb or en, found \(show(node))")
            return nil
        }

        mutating func channels(_ top: Node.Mapping, _ root: Node) -> [Channel] {
            guard let node = value(top, "channels") else {
                err(root, "missing `channels`")
                return []
            }
            guard let map = node.mapping, !map.isEmpty else {
                err(node, "`channels` must map channel ids to their settings")
                return []
            }
            var result: [Channel] = []
            var seen = Set<String>()
            for (key, settings) in map {
                guard let id = key.scalar?.string, !id.isEmpty else {
                    err(key, "a channel id must be a text")
                    continue
                }
                if result.count == SeasonLimits.maxChannels {
                    err(key, "channel \(id): a season has at most \(SeasonLimits.maxChannels) channels")
                    break
                }
                guard let channel = self.channel(id, key: key, settings: settings) else { continue }
                let all = [id] + channel.aliases + [channel.name]
                for name in Set(all.map { $0.lowercased() }) {
                    if seen.contains(name) {
                        err(key, "channel \(id): the name or alias \"\(name)\" is used by another channel")
                    }
                    seen.insert(name)
                }
                result.append(channel)
            }
            return result
        }

        mutating func channel(_ id: String, key: Node, settings: Node) -> Channel? {
            guard let map = settings.mapping else {
                err(settings, "channel \(id): expected {name, limit, attempts, brackets}")
                return nil
            }
            checkKeys(map, known: SeasonYAML.channelKeys, in: "in channel \(id)")
            let name = string(map, "name", in: settings, required: false) ?? id
            var aliases: [String] = []
            if let node = value(map, "aliases") {
                if let list = node.sequence {
                    for item in list {
                        if let alias = item.scalar?.string, !alias.isEmpty {
                            aliases.append(alias)
                        } else {
                            err(item, "channel \(id): an alias must be a non-empty text, found \(show(item))")
                        }
                    }
                } else {
                    err(node, "channel \(id): aliases must be a list")
                }
            }
            var clock = Clock.wall
            if let node = value(map, "clock") {
                if let text = node.scalar?.string, let parsed = Clock(rawValue: text) {
                    clock = parsed
                } else {
                    err(node, "channel \(id): clock must be wall or business, found \(show(node))")
                }
            }
            var limit: Double?
            if let node = value(map, "limit") {
                limit = duration(node, what: "the limit of channel \(id)")
            } else {
                err(settings, "channel \(id): missing `limit`")
            }
            var attempts = 1
            if let node = value(map, "attempts"), let number = integer(node, what: "attempts of channel \(id)") {
                if number < 1 || number > 2 {
                    err(node, "channel \(id): attempts must be 1 or 2")
                } else {
                    attempts = number
                }
            }
            var brackets: [(bound: Double, points: Double)] = []
            if let node = value(map, "brackets") {
                brackets = self.brackets(node, channel: id)
            } else {
                err(settings, "channel \(id): missing `brackets`")
            }
            return Channel(
                id: id, name: name, aliases: aliases, clock: clock, limit: limit ?? 0,
                attempts: attempts, brackets: brackets)
        }

        mutating func brackets(_ node: Node, channel id: String) -> [(bound: Double, points: Double)] {
            guard let list = node.sequence else {
                err(node, "channel \(id): brackets must be a list of [bound, points]")
                return []
            }
            var brackets: [(bound: Double, points: Double)] = []
            for item in list {
                guard let pair = item.sequence, pair.count == 2 else {
                    err(item, "channel \(id): a bracket is [upper bound, points]")
                    continue
                }
                guard let bound = duration(pair[0], what: "a bracket bound of channel \(id)"),
                    let points = number(pair[1], what: "bracket points of channel \(id)")
                else { continue }
                if let last = brackets.last, bound <= last.bound {
                    err(pair[0], "channel \(id): bracket bounds must increase")
                }
                if points < 0 || points > 100 {
                    err(pair[1], "channel \(id): bracket points must be 0–100")
                }
                brackets.append((bound, points))
            }
            return brackets
        }

        /// An area or question id that is a metric, dimension or keyword cannot be queried.
        mutating func checkNotReserved(_ id: String, kind: String, at node: Node?) {
            guard ReservedNames.isReserved(id) else { return }
            err(
                node,
                "\(kind) id \(id) is a reserved word of the query language (a metric, dimension or keyword); "
                    + "expected another id")
        }

        mutating func areas(_ top: Node.Mapping, _ root: Node) -> [Area] {
            guard let node = value(top, "areas") else {
                err(root, "missing `areas`")
                return []
            }
            guard let list = node.sequence, !list.isEmpty else {
                err(node, "`areas` must be a list of {id, name, weight}")
                return []
            }
            var result: [Area] = []
            for item in list {
                guard let map = item.mapping else {
                    err(item, "an area is {id, name, weight}")
                    continue
                }
                checkKeys(map, known: SeasonYAML.areaKeys, in: "in an area")
                guard let id = string(map, "id", in: item) else { continue }
                checkNotReserved(id, kind: "area", at: value(map, "id"))
                let name = string(map, "name", in: item, required: false) ?? id
                var weight = 0.0
                if let node = value(map, "weight") {
                    weight = self.weight(node, what: "the weight of area \(id)") ?? 0
                } else {
                    err(item, "area \(id): missing `weight`")
                }
                var kind = AreaKind.questions
                if let node = value(map, "kind") {
                    if let text = node.scalar?.string, let parsed = AreaKind(rawValue: text) {
                        kind = parsed
                    } else {
                        err(node, "area \(id): kind must be wait or questions, found \(show(node))")
                    }
                }
                if result.contains(where: { $0.id.lowercased() == id.lowercased() }) {
                    err(item, "duplicate area id \(id)")
                }
                result.append(Area(id: id, name: name, weight: weight, kind: kind))
            }
            let waits = result.filter { $0.kind == .wait }.count
            if waits != 1 { err(node, "exactly one area must have kind: wait (found \(waits))") }
            if !result.contains(where: { $0.weight > 0 }) { err(node, "at least one area must have a weight above 0") }
            return result
        }

        mutating func questions(_ top: Node.Mapping, _ root: Node, areas: [Area]) -> [Question] {
            guard let node = value(top, "questions") else {
                err(root, "missing `questions`")
                return []
            }
            guard let list = node.sequence else {
                err(node, "`questions` must be a list")
                return []
            }
            var result: [Question] = []
            for item in list {
                guard let map = item.mapping else {
                    err(item, "a question is {id, area, type, text}")
                    continue
                }
                checkKeys(map, known: SeasonYAML.questionKeys, in: "in a question")
                if let question = self.question(map, item: item, areas: areas, earlier: result) {
                    result.append(question)
                }
            }
            return result
        }

        static let inquiryColumns: Set<String> = [
            "id", "participant", "channel", "shopper", "contacted_at", "answered_at", "attempts", "comment",
        ]

        mutating func question(_ map: Node.Mapping, item: Node, areas: [Area], earlier: [Question]) -> Question? {
            guard let id = string(map, "id", in: item) else { return nil }
            let idNode = value(map, "id")
            if Reader.inquiryColumns.contains(id.lowercased()) || id.lowercased().hasPrefix("comment_") {
                err(item, "question id \(id) clashes with a column of inquiries.csv")
            } else {
                checkNotReserved(id, kind: "question", at: idNode)
            }
            if areas.contains(where: { $0.id.lowercased() == id.lowercased() }) {
                err(idNode, "question id \(id) is also an area id; expected ids that differ")
            }
            if earlier.contains(where: { $0.id.lowercased() == id.lowercased() }) {
                err(item, "duplicate question id \(id)")
            }
            guard let areaId = string(map, "area", in: item) else { return nil }
            guard let areaIndex = areas.firstIndex(where: { $0.id.lowercased() == areaId.lowercased() }) else {
                let expected = areas.map(\.id).joined(separator: ", ")
                err(value(map, "area"), "question \(id): unknown area \"\(areaId)\"; expected one of \(expected)")
                return nil
            }
            if areas[areaIndex].kind == .wait {
                err(value(map, "area"), "question \(id): the wait area has no questions")
            }
            var weight = 1.0
            if let node = value(map, "weight") {
                weight = self.weight(node, what: "the weight of question \(id)") ?? 1
            }
            var text = ""
            if let node = value(map, "text") {
                if let scalar = node.scalar?.string {
                    text = scalar
                } else {
                    err(node, "question \(id): `text` must be a text, found \(show(node))")
                }
            }
            let metric = self.metric(map, question: id, earlier: earlier)
            guard let type = self.type(map, item: item, question: id) else { return nil }
            var question = Question(
                id: id, areaIndex: areaIndex, type: type, weight: weight, text: text, metric: metric)
            question.lowerIsBetter = lowerIsBetter(map, question: id, metric: metric)
            return question
        }

        /// `better: higher|lower`: which way a CX question's answers are better (higher by default).
        mutating func lowerIsBetter(_ map: Node.Mapping, question id: String, metric: CXMetric?) -> Bool {
            guard let node = value(map, "better") else {
                return false
            }
            guard metric != nil else {
                err(node, "question \(id): `better` belongs to a CX question (one with metric:)")
                return false
            }
            switch node.scalar?.string.lowercased() {
            case "higher": return false
            case "lower": return true
            default:
                err(node, "question \(id): better must be higher or lower, found \(show(node))")
                return false
            }
        }

        mutating func metric(_ map: Node.Mapping, question id: String, earlier: [Question]) -> CXMetric? {
            guard let node = value(map, "metric") else { return nil }
            guard let text = node.scalar?.string, let parsed = CXMetric(rawValue: text.lowercased()) else {
                err(node, "question \(id): metric must be one of csat, ces, nps, ves1, ves2, found \(show(node))")
                return nil
            }
            if earlier.contains(where: { $0.metric == parsed }) {
                err(node, "question \(id): metric \(text) is already given to another question")
            }
            return parsed
        }

        mutating func type(_ map: Node.Mapping, item: Node, question id: String) -> QuestionType? {
            guard let typeName = string(map, "type", in: item) else { return nil }
            // Keys of another type are a sign of a slip (a scale written as yesno): refused, not ignored.
            let belongs: [String: String] = ["min": "scale", "max": "scale", "options": "choice"]
            let knownTypes = ["yesno", "scale", "choice"]
            for (key, owner) in belongs.sorted(by: { $0.key < $1.key }) where owner != typeName {
                guard knownTypes.contains(typeName), let keyNode = map.keys.first(where: { $0.string == key }) else {
                    continue
                }
                err(keyNode, "question \(id): `\(key)` belongs to a \(owner) question; this one is \(typeName)")
            }
            switch typeName {
            case "yesno":
                return .yesno
            case "scale":
                return scale(map, item: item, question: id)
            case "choice":
                return choice(map, item: item, question: id)
            default:
                err(value(map, "type"), "question \(id): type must be yesno, scale or choice, found \"\(typeName)\"")
                return nil
            }
        }

        mutating func scale(_ map: Node.Mapping, item: Node, question id: String) -> QuestionType? {
            guard let minNode = value(map, "min"), let maxNode = value(map, "max") else {
                err(item, "question \(id): a scale needs integer `min` and `max`")
                return nil
            }
            let bound = SeasonLimits.scaleBound
            var ends: [Int] = []
            for (node, name) in [(minNode, "min"), (maxNode, "max")] {
                guard let number = integer(node, what: "\(name) of question \(id)") else { continue }
                if number < -bound || number > bound {
                    err(node, "question \(id): \(name) must be between -\(bound) and \(bound), found \(number)")
                    continue
                }
                ends.append(number)
            }
            guard ends.count == 2 else { return nil }
            guard ends[1] > ends[0] else {
                err(item, "question \(id): max must be above min")
                return nil
            }
            return .scale(min: ends[0], max: ends[1])
        }

        mutating func choice(_ map: Node.Mapping, item: Node, question id: String) -> QuestionType? {
            guard let node = value(map, "options"), let optionMap = node.mapping, !optionMap.isEmpty else {
                err(
                    value(map, "options") ?? item,
                    "question \(id): a choice needs `options` mapping each option to points")
                return nil
            }
            var options: [(String, Double)] = []
            // The options so far in lower case: a set, so that a choice of many options is read in linear time.
            var lowercased: Set<String> = []
            for (key, pointsNode) in optionMap {
                guard let text = key.scalar?.string else {
                    err(key, "question \(id): an option is text: points")
                    continue
                }
                let option = text.trimmingCharacters(in: .whitespaces)
                // Cells match options in any case: two options that differ only by case could not be told apart.
                if lowercased.contains(option.lowercased()) {
                    err(
                        key,
                        "question \(id): option \"\(option)\" is given twice (in any case); "
                            + "expected distinct options")
                }
                guard let points = number(pointsNode, what: "the points of option \"\(text)\" of question \(id)") else {
                    continue
                }
                if points < 0 || points > 100 {
                    err(pointsNode, "question \(id): option \"\(text)\" has \(points) points; expected 0–100")
                }
                // -0 points are 0: one value, one answer code (AnswerColumns keys its table by the bits).
                options.append((option, points == 0 ? 0 : points))
                lowercased.insert(option.lowercased())
            }
            return .choice(options: options)
        }
    }

    private static func yamlLine(_ error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        case .duplicatedKeysInMapping(_, let context): return context.mark.line
        default: return 0
        }
    }

    private static func yamlColumn(_ error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.column
        case .duplicatedKeysInMapping(_, let context): return context.mark.column
        default: return 0
        }
    }

    private static func yamlProblem(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default: return "\(error)"
        }
    }
}
