import Foundation
import KSPCore
import KSPTestSupport
import Testing

@testable import KSPQuery

/// A question's mean adds its points one by one in the inquiries' order, also where the answers are
/// counted by code: a 1–4 scale's thirds added in turn give 31.249…, shown 31.2, where count × points would
/// give 31.25, shown 31.3 (found by differential testing against the release before issue 17's changes).
@Suite("Question means in the inquiries' order")
struct QuestionMeanOrderTests {
    /// Q4 (1–4) answers of Alfa and Q7 (1–7) answers of Beta; each mean is 31.25 in exact arithmetic.
    static let q4 = [3, 2, 1, 3, 2, 1, 3, 2, 1, 2, 2, 1, 1, 2, 3, 2]
    static let q7 = [1, 3, 2, 4, 4, 4, 1, 5, 1, 4, 1, 1, 1, 3, 4, 1, 3, 3, 2, 2, 7, 5, 2, 5]

    func withSeason<T>(_ body: (Season) throws -> T) throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ksp-order-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let yaml = """
            season: Orden 2024
            channels:
              phone: {name: Telefon, limit: 5m, attempts: 1, brackets: [[5m, 100]]}
            areas:
              - {id: wait, name: Vent, weight: 5, kind: wait}
              - {id: agent, name: Agent, weight: 95}
            questions:
              - {id: Q4, area: agent, type: scale, min: 1, max: 4, text: "En til fire"}
              - {id: Q7, area: agent, type: scale, min: 1, max: 7, text: "En til sju"}

            """
        try yaml.write(to: directory.appendingPathComponent("season.yaml"), atomically: true, encoding: .utf8)
        try "id,name,class\np1,Alfa,K\np2,Beta,K\n"
            .write(to: directory.appendingPathComponent("participants.csv"), atomically: true, encoding: .utf8)
        var lines = ["id,participant,channel,shopper,contacted_at,answered_at,attempts,Q4,Q7"]
        let answers = Self.q4.map { ("p1", "\($0),") } + Self.q7.map { ("p2", ",\($0)") }
        for (k, (participant, cells)) in answers.enumerated() {
            let day = String(format: "%02d", 1 + k % 28)
            lines.append("i\(k),\(participant),phone,S\(k),2024-01-\(day)T10:00:00,2024-01-\(day)T10:00:30,1,\(cells)")
        }
        try (lines.joined(separator: "\n") + "\n")
            .write(to: directory.appendingPathComponent("inquiries.csv"), atomically: true, encoding: .utf8)
        return try body(try SeasonLoader.load(directory: directory.path))
    }

    /// The mean as the points added in turn.
    static func inTurn(_ values: [Int], steps: Double) -> Double {
        values.map { Double($0 - 1) * (100 / steps) }.reduce(0, +) / Double(values.count)
    }

    @Test func questionMeansAddPointsInTurn() throws {
        let q4 = Self.inTurn(Self.q4, steps: 3)
        let q7 = Self.inTurn(Self.q7, steps: 6)
        // The exact mean is 31.25 (Σ(v − 1) = 15 of 16 thirds, 45 of 24 sixths); added in turn it falls just below.
        #expect(q4 == 31.249_999_999_999_996)
        #expect(q7 == 31.249_999_999_999_996)
        try withSeason { season in
            let table = try Evaluator(season: season).evaluate(try Parser.parse("questions"))
            #expect(table.number("Q4", "value") == q4)
            #expect(table.number("Q7", "value") == q7)
        }
    }
}
