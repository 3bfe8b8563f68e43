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

    public init(_ s: Season) {
        name = s.name
        var perClass = [Int](repeating: 0, count: s.classes.count)
        for p in s.participants { perClass[p.classIndex] += 1 }
        participantsPerClass = s.classes.enumerated().map { ($1, perClass[$0]) }
        var perChannel = [Int](repeating: 0, count: s.definition.channels.count)
        for c in s.inquiries.channel { perChannel[Int(c)] += 1 }
        inquiriesPerChannel = s.definition.channels.enumerated().map { ($1.id, perChannel[$0]) }
        participants = s.participants.count
        inquiries = s.inquiries.count
        shoppers = Set(s.inquiries.shopper).count
        questions = s.definition.questions.count
        firstDate = s.dateRange?.first
        lastDate = s.dateRange?.last
    }

    public var dateRangeText: String {
        guard let a = firstDate, let b = lastDate else { return "no inquiries" }
        return "\(a) – \(b)"
    }

    /// The report of `ksp check`.
    public var report: String {
        var lines = ["\(name): \(participants) participants in \(participantsPerClass.count) classes, \(inquiries) inquiries, \(shoppers) shoppers, \(questions) questions",
                     "dates: \(dateRangeText)", "", "participants per class:"]
        let width = participantsPerClass.map { $0.className.count }.max() ?? 0
        for (c, n) in participantsPerClass {
            lines.append("  " + c + String(repeating: " ", count: width - c.count) + "  " + String(n))
        }
        lines.append("")
        lines.append("inquiries per channel:")
        let cw = inquiriesPerChannel.map { $0.channel.count }.max() ?? 0
        for (c, n) in inquiriesPerChannel {
            lines.append("  " + c + String(repeating: " ", count: cw - c.count) + "  " + String(n))
        }
        return lines.joined(separator: "\n")
    }
}
