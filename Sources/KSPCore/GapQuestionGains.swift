import Dispatch

extension GapRescorer {
    /// Each question's gain before dividing by the inquiries: over the own answered inquiries (their points
    /// `points`, one row of the loaded questions each, their wait points and totals as they stand), the change
    /// of the total when the question's points become the target's mean, added up in the inquiries' order.
    ///
    /// The inquiries are the outer loop (one inquiry's area sums serve all its questions), and each question's
    /// gain still adds its inquiries in their order, so it has the bits of adding question by question. Many
    /// replacements (a large participant: 2 300 inquiries × 25 questions at 100×) are shared out between the
    /// two cores by question, every other question to each: a question's gain is added by one core only, in the
    /// same order, so the bits are the same.
    func gains(
        replacing replacements: [(question: Int, mean: Double)], points: [Double], waits: [Double], totals: [Double],
        halvesFrom: Int = 20_000
    )
        -> [Double]
    {
        let stride = questionWeight.count
        let parts = totals.count * replacements.count >= halvesFrom ? 2 : 1
        var gainsPerPart = [[Double]](repeating: [Double](repeating: 0, count: replacements.count), count: parts)
        let areaCount = areaWeight.count
        gainsPerPart.withUnsafeMutableBufferPointer { gainsPerPart in
            // Each part writes only its own gains.
            nonisolated(unsafe) let perPart = gainsPerPart
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                var scratch = Scratch(areaCount: areaCount)
                var combination = Combination(areaCount: areaCount)
                var gains = [Double](repeating: 0, count: replacements.count)
                points.withUnsafeBufferPointer { points in
                    for k in totals.indices {
                        let row = UnsafeBufferPointer(rebasing: points[k * stride..<(k + 1) * stride])
                        // The area sums as they stand (the total is `totals[k]`, the same inputs and bits).
                        _ = total(row, wait: waits[k], &scratch)
                        prepare(scratch, &combination)
                        for r in Swift.stride(from: part, to: replacements.count, by: parts) {
                            let (question, mean) = replacements[r]
                            if row[question].isNaN { continue }
                            // The inquiry with this question's points replaced by the target's mean.
                            let replaced = total(
                                replacing: question, with: mean, in: row, wait: waits[k], combination: combination)
                            gains[r] += replaced - totals[k]
                        }
                    }
                }
                perPart[part] = gains
            }
        }
        return replacements.indices.map { gainsPerPart[$0 % parts][$0] }
    }
}
