import Foundation
import KSPCore
import KSPTestSupport
import Testing

@testable import KSPQuery

/// Under the null — participant labels shuffled within their class, so every true difference is zero —
/// how often ksp still shows a finding. Each test draws its groups with a fixed seed from the sample
/// season's real answers and must stay at or below 5 % plus three simulation standard errors
/// (√(0.05 · 0.95 / simulations)); before issue 15 these rates were 34 % (compare), 64 % (the report's
/// questions) and about 40 % (table markers).
@Suite("Null simulations: no finding where there is none")
struct NullSimulationTests {
    static let sample: Season? = try? SeasonLoader.load(
        directory: Fixture.root.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("samples/ksp2024").path)

    /// The inquiries of one class, and its participants' sizes (the groups a shuffle keeps).
    static func classPool(_ season: Season, named name: String) -> (inquiries: [Int], sizes: [Int]) {
        guard let classIndex = season.classIndex(named: name) else { return ([], []) }
        var perParticipant: [Int: Int] = [:]
        var inquiries: [Int] = []
        for inquiry in 0..<season.inquiries.count where Int(season.inquiries.classIndex[inquiry]) == classIndex {
            inquiries.append(inquiry)
            perParticipant[Int(season.inquiries.participant[inquiry]), default: 0] += 1
        }
        return (inquiries, perParticipant.keys.sorted().compactMap { perParticipant[$0] })
    }

    static func limit(_ simulations: Int) -> Double {
        0.05 + 3 * (0.05 * 0.95 / Double(simulations)).squareRoot()
    }

    /// How often a participant-sized group of the shuffled class, compared with the rest on `metrics`,
    /// shows a star (p adjusted over the metrics below 0.05).
    static func starRate(_ season: Season, metrics: [Metric], seed: UInt64, simulations: Int) throws -> Double {
        let evaluator = Evaluator(season: season)
        let pool = classPool(season, named: "Bank")
        var random = SplitMix64(seed: seed)
        var withStar = 0
        for _ in 0..<simulations {
            let shuffled = pool.inquiries.shuffled(using: &random)
            let size = pool.sizes[0]
            let comparison = try evaluator.comparison(
                metrics, Array(shuffled.prefix(size)), Array(shuffled.dropFirst(size)))
            if comparison.lines.contains(where: { ($0.pAdjusted ?? 1) < 0.05 }) { withStar += 1 }
        }
        return Double(withStar) / Double(simulations)
    }

    @Test func compareOfAParticipantWithTheRestOfItsClass() throws {
        let season = try #require(Self.sample)
        let metrics = Evaluator(season: season).defaultCompareMetrics()
        let rate = try Self.starRate(season, metrics: metrics, seed: 15, simulations: 300)
        #expect(rate <= Self.limit(300), "compare showed a star in \(rate) of null comparisons")
    }

    /// The report stars a question by its p adjusted over every question compared.
    @Test func reportQuestionsFurthestFromTheClass() throws {
        let season = try #require(Self.sample)
        let questions = season.definition.questions.indices.map(Metric.question)
        let rate = try Self.starRate(season, metrics: questions, seed: 16, simulations: 200)
        #expect(rate <= Self.limit(200), "the report starred a question in \(rate) of null reports")
    }

    /// A group table of a shuffled class: 11 "participants" × total and every area (one family of
    /// 11 × 5 tests), as `total, areas by participant where class = "Åpen klasse"` would test it.
    /// With Welch's t per cell this came to 11.5 % even with Holm over the table: on skewed scores a
    /// small group's spread moves with its mean; the pooled-variance t holds (3 % at this seed).
    @Test func tableMarkersOverAWholeTable() throws {
        let season = try #require(Self.sample)
        let evaluator = Evaluator(season: season)
        let pool = Self.classPool(season, named: "Åpen klasse")
        let definition = season.definition
        let metrics =
            [Metric.total]
            + definition.areas.indices.filter { definition.areas[$0].weight > 0 }.map {
                Metric.area($0)
            }
        var random = SplitMix64(seed: 17)
        let simulations = 400
        var withMarker = 0
        for _ in 0..<simulations {
            var shuffled = pool.inquiries.shuffled(using: &random)[...]
            var groups: [[Int]] = []
            for size in pool.sizes {
                groups.append(Array(shuffled.prefix(size)))
                shuffled = shuffled.dropFirst(size)
            }
            var markers = TableMarkers()
            var table = ResultTable(
                columns: metrics.map { _ in ResultColumn("x") },
                rows: groups.map { _ in metrics.map { _ in Cell.text("") } })
            let accumulatorsPerGroup = groups.map { evaluator.accumulators(metrics, $0) }
            for (column, metric) in metrics.enumerated() {
                let parts = accumulatorsPerGroup.map { $0[column] }
                var whole = FigureAccumulator(metric, definition: definition)
                for part in parts { whole.merge(part) }
                let tests = Significance.partTests(parts, whole: whole, metric: metric, evaluator: evaluator)
                for (row, test) in tests.enumerated() {
                    if let test { markers.add(row: row, valueColumn: column, sigColumn: nil, test) }
                }
            }
            markers.apply(to: &table, family: .restOfTable)
            if table.rows.contains(where: { $0.contains { !$0.flags.isDisjoint(with: [.above, .below]) } }) {
                withMarker += 1
            }
        }
        let rate = Double(withMarker) / Double(simulations)
        #expect(rate <= Self.limit(simulations), "a null table had a marker in \(rate) of tables")
    }
}
