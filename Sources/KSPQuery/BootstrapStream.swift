import Foundation
import KSPCore

/// The random numbers of one bootstrap: SplitMix64's own draws for values resampled one by one, and standard
/// normals for resampled means drawn from their normal approximation, two from each Box–Muller draw (the
/// second kept for the next call: half the logarithms and square roots of `SplitMix64.normal`).
struct BootstrapStream {
    var random: SplitMix64
    private var spareNormal: Double?

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    mutating func normal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        let radius = (-2 * log(max(random.uniform(), 1e-300))).squareRoot()
        let angle = 2 * Double.pi * random.uniform()
        spareNormal = radius * sin(angle)
        return radius * cos(angle)
    }
}
