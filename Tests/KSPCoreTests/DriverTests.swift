import Foundation
import Testing

@testable import KSPCore

/// `drivers`: relative weights checked against numpy (Tests/Fixtures/relative_weights/relative_weights.py
/// wrote data.csv and expected.json), and the rules for bad input.
@Suite("Drivers: relative weights")
struct DriverTests {
    struct Expected: Decodable {
        var weights: [Double]
        var rSquared: Double
        var correlations: [Double]
        var shares: [Double]

        enum CodingKeys: String, CodingKey {
            case weights
            case rSquared = "r_squared"
            case correlations
            case shares
        }
    }

    static let directory = Fixtures.root.appendingPathComponent("relative_weights")

    static func fixture() throws -> (input: DriverInput, expected: Expected) {
        let text = try String(contentsOf: directory.appendingPathComponent("data.csv"), encoding: .utf8)
        let rows = text.split(separator: "\n").dropFirst().map { $0.split(separator: ",").compactMap { Double($0) } }
        let predictors = (0..<4).map { c in rows.map { $0[c] } }
        let input = DriverInput(outcome: rows.map { $0[4] }, predictors: predictors, names: ["x1", "x2", "x3", "x4"])
        let json = try Data(contentsOf: directory.appendingPathComponent("expected.json"))
        return (input, try JSONDecoder().decode(Expected.self, from: json))
    }

    @Test func weightsMatchNumpy() throws {
        let (input, expected) = try Self.fixture()
        let result = try DriverAnalysis.run(input, outcomeName: "y", rounds: 200, seed: 1)
        #expect(result.used == 80)
        #expect(result.leftOut == 0)
        #expect(approx(result.rSquared, expected.rSquared, 1e-9))
        for (k, row) in result.rows.enumerated() {
            #expect(approx(row.weight, expected.weights[k], 1e-9))
            #expect(approx(row.share, expected.shares[k], 1e-7))
            #expect(approx(row.correlation, expected.correlations[k], 1e-9))
        }
        #expect(approx(result.rows.reduce(0) { $0 + $1.weight }, result.rSquared, 1e-12))
        #expect(approx(result.rows.reduce(0) { $0 + $1.share }, 100, 1e-9))
    }

    @Test func intervalsHoldTheShareAndFollowTheSeed() throws {
        let (input, _) = try Self.fixture()
        let first = try DriverAnalysis.run(input, outcomeName: "y", rounds: 300, seed: 42)
        let again = try DriverAnalysis.run(input, outcomeName: "y", rounds: 300, seed: 42)
        let other = try DriverAnalysis.run(input, outcomeName: "y", rounds: 300, seed: 43)
        #expect(first.rows == again.rows)
        #expect(first.rows.map(\.shareLow) != other.rows.map(\.shareLow))
        for row in first.rows {
            let low = try #require(row.shareLow)
            let high = try #require(row.shareHigh)
            #expect(low <= row.share + 5 && row.share - 5 <= high && low < high)
        }
    }

    @Test func incompleteRowsAreLeftOutAndCounted() throws {
        var (input, _) = try Self.fixture()
        input.predictors[2][0] = .nan
        input.outcome[5] = .nan
        let result = try DriverAnalysis.run(input, outcomeName: "y", rounds: 50, seed: 1)
        #expect(result.used == 78)
        #expect(result.leftOut == 2)
    }

    @Test func tooFewCasesIsAClearError() throws {
        var (input, _) = try Self.fixture()
        input.outcome = input.outcome.enumerated().map { $0.offset < 39 ? $0.element : .nan }
        #expect(
            throws: DriverError(
                message: "only 39 complete cases (answered inquiries with y and every one of the 4 "
                    + "predictors); drivers needs at least 40 (30, and 10 per predictor)",
                hint: "try drivers on areas instead of questions, or a broader where clause")
        ) {
            try DriverAnalysis.run(input, outcomeName: "y", rounds: 10, seed: 1)
        }
    }

    @Test func constantAndCollinearPredictorsAreNamedAndLeftOut() throws {
        var (input, expected) = try Self.fixture()
        input.predictors.append([Double](repeating: 100, count: 80))
        input.predictors.append(zip(input.predictors[0], input.predictors[2]).map { 2 * $0 - $1 + 3 })
        input.names += ["flat", "mix"]
        let result = try DriverAnalysis.run(input, outcomeName: "y", rounds: 50, seed: 1)
        #expect(result.rows.map(\.name) == ["x1", "x2", "x3", "x4"])
        #expect(result.dropped.map(\.name) == ["flat", "mix"])
        #expect(
            result.dropped.map(\.reason) == [
                "no variance (the same value in every complete case)",
                "perfectly collinear with x1, x2, x3, x4",
            ])
        #expect(approx(result.rSquared, expected.rSquared, 1e-9))
        #expect(result.rows.allSatisfy { !$0.share.isNaN && !($0.shareLow ?? 0).isNaN })
    }

    @Test func constantOutcomeIsAnError() throws {
        var (input, _) = try Self.fixture()
        input.outcome = [Double](repeating: 7, count: 80)
        #expect(
            throws: DriverError(
                message: "y has the same value in all 80 complete cases: nothing to explain",
                hint: "try a broader where clause")
        ) {
            try DriverAnalysis.run(input, outcomeName: "y", rounds: 10, seed: 1)
        }
    }

    /// An outcome that all but a few cases share: the shares are given, their intervals are not (a resample without
    /// those cases is dropped, so the rest would all hold them and look precise), and no rounds are drawn.
    @Test func anOutcomeOffItsCommonValueInAFewCasesGetsNoIntervals() throws {
        var (input, _) = try Self.fixture()
        input.outcome = (0..<80).map { $0 % 9 == 4 ? 0 : 100 }
        let rare = try DriverAnalysis.run(input, outcomeName: "y", rounds: 200, seed: 1)
        #expect(rare.rareOutcome == RareOutcome(input.outcome))
        #expect(rare.rounds == 0)
        #expect(rare.route == .rows)
        #expect(rare.rareOutcome?.deviating == 9)
        #expect(rare.rows.allSatisfy { $0.shareLow == nil && $0.shareHigh == nil && !$0.share.isNaN })
        // One more case off 100: ten, enough for intervals.
        input.outcome[1] = 50
        let enough = try DriverAnalysis.run(input, outcomeName: "y", rounds: 200, seed: 1)
        #expect(enough.rareOutcome == nil)
        #expect(enough.rows.allSatisfy { $0.shareLow != nil && $0.shareHigh != nil })
    }

    /// The most common value found by majority vote, wherever the rare cases lie.
    @Test func theRareSideIsCountedWhereverItLies() {
        #expect(RareOutcome([1, 2, 2, 2, 2, 2, 2, 3])?.deviating == 2)
        #expect(RareOutcome([5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 0])?.deviating == 1)
        #expect(RareOutcome([0] + [Double](repeating: 3, count: 20))?.deviating == 1)
        #expect(RareOutcome((0..<40).map { Double($0 % 2) }) == nil)
        #expect(RareOutcome((0..<40).map { Double($0) }) == nil)
    }

    /// A column's moments over some of its rows, read where they are, have the bits of the moments over those rows
    /// gathered into an array: the same additions in the same order.
    @Test func momentsOverRowsAreThoseOfTheRowsGathered() {
        let values: [Double] = (0..<1000).map { (k: Int) -> Double in
            let spread = Double((k * 7919) % 1013)
            return 0.1 * spread + 1e-3 * Double(k)
        }
        let rows = (0..<1000).filter { $0 % 3 != 1 }
        let read = ColumnMoments(values, rows: rows)
        let gathered = ColumnMoments(rows.map { values[$0] })
        #expect(read.count == 667)
        #expect(read.mean.bitPattern == gathered.mean.bitPattern)
        #expect(read.squares.bitPattern == gathered.squares.bitPattern)
        // By hand: the moments of 1, 2, 4 are mean 7/3 and squares 16/9 + 1/9 + 25/9 = 42/9.
        let small = ColumnMoments([9, 1, 2, 9, 4], rows: [1, 2, 4])
        #expect(abs(small.mean - 7.0 / 3) < 1e-15)
        #expect(abs(small.squares - 42.0 / 9) < 1e-14)
        #expect(abs(small.standardDeviation - (21.0 / 9).squareRoot()) < 1e-14)
    }

    /// The standardised complete cases read through their rows are, bit for bit, those of the rows gathered: over
    /// 3 000 rows (the values are written 1024 rows at a time) with every seventh row left out.
    @Test func standardisedRowsReadWhereTheyAreAreThoseGathered() {
        let columns: [[Double]] = (0..<3).map { c in
            (0..<3_000).map { (r: Int) -> Double in Double((r * (c + 3) * 7919) % 101) / 7 }
        }
        let outcome: [Double] = (0..<3_000).map { Double(($0 * 31) % 17) }
        let rows = (0..<3_000).filter { $0 % 7 != 3 }
        let read = Standardized(
            columns: columns, outcome: outcome, completeRows: rows,
            moments: (columns + [outcome]).map { ColumnMoments($0, rows: rows) })
        let gatheredColumns = columns.map { column in rows.map { column[$0] } }
        let gatheredOutcome = rows.map { outcome[$0] }
        let gathered = Standardized(
            columns: gatheredColumns, outcome: gatheredOutcome, completeRows: nil,
            moments: (gatheredColumns + [gatheredOutcome]).map(ColumnMoments.init))
        #expect(read.rows == rows.count)
        #expect(read.width == 4)
        #expect(read.values.map(\.bitPattern) == gathered.values.map(\.bitPattern))
        // By hand: the outcome of the first complete row (row 0) is 0, below its mean: a negative standard score.
        #expect(read.values[3] < 0)
    }
}
