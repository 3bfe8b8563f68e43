import Foundation
import KSPCore
import KSPTestSupport
import Testing

@testable import KSPQuery

/// The column-at-a-time paths of issue 17 (filters as flags per inquiry, keys by table, areas row-wise)
/// give what the per-inquiry paths gave.
@Suite("Column passes")
struct ColumnPassTests {
    /// Alfa (Bank): chat 100, 40, phone 30; Beta (Bank): phone 60, 20; Gamma (Avis): email 70, 10.
    static let season = HandSeason(
        participants: [("a", "Alfa Bank", "Bank"), ("b", "Beta Bank", "Bank"), ("g", "Gamma", "Avis")],
        inquiries: HandSeason.Inquiry.repeated("a", "chat", [100, 40]) + HandSeason.Inquiry.repeated("a", "phone", [30])
            + HandSeason.Inquiry.repeated("b", "phone", [60, 20])
            + HandSeason.Inquiry.repeated("g", "email", [70, 10]))

    func passing(_ filter: String, _ season: Season) throws -> [Int] {
        guard case .select(let statement) = try Parser.parse("n where " + filter), let filter = statement.filter
        else {
            Issue.record("no filter parsed from \(filter)")
            return []
        }
        return try Evaluator(season: season).inquiries(passing: filter)
    }

    @Test func filtersCombineFlagsPerInquiry() throws {
        try Self.season.load { (season) throws in
            // Inquiries in file order: 0 a/chat/100, 1 a/chat/40, 2 a/phone/30, 3 b/phone/60, 4 b/phone/20,
            // 5 g/email/70, 6 g/email/10.
            #expect(try passing("total < 50", season) == [1, 2, 4, 6])
            #expect(try passing("total < 50 and channel != phone", season) == [1, 6])
            #expect(try passing("not (total < 50) or participant = \"Beta Bank\"", season) == [0, 3, 4, 5])
            #expect(try passing("class in (\"Avis\")", season) == [5, 6])
            #expect(try passing("channel not in (chat, email)", season) == [2, 3, 4])
            #expect(try passing("participant = \"Alfa Bank\" and total >= 40", season) == [0, 1])
        }
    }

    @Test func quotesKeepOnlyTheCommentsOfInquiriesThatPass() throws {
        try Self.season.load { (season) throws in
            let all = try Evaluator(season: season).run("quotes")
            let low = try Evaluator(season: season).run("quotes where total < 50")
            // The hand season has no comments: both are empty, and the filter does not trap.
            #expect(all.rows.isEmpty)
            #expect(low.rows.isEmpty)
        }
    }

    @Test func crosstabColumnsByDenseKeys() throws {
        let table = try Self.season.load { try Evaluator(season: $0).run("total by class across channel") }
        // Avis: email 40; Bank: phone (30 + 60 + 20) / 3 = 36.67, chat 70, all 250 / 5 = 50.
        #expect(table.number("Avis", "email") == 40)
        #expect(approx(table.number("Bank", "phone"), 110.0 / 3))
        #expect(table.number("Bank", "chat") == 70)
        #expect(table.number("Bank", "all") == 50)
        #expect(table.number("Bank", "email") == nil)
    }

    @Test func denseKeyIndexFindsPositionsByTableOrDictionary() {
        let small = DenseKeyIndex([5, 2, 9])
        #expect(small.position(of: 5) == 0)
        #expect(small.position(of: 2) == 1)
        #expect(small.position(of: 9) == 2)
        #expect(small.position(of: 3) == nil)
        #expect(small.position(of: -1) == nil)
        #expect(small.position(of: 10) == nil)
        // Keys far apart or negative: a dictionary.
        let wide = DenseKeyIndex([202_401, 5_000_000, -7])
        #expect(wide.position(of: 5_000_000) == 1)
        #expect(wide.position(of: -7) == 2)
        #expect(!wide.contains(0))
        #expect(DenseKeyIndex.distinct([3, 1, 3, 2, 1]).sorted() == [1, 2, 3])
        #expect(DenseKeyIndex.distinct([0, 1 << 40, 0]).sorted() == [0, 1 << 40])
        #expect(DenseKeyIndex.distinct([Int.min, Int.max]).sorted() == [Int.min, Int.max])
        #expect(DenseKeyIndex.distinct([]).isEmpty)
    }

    @Test func areasRowWiseGiveTheSameBitsAsOneAreaAtATime() {
        let season = GapDriversTests.sample
        let metrics = season.definition.areas.indices.map { Metric.area($0) } + [.total, .n, .noanswer]
        let inquiries = Array(stride(from: 0, to: season.inquiries.count, by: 3))
        let rowWise = FigureAccumulator.accumulators(metrics, over: inquiries, season)
        for (metric, accumulator) in zip(metrics, rowWise) {
            var one = FigureAccumulator(metric, definition: season.definition)
            one.add(inquiries, season)
            #expect(accumulator.figure == one.figure, "\(metric)")
        }
    }

    /// Mean points by counting codes give the same bits as adding each inquiry's points in turn (whole
    /// points: yes/no, choices, 1–5 scales) and the 1–7 scale (fractional points) is added in turn.
    @Test func gapMeanPointsByCountingCodesGiveTheSameBits() {
        let season = GapDriversTests.sample
        let rescorer = GapRescorer(season, scoring: season.definition)
        let inquiries = (0..<season.inquiries.count).filter { season.inquiries.answered[$0] }
        var sums = [Double](repeating: 0, count: season.definition.questions.count)
        var bases = [Int](repeating: 0, count: season.definition.questions.count)
        for inquiry in inquiries {
            for (q, points) in rescorer.points(of: inquiry).enumerated() where !points.isNaN {
                sums[q] += points
                bases[q] += 1
            }
        }
        let means = rescorer.meanPoints(inquiries)
        #expect(means.base == bases)
        for q in sums.indices {
            let expected = bases[q] > 0 ? sums[q] / Double(bases[q]) : nil
            #expect(means.question[q] == expected, "\(season.definition.questions[q].id)")
        }
    }

    /// Inquiries split by key keep their order within each key; keys out of range are left out.
    @Test func bucketsKeepTheInquiriesOrderPerKey() throws {
        try Self.season.load { (season) throws in
            let evaluator = Evaluator(season: season)
            let split = evaluator.buckets([10, 11, 12, 13, 14, 15], by: [2, 0, 2, -1, 0, 3], count: 3)
            #expect(split == [[11, 14], [], [10, 12]])
            #expect(evaluator.buckets([], by: [], count: 2) == [[], []])
        }
    }
}
