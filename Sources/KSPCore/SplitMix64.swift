import Foundation

/// A small, fast, seedable generator (Steele, Lea & Flood's SplitMix64), the same on every platform.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
    /// Uniform in [0, 1).
    public mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }
    /// Standard normal (Box–Muller).
    public mutating func normal() -> Double {
        let radiusDraw = max(uniform(), 1e-300)
        let angleDraw = uniform()
        return (-2 * log(radiusDraw)).squareRoot() * cos(2 * Double.pi * angleDraw)
    }
    /// Fisher–Yates with this generator, so shuffles are the same on every platform.
    public mutating func shuffle<T>(_ elements: inout [T]) {
        guard elements.count > 1 else { return }
        for i in stride(from: elements.count - 1, to: 0, by: -1) {
            let j = Int(next() % UInt64(i + 1))
            elements.swapAt(i, j)
        }
    }
}
