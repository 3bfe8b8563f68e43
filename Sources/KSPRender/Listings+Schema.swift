import KSPCore
import KSPQuery

extension Listings {
    /// `.schema`: each season's scored areas and channels' wait rules, and what differs between seasons.
    public static func schema(_ season: Season, width: Int, unicode: Bool) -> String {
        let renderer = TableRenderer(width: width, unicode: unicode)
        guard season.seasons.count > 1 else {
            return TerminalSafeText.escapedKeepingLines(schema(of: season.definition, renderer))
        }
        // Each season is scored by its own weights and wait rules: shown one season at a time.
        var text = "seasons loaded: " + season.seasons.map(\.name).joined(separator: ", ")
        for info in season.seasons { text += "\n\n" + schema(of: info.definition, renderer) }
        text +=
            season.schemaDifferences.isEmpty
            ? "\n\nthe seasons' questionnaires are the same"
            : "\n\nwhat differs between them:\n" + season.schemaDifferences.map { "  " + $0 }.joined(separator: "\n")
        return TerminalSafeText.escapedKeepingLines(text)
    }

    /// One season's scored areas (with their share of its total) and its channels' wait rules.
    public static func schema(of definition: SeasonDefinition, _ renderer: TableRenderer) -> String {
        let settings =
            "second attempt factor \(definition.secondAttemptFactor); "
            + "awards need \(definition.minInquiriesForAward) inquiries; timezone \(definition.timezone)"
        return "\(definition.name): scored areas (share of the total), and the channels' wait rules\n"
            + renderer.render(areaTable(definition)) + "\n"
            + renderer.render(channelTable(definition)) + "\n" + settings
    }

    /// One season's channels and their wait rules (`.schema`).
    public static func channelTable(_ definition: SeasonDefinition) -> ResultTable {
        let columns = ["channel", "name", "aliases", "clock", "limit", "attempts", "brackets"]
        return ResultTable(
            columns: columns.map { ResultColumn($0, isDimension: $0 != "attempts") },
            rows: definition.channels.map { channel in
                let brackets = channel.brackets.map {
                    "≤\(WaitDuration.format(seconds: $0.bound)): \(NumberFormat.decimals($0.points, 0))"
                }
                return [
                    .text(channel.id), .text(channel.name), .text(channel.aliases.joined(separator: ", ")),
                    .text(channel.clock.rawValue), .text(WaitDuration.format(seconds: channel.limit)),
                    .count(channel.attempts), .text(brackets.joined(separator: ", ")),
                ]
            })
    }
}
