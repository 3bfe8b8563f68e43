import Foundation
import KSPCore
import KSPTestSupport

/// A season written by hand in a test: one scored question whose option is the inquiry's total
/// (`p0` … `p100` in steps of 10), so that every total, mean and mix is computed by hand. The files
/// live in a temporary directory that is removed before `body` returns.
struct HandSeason {
    struct Inquiry {
        var participant: String
        var channel: String
        var shopper: String
        var total: Int
    }

    /// `(id, name, class)` per participant.
    var participants: [(id: String, name: String, className: String)]
    var inquiries: [Inquiry]
    var minInquiriesForAward = 1

    static let yamlHead = """
        channels:
          phone:     {name: Telefon, limit: 5m, attempts: 1, brackets: [[5m, 100]]}
          chat:      {name: Chat, limit: 5m, attempts: 1, brackets: [[5m, 100]]}
          email:     {name: E-post, limit: 5m, attempts: 1, brackets: [[5m, 100]]}
        areas:
          - {id: wait,  name: Ventetid, weight: 0, kind: wait}
          - {id: agent, name: Kundebehandleren, weight: 1}
        questions:
          - {id: Q1, area: agent, type: choice, text: "Poeng", options: {\(
            (0...10).map { "p\($0 * 10): \($0 * 10)" }.joined(separator: ", "))}}

        """

    func load<T>(_ body: (Season) throws -> T) throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ksp-hand-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let yaml = "season: Hand 2024\nmin_inquiries_for_award: \(minInquiriesForAward)\n" + HandSeason.yamlHead
        try yaml.write(to: directory.appendingPathComponent("season.yaml"), atomically: true, encoding: .utf8)
        let people = participants.map { "\($0.id),\($0.name),\($0.className)" }
        try (["id,name,class"] + people).joined(separator: "\n").appending("\n")
            .write(to: directory.appendingPathComponent("participants.csv"), atomically: true, encoding: .utf8)
        var lines = ["id,participant,channel,shopper,contacted_at,answered_at,attempts,Q1"]
        for (k, inquiry) in inquiries.enumerated() {
            // One inquiry a day from 8 January, each answered after 30 seconds.
            let day = 8 + k % 20
            let month = 1 + k / 20 % 3
            let date = "2024-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
            lines.append(
                "h\(k),\(inquiry.participant),\(inquiry.channel),\(inquiry.shopper),\(date)T10:00:00,"
                    + "\(date)T10:00:30,1,p\(inquiry.total)")
        }
        try lines.joined(separator: "\n").appending("\n")
            .write(to: directory.appendingPathComponent("inquiries.csv"), atomically: true, encoding: .utf8)
        return try body(try SeasonLoader.load(directory: directory.path))
    }
}

extension HandSeason.Inquiry {
    /// `n` inquiries of a participant on a channel by a shopper, each with the given total.
    static func repeated(
        _ participant: String, _ channel: String, _ totals: [Int], shopper: String = "S1"
    ) -> [HandSeason.Inquiry] {
        totals.map { HandSeason.Inquiry(participant: participant, channel: channel, shopper: shopper, total: $0) }
    }
}
