import Foundation

/// `drivers`: which predictors (areas or questions) move an outcome, by relative weights over the
/// complete cases, with bootstrap intervals of each share (issue 14).
public struct DriverInput: Sendable {
    /// One value per row (an inquiry); NaN = missing.
    public var outcome: [Double]
    /// One column per predictor, each with one value per row; NaN = missing.
    public var predictors: [[Double]]
    public var names: [String]

    public init(outcome: [Double], predictors: [[Double]], names: [String]) {
        self.outcome = outcome
        self.predictors = predictors
        self.names = names
    }
}

public struct DriverRow: Sendable, Equatable {
    /// The predictor's index in `DriverInput.predictors`.
    public var predictor: Int
    public var name: String
    /// Raw relative weight: the predictor's part of R².
    public var weight: Double
    /// `weight` as a share of R², in %.
    public var share: Double
    /// 95 % bootstrap interval of `share` (nil when too few resamples could be scored).
    public var shareLow: Double?
    public var shareHigh: Double?
    /// Correlation with the outcome.
    public var correlation: Double
    /// Mean of the predictor over the rows used (its performance, in points).
    public var performance: Double
}

public struct DriverResult: Sendable {
    /// Predictors kept, in the input's order.
    public var rows: [DriverRow]
    public var rSquared: Double
    /// Rows with the outcome and every predictor present (complete cases), and the rest.
    public var used: Int
    public var leftOut: Int
    /// Predictors left out, with why (no variance, perfectly collinear).
    public var dropped: [(name: String, reason: String)]
    public var rounds: Int
    /// How the intervals were resampled: the inquiries themselves, or on a large base the correlations' normal
    /// approximation.
    public var route: ResamplingRoute
    /// Set when the outcome is the same in all but a few complete cases: then no share has an interval.
    public var rareOutcome: RareOutcome? = nil
}

public struct DriverError: Error, Sendable, Equatable {
    public var message: String
    public var hint: String?
}

public enum DriverAnalysis {
    public static let minimumCases = 30
    public static let casesPerPredictor = 10

    public static func run(_ input: DriverInput, outcomeName: String, rounds: Int, seed: UInt64)
        throws(DriverError) -> DriverResult
    {
        let rowCount = input.outcome.count
        // The columns are read through pointers from here on: one that is short would be read past its end.
        guard input.predictors.allSatisfy({ $0.count == rowCount }) else {
            throw DriverError(message: "every predictor needs one value per row of the outcome", hint: nil)
        }
        let complete = completeCases(input)
        // The complete cases are read where they are, through their rows (nil where every row is complete, as
        // for areas): each predictor gathered into an array of its own cost more than the rest of the preparation.
        let completeRows: [Int]? = complete.count == rowCount ? nil : complete
        let outcome = completeRows.map { $0.map { input.outcome[$0] } } ?? input.outcome
        // An outcome that all but a few cases share gives no intervals (RareOutcome): no rounds are drawn.
        let rareOutcome = RareOutcome(outcome)
        let rounds = rareOutcome == nil ? rounds : 0
        try checkCount(complete.count, predictors: input.predictors.count, outcomeName: outcomeName)
        let outcomeMoments = ColumnMoments(outcome)
        let moments = input.predictors.map { ColumnMoments($0, rows: completeRows) }
        guard outcomeMoments.standardDeviation > 0 else {
            throw DriverError(
                message: "\(outcomeName) has the same value in all \(complete.count) complete cases: "
                    + "nothing to explain", hint: "try a broader where clause")
        }
        var dropped: [(name: String, reason: String)] = []
        var varying: [Int] = []
        for p in input.predictors.indices {
            if moments[p].standardDeviation > 0 {
                varying.append(p)
            } else {
                dropped.append((input.names[p], "no variance (the same value in every complete case)"))
            }
        }
        guard !varying.isEmpty else {
            throw DriverError(message: "no predictor varies over the \(complete.count) complete cases", hint: nil)
        }
        var cases = CompleteCases(
            varying.map { input.predictors[$0] }, outcome: input.outcome, completeRows: completeRows,
            moments: varying.map { moments[$0] } + [outcomeMoments])
        let kept = independent(varying, correlations: cases.whole.predictors, names: input.names, dropped: &dropped)
        try checkCount(complete.count, predictors: kept.count, outcomeName: outcomeName)
        if kept.count < varying.count {
            cases = CompleteCases(
                kept.map { input.predictors[$0] }, outcome: input.outcome, completeRows: completeRows,
                moments: kept.map { moments[$0] } + [outcomeMoments])
        }
        let whole = cases.whole
        guard let point = RelativeWeights.compute(correlations: whole.predictors, withOutcome: whole.outcome) else {
            throw DriverError(message: "the predictors' correlations cannot be decomposed", hint: nil)
        }
        let (shares, route) =
            rounds > 0 ? cases.shares(rounds: rounds, seed: seed) : (kept.map { _ in [] }, ResamplingRoute.rows)
        var rows: [DriverRow] = []
        for (k, p) in kept.enumerated() {
            let sorted = shares[k].sorted()
            let enough = sorted.count >= max(1, rounds / 2)
            let highIndex = min(sorted.count - 1, Int(Double(sorted.count) * 0.975))
            rows.append(
                DriverRow(
                    predictor: p, name: input.names[p], weight: point.weights[k], share: point.shares[k],
                    shareLow: enough ? sorted[Int(Double(sorted.count) * 0.025)] : nil,
                    shareHigh: enough ? sorted[highIndex] : nil,
                    correlation: whole.outcome[k],
                    performance: moments[p].mean))
        }
        return DriverResult(
            rows: rows, rSquared: point.rSquared, used: complete.count,
            leftOut: rowCount - complete.count, dropped: dropped, rounds: rounds, route: route,
            rareOutcome: rareOutcome)
    }

    /// The rows with the outcome and every predictor, in order.
    static func completeCases(_ input: DriverInput) -> [Int] {
        var present = input.outcome.map { !$0.isNaN }
        for column in input.predictors {
            for (row, value) in column.enumerated() where value.isNaN { present[row] = false }
        }
        return present.indices.filter { present[$0] }
    }

    /// The predictors (of `candidates`, in order) that those kept before them do not explain completely: an
    /// incremental Cholesky of their correlations (`correlations`, row-major over the candidates) finds each
    /// perfectly collinear one, which is left out with a note.
    static func independent(
        _ candidates: [Int], correlations: [Double], names: [String],
        dropped: inout [(name: String, reason: String)]
    ) -> [Int] {
        var kept: [Int] = []
        var keptPositions: [Int] = []
        var cholesky: [[Double]] = []
        for (position, p) in candidates.enumerated() {
            var row: [Double] = []
            for (k, other) in cholesky.enumerated() {
                let dot = zip(row, other).reduce(0) { $0 + $1.0 * $1.1 }
                row.append((correlations[keptPositions[k] * candidates.count + position] - dot) / other[k])
            }
            let pivot = 1 - row.reduce(0) { $0 + $1 * $1 }
            if pivot < 1e-9 {
                let others = kept.map { names[$0] }.joined(separator: ", ")
                dropped.append((names[p], "perfectly collinear with \(others)"))
                continue
            }
            row.append(pivot.squareRoot())
            cholesky.append(row)
            kept.append(p)
            keptPositions.append(position)
        }
        return kept
    }

    static func checkCount(_ cases: Int, predictors: Int, outcomeName: String) throws(DriverError) {
        let needed = max(minimumCases, casesPerPredictor * predictors)
        guard cases < needed else { return }
        throw DriverError(
            message: "only \(cases) complete cases (answered inquiries with \(outcomeName) "
                + "and every one of "
                + "the \(predictors) predictors); drivers needs at least \(needed) "
                + "(\(minimumCases), and \(casesPerPredictor) per predictor)",
            hint: "try drivers on areas instead of questions, or a broader where clause")
    }

    /// Shares of R² (%) per predictor over the bootstrap rounds whose correlations could be decomposed, each
    /// round resampling the rows (each drawn with replacement, as many as there are).
    static func bootstrapShares(_ data: Standardized, rounds: Int, seed: UInt64) -> [[Double]] {
        sharesOverRounds(rounds: rounds, seed: seed, predictors: data.width - 1) {
            var counts = [Int32](repeating: 0, count: data.rows)
            return { rng in
                for k in counts.indices { counts[k] = 0 }
                for _ in 0..<data.rows { counts[Int(rng.next() % UInt64(data.rows))] += 1 }
                return data.resampledCorrelations(counts)
            }
        }
    }

    /// Shares of R² (%) per predictor over the rounds whose correlations could be decomposed. Each round draws
    /// its own generator from the seed and its number, so the rounds can run on several cores and the same seed
    /// still gives the same intervals; `drawer` makes one round drawer per core (with its own scratch space);
    /// `near`, eigenvectors to start each round's decomposition from.
    static func sharesOverRounds(
        rounds: Int, seed: UInt64, predictors: Int, near: [Double]? = nil,
        drawer: @escaping @Sendable () -> (inout SplitMix64) -> (predictors: [Double], outcome: [Double])
    ) -> [[Double]] {
        let results = RoundResults(rounds: rounds)
        let chunks = max(1, min(rounds, ProcessInfo.processInfo.activeProcessorCount * 2))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let draw = drawer()
            for round in stride(from: chunk, to: rounds, by: chunks) {
                var rng = SplitMix64(seed: seed &+ UInt64(round) &* 0xD1B5_4A32_D192_ED03)
                let (predictors, outcome) = draw(&rng)
                results.store(
                    round, RelativeWeights.sharesOfARound(correlations: predictors, withOutcome: outcome, near: near))
            }
        }
        return results.byPredictor(predictors)
    }
}

/// Per-round results written from several threads (each round once).
final class RoundResults: @unchecked Sendable {
    private let lock = NSLock()
    private var shares: [[Double]?]

    init(rounds: Int) { shares = [[Double]?](repeating: nil, count: rounds) }

    func store(_ round: Int, _ value: [Double]?) {
        lock.withLock { shares[round] = value }
    }

    func byPredictor(_ count: Int) -> [[Double]] {
        lock.withLock {
            (0..<count).map { p in shares.compactMap { $0?[p] } }
        }
    }
}

/// Predictors and outcome centred and scaled, row-major with the outcome last, for resampling.
struct Standardized: Sendable {
    /// A variance this small, of a variable whose variance over every row is 1, is rounding.
    static let negligibleVariance = 1e-9

    let rows: Int
    let width: Int
    let values: [Double]

    /// The values `columns[c][completeRows[r]]` and `outcome[completeRows[r]]` (nil: every row); `moments`: each
    /// column's over those rows, then the outcome's.
    init(columns: [[Double]], outcome: [Double], completeRows selected: [Int]?, moments: [ColumnMoments]) {
        let all = columns + [outcome]
        rows = selected?.count ?? outcome.count
        width = all.count
        let rows = rows
        let width = width
        let means = moments.map(\.mean)
        let spreads = moments.map(\.spread)
        // Written a block of rows at a time, through a pointer: column by column over every row, each write
        // landed on a cache line of its own (a quarter of `drivers` at 100×); a block's rows stay in the cache while
        // each column fills its cells.
        let block = 1024
        self.values = [Double](unsafeUninitializedCapacity: rows * width) { values, initialized in
            for start in stride(from: 0, to: rows, by: block) {
                let end = min(start + block, rows)
                for c in 0..<width {
                    let mean = means[c]
                    let spread = spreads[c]
                    all[c].withUnsafeBufferPointer { column in
                        if let selected {
                            for r in start..<end {
                                values.initializeElement(at: r &* width &+ c, to: (column[selected[r]] - mean) / spread)
                            }
                        } else {
                            for r in start..<end {
                                values.initializeElement(at: r &* width &+ c, to: (column[r] - mean) / spread)
                            }
                        }
                    }
                }
            }
            initialized = rows * width
        }
    }

    /// The correlations over every row once.
    func correlations() -> (predictors: [Double], outcome: [Double]) {
        correlations([Int32](repeating: 1, count: rows))
    }

    func resampledCorrelations(_ counts: [Int32]) -> (predictors: [Double], outcome: [Double]) {
        let result = correlations(counts)
        return (result.predictors, result.outcome)
    }

    /// Correlations over the rows, each counted `counts[row]` times.
    private func correlations(_ counts: [Int32]) -> (predictors: [Double], outcome: [Double]) {
        // The hot loop of the bootstrap: raw buffers and locals only (every index is below rows × width).
        let sums = UnsafeMutableBufferPointer<Double>.allocate(capacity: width)
        let products = UnsafeMutableBufferPointer<Double>.allocate(capacity: width * width)
        defer {
            sums.deallocate()
            products.deallocate()
        }
        sums.initialize(repeating: 0)
        products.initialize(repeating: 0)
        let width = self.width
        // Rows drawn at least once, with their counts; taken four at a time so that every running sum is
        // loaded and stored once per four rows. Each sum still adds its rows one after another, in row
        // order, so the result is the same to the last bit as adding row by row.
        var drawn: [(row: Int, weight: Double)] = []
        drawn.reserveCapacity(counts.count)
        for r in 0..<counts.count where counts[r] > 0 { drawn.append((r, Double(counts[r]))) }
        let total = drawn.reduce(0.0) { $0 + $1.weight }
        values.withUnsafeBufferPointer { data in
            var next = 0
            while next + 4 <= drawn.count {
                let (w0, w1, w2, w3) = (
                    drawn[next].weight, drawn[next + 1].weight, drawn[next + 2].weight,
                    drawn[next + 3].weight
                )
                let (b0, b1, b2, b3) = (
                    drawn[next].row &* width, drawn[next + 1].row &* width,
                    drawn[next + 2].row &* width, drawn[next + 3].row &* width
                )
                for a in 0..<width {
                    let wa0 = w0 * data[b0 &+ a]
                    let wa1 = w1 * data[b1 &+ a]
                    let wa2 = w2 * data[b2 &+ a]
                    let wa3 = w3 * data[b3 &+ a]
                    sums[a] = sums[a] + wa0 + wa1 + wa2 + wa3
                    let row = a &* width
                    for b in a..<width {
                        products[row &+ b] =
                            products[row &+ b] + wa0 * data[b0 &+ b] + wa1 * data[b1 &+ b] + wa2 * data[b2 &+ b]
                            + wa3 * data[b3 &+ b]
                    }
                }
                next += 4
            }
            while next < drawn.count {
                let weight = drawn[next].weight
                let base = drawn[next].row &* width
                for a in 0..<width {
                    let wa = weight * data[base &+ a]
                    sums[a] += wa
                    let row = a &* width
                    for b in a..<width { products[row &+ b] += wa * data[base &+ b] }
                }
                next += 1
            }
        }
        return Standardized.correlations(
            sums: UnsafeBufferPointer(sums), products: UnsafeBufferPointer(products), total: total, width: width)
    }

    /// The predictors' correlations with each other (row-major) and with the outcome (the last variable), from
    /// each variable's sum and each pair's sum of products (`products[a × width + b]`, b ≥ a) over `total` rows.
    static func correlations(
        sums: UnsafeBufferPointer<Double>, products: UnsafeBufferPointer<Double>, total: Double, width: Int
    ) -> (predictors: [Double], outcome: [Double]) {
        var covariance = [Double](repeating: 0, count: width * width)
        for a in 0..<width {
            for b in a..<width {
                let value = products[a * width + b] / total - sums[a] / total * sums[b] / total
                covariance[a * width + b] = value
                covariance[b * width + a] = value
            }
        }
        let size = width - 1
        var predictors = [Double](repeating: 0, count: size * size)
        var outcome = [Double](repeating: 0, count: size)
        // The variables are standardised over every row (variance 1). A resample in which one of them is the same
        // in every drawn row has no variance; what is left of it is rounding (±1e-20), and correlations divided
        // by its root would be noise: they are NaN instead (`RelativeWeights.sharesOfARound`).
        let constant = (0..<width).map { !(covariance[$0 * width + $0] > Standardized.negligibleVariance) }
        for a in 0..<size {
            for b in 0..<size {
                predictors[a * size + b] =
                    constant[a] || constant[b]
                    ? .nan
                    : covariance[a * width + b] / (covariance[a * width + a] * covariance[b * width + b]).squareRoot()
            }
            let spread = (covariance[a * width + a] * covariance[size * width + size]).squareRoot()
            outcome[a] = constant[a] || constant[size] ? .nan : covariance[a * width + size] / spread
        }
        return (predictors, outcome)
    }
}
