/// Several seasons side by side as one: participants and classes matched by participant id,
/// questions, areas and channels by id. Each inquiry keeps the scores its own season's rules gave
/// it; a question or area a season lacks is empty (NaN) for its inquiries. `season` and
/// `season_day` columns tell the seasons apart.
public enum SeasonCombiner {
    /// Seasons are told apart by a 16-bit number per inquiry, channels by an 8-bit one.
    public static let maximumSeasons = Int(UInt16.max) + 1
    public static let maximumChannels = Int(UInt8.max) + 1

    /// The error for more seasons than can be loaded side by side, or nil (checked before loading them).
    public static func tooMany(seasons count: Int) -> SeasonLoadError? {
        guard count > maximumSeasons else { return nil }
        return limitError(count, "\(count) seasons given; at most \(maximumSeasons) seasons can be loaded side by side")
    }

    static func limitError(_ count: Int, _ message: String) -> SeasonLoadError {
        SeasonLoadError(directory: "(\(count) seasons)", errors: [SeasonDiagnostic(.error, file: "ksp", message)],
                        warnings: [], truncated: false)
    }

    /// `combine`, after checking the limits (the form for seasons a user named).
    public static func combined(_ seasons: [Season]) throws(SeasonLoadError) -> Season {
        if let error = tooMany(seasons: seasons.count) { throw error }
        var channelIds = Set<String>()
        for s in seasons {
            for c in s.definition.channels { channelIds.insert(c.id.lowercased()) }
        }
        if channelIds.count > maximumChannels {
            throw limitError(seasons.count, "the seasons have \(channelIds.count) channel ids between them; "
                             + "at most \(maximumChannels) can be loaded side by side")
        }
        return combine(seasons)
    }

    /// Several seasons as one; the caller keeps within `maximumSeasons` and `maximumChannels` (see `combined`).
    public static func combine(_ seasons: [Season]) -> Season {
        guard seasons.count > 1, let latest = seasons.last else { return seasons[0] }
        // Union of areas, questions and channels: the latest season's order, then what only earlier ones had.
        func union<T>(_ pick: (SeasonDefinition) -> [T], id: (T) -> String) -> [T] {
            var result: [T] = []
            var seen = Set<String>()
            for s in seasons.reversed() {
                for x in pick(s.definition) where !seen.contains(id(x).lowercased()) {
                    seen.insert(id(x).lowercased())
                    result.append(x)
                }
            }
            return result
        }
        let areas = union({ $0.areas }, id: { $0.id })
        let channels = union({ $0.channels }, id: { $0.id })
        let areaIndex = Dictionary(uniqueKeysWithValues: areas.enumerated().map { ($1.id.lowercased(), $0) })
        var questions: [Question] = []
        var seenQuestions = Set<String>()
        // A question whose type changed is kept only for the seasons of its latest type (issue 20, item 18).
        let changed = typeChanges(seasons)
        for s in seasons.reversed() {
            for q in s.definition.questions where !seenQuestions.contains(q.id.lowercased()) {
                seenQuestions.insert(q.id.lowercased())
                var copy = q
                copy.areaIndex = areaIndex[s.definition.areas[q.areaIndex].id.lowercased()]!
                questions.append(copy)
            }
        }
        var definition = latest.definition
        definition.areas = areas
        definition.questions = questions
        definition.channels = channels
        definition.name = seasons.map(\.name).joined(separator: " + ")

        // Participants by id: name and class from the latest season that has them.
        var participantIndex: [String: Int] = [:]
        var participants: [Participant] = []
        for s in seasons.reversed() {
            for p in s.participants where participantIndex[p.id] == nil {
                participantIndex[p.id] = participants.count
                participants.append(p)
            }
        }
        let classes = Array(Set(participants.map(\.className))).sorted(by: NorwegianCollation.less)
        let classIndex = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        for i in participants.indices { participants[i].classIndex = classIndex[participants[i].className]! }

        var shoppers: [String] = []
        var shopperIndex: [String: Int32] = [:]
        var columns = InquiryColumns()
        columns.questionCount = questions.count
        columns.areaCount = areas.count
        var comments: [Comment] = []
        var warnings: [SeasonDiagnostic] = []
        var infos: [SeasonInfo] = []
        let nq = questions.count, na = areas.count
        for (k, s) in seasons.enumerated() {
            let c = s.inquiries
            let offset = columns.count
            let pMap = s.participants.map { Int32(participantIndex[$0.id]!) }
            let chMap = s.definition.channels.map { ch in
                UInt8(clamping: channels.firstIndex { $0.id.lowercased() == ch.id.lowercased() } ?? 0)
            }
            let sMap = s.shoppers.map { name -> Int32 in
                if let i = shopperIndex[name] { return i }
                shopperIndex[name] = Int32(shoppers.count); shoppers.append(name)
                return Int32(shoppers.count - 1)
            }
            let qMap = questions.map { q -> Int? in
                guard let own = s.definition.questionIndex(id: q.id) else { return nil }
                return s.definition.questions[own].typeDescription == q.typeDescription ? own : nil
            }
            let aMap = areas.map { a in s.definition.areaIndex(id: a.id) }
            columns.count += c.count
            columns.participant += c.participant.map { pMap[Int($0)] }
            columns.channel += c.channel.map { chMap[Int($0)] }
            columns.shopper += c.shopper.map { sMap[Int($0)] }
            columns.contactedAt += c.contactedAt
            columns.answeredAt += c.answeredAt
            columns.attempts += c.attempts
            columns.answered += c.answered
            columns.waitSeconds += c.waitSeconds
            columns.total += c.total
            columns.line += c.line
            columns.day += c.day
            columns.month += c.month
            columns.week += c.week
            columns.season += [UInt16](repeating: UInt16(clamping: k), count: c.count)
            columns.seasonDay += c.seasonDay
            columns.idOffsets += c.idOffsets.dropFirst().map { $0 + Int32(columns.idArena.count) }
            columns.idArena += c.idArena
            var raw = [Double](repeating: .nan, count: c.count * nq)
            var scores = [Double](repeating: .nan, count: c.count * na)
            for i in 0..<c.count {
                for (u, q) in qMap.enumerated() { if let q { raw[i * nq + u] = c.raw(i, q) } }
                for (u, a) in aMap.enumerated() { if let a { scores[i * na + u] = c.areaScore(i, a) } }
            }
            columns.raw += raw
            columns.areaScores += scores
            comments += s.comments.map { Comment(inquiry: $0.inquiry + offset, areaIndex: $0.areaIndex.flatMap { areaIndex[s.definition.areas[$0].id.lowercased()] }, text: $0.text) }
            warnings += s.warnings.map { var w = $0; w.file = "\(s.name): \(w.file)"; return w }
            var info = s.seasons.first ?? SeasonInfo(name: s.name, directory: s.directory, definition: s.definition)
            for metric in CXMetric.allCases {
                if let own = s.definition.questionIndex(metric: metric) {
                    info.metricQuestions[metric] = qMap.firstIndex { $0 == own }
                }
            }
            infos.append(info)
        }
        warnings += changed.map { SeasonDiagnostic(.warning, file: SeasonLoader.definitionFile, $0) }
        warnings += participantWarnings(seasons)
        columns.classIndex = columns.participant.map { Int32(participants[Int($0)].classIndex) }
        var combined = Season(definition: definition, directory: seasons.map(\.directory).joined(separator: " "), participants: participants,
                              classes: classes, shoppers: shoppers, inquiries: columns, comments: comments, warnings: warnings)
        combined.seasons = infos
        combined.schemaDifferences = differences(seasons)
        return combined
    }

    /// Questions whose type or scale differs between seasons: each is kept only for the seasons of
    /// the type the latest season holding it has, so that no figure mixes yes/no shares with choice
    /// points or one scale with another.
    static func typeChanges(_ seasons: [Season]) -> [String] {
        var lines: [String] = []
        var questionIds: [String] = []
        var seen = Set<String>()
        for s in seasons {
            for q in s.definition.questions where seen.insert(q.id.lowercased()).inserted { questionIds.append(q.id) }
        }
        for id in questionIds {
            let typed = seasons.compactMap { s -> (name: String, type: String)? in
                s.definition.questionIndex(id: id).map { (s.name, s.definition.questions[$0].typeDescription) }
            }
            guard let latestType = typed.last?.type, typed.contains(where: { $0.type != latestType }) else { continue }
            let kept = typed.filter { $0.type == latestType }.map(\.name).joined(separator: ", ")
            let others = typed.filter { $0.type != latestType }
            let dropped = others.map { "\($0.type) in \($0.name)" }.joined(separator: ", ")
            let empty = others.map(\.name).joined(separator: ", ")
            let change = "its type changed (\(dropped); \(latestType) in \(kept))"
            lines.append("question \(id): \(change); kept only for \(kept), empty in \(empty)")
        }
        return lines
    }

    /// A warning for each season that shares no participant id with the others: participants are
    /// matched by id, so its rows and theirs never meet in `by participant`.
    static func participantWarnings(_ seasons: [Season]) -> [SeasonDiagnostic] {
        var seasonsOfId: [String: Int] = [:]
        for s in seasons {
            for id in Set(s.participants.map(\.id)) { seasonsOfId[id, default: 0] += 1 }
        }
        return seasons.compactMap { s in
            guard !s.participants.contains(where: { (seasonsOfId[$0.id] ?? 0) > 1 }) else { return nil }
            return SeasonDiagnostic(.warning, file: "\(s.name): \(SeasonLoader.participantsFile)",
                "no participant id in common with the other seasons loaded; participants are matched by id, "
                + "so they are compared as different participants")
        }
    }

    /// Areas and questions not in every season, and questions whose type changed.
    static func differences(_ seasons: [Season]) -> [String] {
        var lines: [String] = []
        let names = seasons.map(\.name)
        func presence(_ has: (Season) -> Bool) -> String {
            let inSeasons = seasons.filter(has).map(\.name)
            return "only in " + inSeasons.joined(separator: ", ") + "; empty in " + names.filter { !inSeasons.contains($0) }.joined(separator: ", ")
        }
        var areaIds: [String] = []
        for s in seasons { for a in s.definition.areas where !areaIds.contains(a.id) { areaIds.append(a.id) } }
        for id in areaIds where !seasons.allSatisfy({ $0.definition.areaIndex(id: id) != nil }) {
            lines.append("area \(id): " + presence { $0.definition.areaIndex(id: id) != nil })
        }
        var questionIds: [String] = []
        for s in seasons { for q in s.definition.questions where !questionIds.contains(q.id) { questionIds.append(q.id) } }
        for id in questionIds {
            let has = seasons.filter { $0.definition.questionIndex(id: id) != nil }
            if has.count < seasons.count { lines.append("question \(id): " + presence { $0.definition.questionIndex(id: id) != nil }) }
        }
        lines += typeChanges(seasons)
        // Weights compared over the scored areas both seasons have.
        func weights(_ d: SeasonDefinition) -> [String: Double] {
            Dictionary(uniqueKeysWithValues: d.areas.filter { $0.weight > 0 }.map { ($0.id.lowercased(), $0.weight) })
        }
        let last = weights(seasons.last!.definition)
        for s in seasons.dropLast() where weights(s.definition).contains(where: { last[$0.key] != nil && last[$0.key] != $0.value }) {
            lines.append("\(s.name) weighs its areas differently (" + s.definition.areas.map { "\($0.id) \(NumberText.compact($0.weight))" }.joined(separator: ", ") + "); each inquiry keeps its own season's scores")
        }
        return lines
    }
}

enum NumberText {
    static func compact(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(v) }
}
