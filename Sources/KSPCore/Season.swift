/// A participant: a company measured in the season.
public struct Participant: Sendable, Hashable {
    public var id: String
    public var name: String
    public var className: String
    /// Index into `Season.classes`.
    public var classIndex: Int
}

/// One free-text comment of a shopper; `areaIndex` is nil for the general `comment` column.
public struct Comment: Sendable {
    public var inquiry: Int
    public var areaIndex: Int?
    public var text: String
}

/// A loaded and scored season, held column by column: one array per field of the inquiries,
/// with every per-inquiry score computed once at load (scoring rules 1–5).
public struct Season: Sendable {
    public var definition: SeasonDefinition
    /// Where it was loaded from (empty for seasons built in memory).
    public var directory: String
    public var participants: [Participant]
    /// Distinct class names, sorted the Norwegian way (Å last).
    public var classes: [String]
    public var shoppers: [String]
    public var inquiries: InquiryColumns
    public var comments: [Comment]
    public var warnings: [SeasonDiagnostic]

    public var name: String { definition.name }

    public func participantIndex(named text: String) -> Int? {
        let key = text.lowercased()
        return participants.firstIndex { $0.name.lowercased() == key } ?? participants.firstIndex { $0.id.lowercased() == key }
    }

    public func classIndex(named text: String) -> Int? {
        let key = text.lowercased()
        return classes.firstIndex { $0.lowercased() == key }
    }

    /// First and last contact date.
    public var dateRange: (first: CivilDate, last: CivilDate)? {
        guard let lo = inquiries.contactedAt.min(), let hi = inquiries.contactedAt.max() else { return nil }
        return (LocalDateTime(secondsSinceEpoch: lo).date, LocalDateTime(secondsSinceEpoch: hi).date)
    }
}

/// The inquiries of a season as columns. Missing values are NaN (scores, raw answers) or -1.
public struct InquiryColumns: Sendable {
    public var count: Int = 0
    public var questionCount: Int = 0
    public var areaCount: Int = 0
    /// Inquiry ids as read, back to back (half a million Strings would cost a tenth of a second to make):
    /// id i is `idArena[idOffsets[i] ..< idOffsets[i + 1]]`.
    public var idArena: [UInt8] = []
    public var idOffsets: [Int32] = [0]
    public var ids: [String] { (0..<count).map(id) }
    public func id(_ i: Int) -> String { String(decoding: idArena[Int(idOffsets[i])..<Int(idOffsets[i + 1])], as: UTF8.self) }
    public var participant: [Int32] = []
    public var channel: [UInt8] = []
    public var shopper: [Int32] = []
    /// Local wall-clock seconds since 1970 (see `LocalDateTime`).
    public var contactedAt: [Int64] = []
    /// Local wall-clock seconds, or `Int64.min` when never answered.
    public var answeredAt: [Int64] = []
    public var attempts: [UInt8] = []
    /// Row-major `count × questionCount`: the raw answer (yes/no 1/0, scale value, choice points), NaN = not applicable
    /// or the inquiry counts as no answer.
    public var raw: [Double] = []
    /// Whether the inquiry counts as answered (answered_at given and the wait within the channel's limit).
    public var answered: [Bool] = []
    /// Wait in seconds on the channel's clock; NaN when never answered.
    public var waitSeconds: [Double] = []
    /// Row-major `count × areaCount`: area scores (rules 2–3), NaN = undefined.
    public var areaScores: [Double] = []
    /// Inquiry total (rule 5).
    public var total: [Double] = []
    /// Source line in inquiries.csv.
    public var line: [Int32] = []

    @inline(__always) public func raw(_ inquiry: Int, _ question: Int) -> Double { raw[inquiry &* questionCount &+ question] }
    @inline(__always) public func areaScore(_ inquiry: Int, _ area: Int) -> Double { areaScores[inquiry &* areaCount &+ area] }
    public func contacted(_ i: Int) -> LocalDateTime { LocalDateTime(secondsSinceEpoch: contactedAt[i]) }
}
