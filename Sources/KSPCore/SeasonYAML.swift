import Yams

/// Reads season.yaml into a `SeasonDefinition`, reporting every problem with its line and column.
enum SeasonYAML {
    static let file = "season.yaml"

    static func parse(_ text: String, into sink: inout DiagnosticSink) -> SeasonDefinition? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
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
        var r = Reader(sink: sink)
        let def = r.definition(top, root)
        sink = r.sink
        return sink.errors.isEmpty ? def : nil
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

        mutating func string(_ map: Node.Mapping, _ key: String, in owner: Node, required: Bool = true) -> String? {
            guard let v = value(map, key) else {
                if required { err(owner, "missing `\(key)`") }
                return nil
            }
            guard let s = v.scalar?.string, !s.trimmingCharacters(in: .whitespaces).isEmpty else {
                err(v, "`\(key)` must be a non-empty text")
                return nil
            }
            return s
        }

        mutating func number(_ node: Node, what: String) -> Double? {
            guard let s = node.scalar?.string, let d = Double(s), d.isFinite else {
                err(node, "expected a number for \(what), found \(show(node))")
                return nil
            }
            return d
        }

        mutating func integer(_ node: Node, what: String) -> Int? {
            guard let s = node.scalar?.string, let i = Int(s) else {
                err(node, "expected a whole number for \(what), found \(show(node))")
                return nil
            }
            return i
        }

        mutating func duration(_ node: Node, what: String) -> Double? {
            guard let s = node.scalar?.string, let d = WaitDuration.parse(s) else {
                err(node, "expected a duration like 40s, 5m, 4h or 3d for \(what), found \(show(node))")
                return nil
            }
            return d
        }

        func show(_ node: Node) -> String {
            if let s = node.scalar?.string { return "\"\(s)\"" }
            if node.mapping != nil { return "a mapping" }
            return "a list"
        }

        mutating func definition(_ top: Node.Mapping, _ root: Node) -> SeasonDefinition? {
            let name = string(top, "season", in: root) ?? ""
            let timezone = value(top, "timezone")?.scalar?.string ?? "Europe/Oslo"
            var minAward = 20
            if let n = value(top, "min_inquiries_for_award") {
                if let i = integer(n, what: "min_inquiries_for_award") {
                    if i < 0 { err(n, "min_inquiries_for_award must be 0 or more") } else { minAward = i }
                }
            }
            var factor = 0.5
            if let n = value(top, "second_attempt_factor"), let d = number(n, what: "second_attempt_factor") {
                if d < 0 || d > 1 { err(n, "second_attempt_factor must be between 0 and 1") } else { factor = d }
            }
            let channels = self.channels(top, root)
            let areas = self.areas(top, root)
            let questions = self.questions(top, root, areas: areas)
            return SeasonDefinition(name: name, timezone: timezone, minInquiriesForAward: minAward,
                                    secondAttemptFactor: factor, channels: channels, areas: areas, questions: questions)
        }

        mutating func channels(_ top: Node.Mapping, _ root: Node) -> [Channel] {
            guard let node = value(top, "channels") else { err(root, "missing `channels`"); return [] }
            guard let map = node.mapping, !map.isEmpty else { err(node, "`channels` must map channel ids to their settings"); return [] }
            var result: [Channel] = []
            var seen = Set<String>()
            for (k, v) in map {
                guard let id = k.scalar?.string, !id.isEmpty else { err(k, "a channel id must be a text"); continue }
                guard let m = v.mapping else { err(v, "channel \(id): expected {name, limit, attempts, brackets}"); continue }
                let name = string(m, "name", in: v, required: false) ?? id
                var aliases: [String] = []
                if let a = value(m, "aliases") {
                    if let seq = a.sequence { aliases = seq.compactMap { $0.scalar?.string } } else { err(a, "channel \(id): aliases must be a list") }
                }
                var clock = Clock.wall
                if let c = value(m, "clock") {
                    if let s = c.scalar?.string, let parsed = Clock(rawValue: s) { clock = parsed } else { err(c, "channel \(id): clock must be wall or business, found \(show(c))") }
                }
                var limit: Double?
                if let l = value(m, "limit") { limit = duration(l, what: "the limit of channel \(id)") } else { err(v, "channel \(id): missing `limit`") }
                var attempts = 1
                if let a = value(m, "attempts") {
                    if let i = integer(a, what: "attempts of channel \(id)") {
                        if i < 1 || i > 2 { err(a, "channel \(id): attempts must be 1 or 2") } else { attempts = i }
                    }
                }
                var brackets: [(bound: Double, points: Double)] = []
                if let b = value(m, "brackets") {
                    if let seq = b.sequence {
                        for item in seq {
                            guard let pair = item.sequence, pair.count == 2 else { err(item, "channel \(id): a bracket is [upper bound, points]"); continue }
                            if let bound = duration(pair[0], what: "a bracket bound of channel \(id)"),
                               let pts = number(pair[1], what: "bracket points of channel \(id)") {
                                if let last = brackets.last, bound <= last.bound { err(pair[0], "channel \(id): bracket bounds must increase") }
                                if pts < 0 || pts > 100 { err(pair[1], "channel \(id): bracket points must be 0–100") }
                                brackets.append((bound, pts))
                            }
                        }
                    } else { err(b, "channel \(id): brackets must be a list of [bound, points]") }
                } else { err(v, "channel \(id): missing `brackets`") }
                let all = [id] + aliases + [name]
                for key in Set(all.map { $0.lowercased() }) {
                    if seen.contains(key) { err(k, "channel \(id): the name or alias \"\(key)\" is used by another channel") }
                    seen.insert(key)
                }
                result.append(Channel(id: id, name: name, aliases: aliases, clock: clock, limit: limit ?? 0,
                                      attempts: attempts, brackets: brackets))
            }
            return result
        }

        mutating func areas(_ top: Node.Mapping, _ root: Node) -> [Area] {
            guard let node = value(top, "areas") else { err(root, "missing `areas`"); return [] }
            guard let seq = node.sequence, !seq.isEmpty else { err(node, "`areas` must be a list of {id, name, weight}"); return [] }
            var result: [Area] = []
            for item in seq {
                guard let m = item.mapping else { err(item, "an area is {id, name, weight}"); continue }
                guard let id = string(m, "id", in: item) else { continue }
                let name = string(m, "name", in: item, required: false) ?? id
                var weight = 0.0
                if let w = value(m, "weight") {
                    if let d = number(w, what: "the weight of area \(id)") {
                        if d < 0 { err(w, "area \(id): weight must be 0 or more") } else { weight = d }
                    }
                } else { err(item, "area \(id): missing `weight`") }
                var kind = AreaKind.questions
                if let k = value(m, "kind") {
                    if let s = k.scalar?.string, let parsed = AreaKind(rawValue: s) { kind = parsed } else { err(k, "area \(id): kind must be wait or questions, found \(show(k))") }
                }
                if result.contains(where: { $0.id.lowercased() == id.lowercased() }) { err(item, "duplicate area id \(id)") }
                result.append(Area(id: id, name: name, weight: weight, kind: kind))
            }
            let waits = result.filter { $0.kind == .wait }.count
            if waits != 1 { err(node, "exactly one area must have kind: wait (found \(waits))") }
            if !result.contains(where: { $0.weight > 0 }) { err(node, "at least one area must have a weight above 0") }
            return result
        }

        mutating func questions(_ top: Node.Mapping, _ root: Node, areas: [Area]) -> [Question] {
            guard let node = value(top, "questions") else { err(root, "missing `questions`"); return [] }
            guard let seq = node.sequence else { err(node, "`questions` must be a list"); return [] }
            var result: [Question] = []
            let reserved: Set<String> = ["id", "participant", "channel", "shopper", "contacted_at", "answered_at", "attempts", "comment"]
            for item in seq {
                guard let m = item.mapping else { err(item, "a question is {id, area, type, text}"); continue }
                guard let id = string(m, "id", in: item) else { continue }
                if reserved.contains(id.lowercased()) || id.lowercased().hasPrefix("comment_") {
                    err(item, "question id \(id) clashes with a column of inquiries.csv")
                }
                guard let areaId = string(m, "area", in: item) else { continue }
                guard let areaIndex = areas.firstIndex(where: { $0.id.lowercased() == areaId.lowercased() }) else {
                    err(value(m, "area"), "question \(id): unknown area \"\(areaId)\"; expected one of \(areas.map(\.id).joined(separator: ", "))")
                    continue
                }
                if areas[areaIndex].kind == .wait { err(value(m, "area"), "question \(id): the wait area has no questions") }
                var weight = 1.0
                if let w = value(m, "weight"), let d = number(w, what: "the weight of question \(id)") {
                    if d < 0 { err(w, "question \(id): weight must be 0 or more") } else { weight = d }
                }
                let text = value(m, "text")?.scalar?.string ?? ""
                var metric: CXMetric?
                if let mt = value(m, "metric") {
                    if let s = mt.scalar?.string, let parsed = CXMetric(rawValue: s.lowercased()) {
                        if result.contains(where: { $0.metric == parsed }) { err(mt, "question \(id): metric \(s) is already given to another question") }
                        metric = parsed
                    } else { err(mt, "question \(id): metric must be one of csat, ces, nps, ves1, ves2, found \(show(mt))") }
                }
                guard let typeName = string(m, "type", in: item) else { continue }
                var type: QuestionType?
                switch typeName {
                case "yesno": type = .yesno
                case "scale":
                    if let lo = value(m, "min").flatMap({ integer($0, what: "min of question \(id)") }),
                       let hi = value(m, "max").flatMap({ integer($0, what: "max of question \(id)") }) {
                        if hi <= lo { err(item, "question \(id): max must be above min") } else { type = .scale(min: lo, max: hi) }
                    } else if value(m, "min") == nil || value(m, "max") == nil {
                        err(item, "question \(id): a scale needs integer `min` and `max`")
                    }
                case "choice":
                    if let o = value(m, "options"), let om = o.mapping, !om.isEmpty {
                        var options: [(String, Double)] = []
                        for (k, v) in om {
                            guard let t = k.scalar?.string else { err(k, "question \(id): an option is text: points"); continue }
                            if let p = number(v, what: "the points of option \"\(t)\" of question \(id)") {
                                if p < 0 || p > 100 { err(v, "question \(id): option \"\(t)\" has \(p) points; expected 0–100") }
                                options.append((t.trimmingCharacters(in: .whitespaces), p))
                            }
                        }
                        type = .choice(options: options)
                    } else { err(value(m, "options") ?? item, "question \(id): a choice needs `options` mapping each option to points") }
                default:
                    err(value(m, "type"), "question \(id): type must be yesno, scale or choice, found \"\(typeName)\"")
                }
                if result.contains(where: { $0.id.lowercased() == id.lowercased() }) { err(item, "duplicate question id \(id)") }
                if let type { result.append(Question(id: id, areaIndex: areaIndex, type: type, weight: weight, text: text, metric: metric)) }
            }
            return result
        }
    }

    private static func yamlLine(_ e: YamlError) -> Int {
        switch e {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _): return mark.line
        default: return 0
        }
    }
    private static func yamlColumn(_ e: YamlError) -> Int {
        switch e {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _): return mark.column
        default: return 0
        }
    }
    private static func yamlProblem(_ e: YamlError) -> String {
        switch e {
        case let .scanner(_, problem, _, _), let .parser(_, problem, _, _), let .composer(_, problem, _, _): return problem
        default: return "\(e)"
        }
    }
}
