/// Several seasons side by side as one: participants and classes matched by participant id,
/// questions, areas and channels by id. Each inquiry keeps the scores its own season's rules gave
/// it; a question or area a season lacks is empty (NaN) for its inquiries. `season` and
/// `season_day` columns tell the seasons apart.
public enum SeasonCombiner {
    public static func combine(_ seasons: [Season]) -> Season {
        guard seasons.count > 1 else { return seasons[0] }
        let latest = seasons[seasons.count - 1]
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
            let chMap = s.definition.channels.map { ch in UInt8(channels.firstIndex { $0.id.lowercased() == ch.id.lowercased() }!) }
            let sMap = s.shoppers.map { name -> Int32 in
                if let i = shopperIndex[name] { return i }
                shopperIndex[name] = Int32(shoppers.count); shoppers.append(name)
                return Int32(shoppers.count - 1)
            }
            let qMap = questions.map { q in s.definition.questionIndex(id: q.id) }
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
            columns.season += [UInt8](repeating: UInt8(k), count: c.count)
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
            infos += s.seasons
        }
        columns.classIndex = columns.participant.map { Int32(participants[Int($0)].classIndex) }
        var combined = Season(definition: definition, directory: seasons.map(\.directory).joined(separator: " "), participants: participants,
                              classes: classes, shoppers: shoppers, inquiries: columns, comments: comments, warnings: warnings)
        for k in infos.indices { infos[k].firstDay = seasons[k].seasons.first?.firstDay }
        combined.seasons = infos
        combined.schemaDifferences = differences(seasons)
        return combined
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
            let types = Set(has.map { $0.definition.questions[$0.definition.questionIndex(id: id)!].typeDescription })
            if types.count > 1 { lines.append("question \(id): its type differs (\(types.sorted().joined(separator: " / "))); figures use the latest season's") }
        }
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
