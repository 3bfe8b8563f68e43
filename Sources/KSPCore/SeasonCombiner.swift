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
        SeasonLoadError(
            directory: "(\(count) seasons)", errors: [SeasonDiagnostic(.error, file: "ksp", message)],
            warnings: [], truncated: false)
    }

    /// `combine`, after checking the limits (the form for seasons a user named).
    public static func combined(_ seasons: [Season]) throws(SeasonLoadError) -> Season {
        if let error = tooMany(seasons: seasons.count) { throw error }
        var channelIds = Set<String>()
        for season in seasons {
            for channel in season.definition.channels { channelIds.insert(channel.id.lowercased()) }
        }
        if channelIds.count > maximumChannels {
            throw limitError(
                seasons.count,
                "the seasons have \(channelIds.count) channel ids between them; "
                    + "at most \(maximumChannels) can be loaded side by side")
        }
        return combine(seasons)
    }

    /// Several seasons as one; the caller keeps within `maximumSeasons` and `maximumChannels` (see `combined`).
    public static func combine(_ seasons: [Season]) -> Season {
        guard seasons.count > 1 else { return seasons[0] }
        let schema = CombinedSchema(seasons)
        let panel = CombinedPanel(seasons)
        var inquiries = CombinedInquiries(schema: schema, panel: panel)
        for (number, season) in seasons.enumerated() {
            inquiries.append(season, number: number)
        }
        var warnings = inquiries.warnings
        warnings += typeChanges(seasons).map { SeasonDiagnostic(.warning, file: SeasonLoader.definitionFile, $0) }
        warnings += participantWarnings(seasons)
        var columns = inquiries.columns
        columns.classIndex = columns.participant.map { Int32(panel.participants[Int($0)].classIndex) }
        var combined = Season(
            definition: schema.definition, directory: seasons.map(\.directory).joined(separator: " "),
            participants: panel.participants, classes: panel.classes, shoppers: inquiries.shoppers,
            inquiries: columns, comments: inquiries.comments, warnings: warnings)
        combined.warningsNotKept = inquiries.warningsNotKept
        combined.seasons = inquiries.infos
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
        for season in seasons {
            for question in season.definition.questions where seen.insert(question.id.lowercased()).inserted {
                questionIds.append(question.id)
            }
        }
        for id in questionIds {
            let typed = seasons.compactMap { season -> (name: String, type: String)? in
                let definition = season.definition
                return definition.questionIndex(id: id).map { (season.name, definition.questions[$0].typeDescription) }
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
        for season in seasons {
            for id in Set(season.participants.map(\.id)) { seasonsOfId[id, default: 0] += 1 }
        }
        return seasons.compactMap { season in
            guard !season.participants.contains(where: { (seasonsOfId[$0.id] ?? 0) > 1 }) else { return nil }
            return SeasonDiagnostic(
                .warning, file: "\(season.name): \(SeasonLoader.participantsFile)",
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
            let notIn = names.filter { !inSeasons.contains($0) }
            return "only in " + inSeasons.joined(separator: ", ") + "; empty in " + notIn.joined(separator: ", ")
        }
        var areaIds: [String] = []
        for season in seasons {
            for area in season.definition.areas where !areaIds.contains(area.id) { areaIds.append(area.id) }
        }
        for id in areaIds where !seasons.allSatisfy({ $0.definition.areaIndex(id: id) != nil }) {
            lines.append("area \(id): " + presence { $0.definition.areaIndex(id: id) != nil })
        }
        var questionIds: [String] = []
        for season in seasons {
            for question in season.definition.questions where !questionIds.contains(question.id) {
                questionIds.append(question.id)
            }
        }
        for id in questionIds {
            let has = seasons.filter { $0.definition.questionIndex(id: id) != nil }
            if has.count < seasons.count {
                lines.append("question \(id): " + presence { $0.definition.questionIndex(id: id) != nil })
            }
        }
        lines += typeChanges(seasons)
        // Weights compared over the scored areas both seasons have.
        func weights(_ definition: SeasonDefinition) -> [String: Double] {
            Dictionary(
                uniqueKeysWithValues: definition.areas.filter { $0.weight > 0 }.map { ($0.id.lowercased(), $0.weight) })
        }
        let last = weights(seasons[seasons.count - 1].definition)
        for season in seasons.dropLast()
        where weights(season.definition).contains(where: { last[$0.key] != nil && last[$0.key] != $0.value }) {
            let areas = season.definition.areas.map { "\($0.id) \(NumberText.compact($0.weight))" }
            lines.append(
                "\(season.name) weighs its areas differently (" + areas.joined(separator: ", ")
                    + "); each inquiry keeps its own season's scores")
        }
        return lines
    }
}

enum NumberText {
    static func compact(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
