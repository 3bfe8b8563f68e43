import KSPCore

extension Dimension {
    /// How a chart names a group: charts always speak the season's words, so a channel is its name from
    /// season.yaml (Telefon, E-post), not the id typed in the statement; the chart's table keeps the ids.
    func chartLabel(_ label: String, _ season: Season) -> String {
        guard self == .channel, let channel = season.definition.channelIndex(named: label) else { return label }
        return season.definition.channels[channel].name
    }
}
