/// What a season holds, as `ksp check` and the shell's banner print it.
public struct SeasonSummary: Sendable {
    public var name: String
    public var participantsPerClass: [(className: String, count: Int)]
    public var inquiriesPerChannel: [(channel: String, count: Int)]
    public var participants: Int
    public var inquiries: Int
    public var shoppers: Int
    public var questions: Int
    public var firstDate: CivilDate?
    public var lastDate: CivilDate?

    public init(_ season: Season) {
        name = season.name
        var perClass = [Int](repeating: 0, count: season.classes.count)
        for participant in season.participants { perClass[participant.classIndex] += 1 }
        participantsPerClass = season.classes.enumerated().map { ($1, perClass[$0]) }
        var perChannel = [Int](repeating: 0, count: season.definition.channels.count)
        for channel in season.inquiries.channel { perChannel[Int(channel)] += 1 }
        inquiriesPerChannel = season.definition.channels.enumerated().map { ($1.id, perChannel[$0]) }
        participants = season.participants.count
        inquiries = season.inquiries.count
        shoppers = Set(season.inquiries.shopper).count
        questions = season.definition.questions.count
        firstDate = season.dateRange?.first
        lastDate = season.dateRange?.last
    }

    public var dateRangeText: String {
        guard let first = firstDate, let last = lastDate else { return "no inquiries" }
        return "\(first) – \(last)"
    }

    /// The report of `ksp check`.
    public var report: String {
        var lines = [
            "\(name): \(participants) participants in \(participantsPerClass.count) classes, \(inquiries) inquiries, \(shoppers) shoppers, \(questions) questions",
            "dates: \(dateRangeText)", "", "participants per class:",
        ]
        let width = participantsPerClass.map { $0.className.count }.max() ?? 0
        for (className, count) in participantsPerClass {
            lines.append(
                "  " + className + String(repeating: " ", count: width - className.count) + "  " + String(count))
        }
        lines.append("")
        lines.append("inquiries per channel:")
        let channelWidth = inquiriesPerChannel.map { $0.channel.count }.max() ?? 0
        for (channel, count) in inquiriesPerChannel {
            lines.append(
                "  " + channel + String(repeating: " ", count: channelWidth - channel.count) + "  " + String(count))
        }
        return lines.joined(separator: "\n")
    }
}
