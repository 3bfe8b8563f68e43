/// A question's points from its raw answer, for group figures: points = (raw − offset) × scale
/// (yes/no 0 or 100, a scale's min–max onto 0–100, a choice's cells already hold its points).
public struct QuestionPoints: Sendable {
    public let offset: Double
    public let scale: Double

    public init(_ type: QuestionType) {
        switch type {
        case .yesno:
            offset = 0
            scale = 100
        case .scale(let lowest, let highest):
            offset = Double(lowest)
            scale = 100 / Double(highest - lowest)
        case .choice:
            offset = 0
            scale = 1
        }
    }

    /// Raw values taken as they are (a metric that is not a question's points).
    public static let unchanged = QuestionPoints(offset: 0, scale: 1)

    private init(offset: Double, scale: Double) {
        self.offset = offset
        self.scale = scale
    }

    @inline(__always) public func points(_ raw: Double) -> Double { (raw - offset) * scale }
}
