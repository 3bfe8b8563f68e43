import Foundation

/// A lazily filled cache that a value-typed Season can share (written once, then only read).
final class OrderCache: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Int]?
    var value: [Int]? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

/// A participant: a company measured in the season.
public struct Participant: Sendable, Hashable {
    public var id: String
    public var name: String
    public var className: String
    /// Index into `Season.classes`.
    public var classIndex: Int
}

/// One season among those loaded: its name, where it came from and how it is scored.
public struct SeasonInfo: Sendable {
    public var name: String
    public var directory: String
    public var definition: SeasonDefinition
    /// Day number of its first inquiry (days since 1970), the origin of `season_day`.
    public var firstDay: Int?
    /// Where its own CX questions (by `metric:` tag) are among the loaded questions: seasons side by
    /// side may tag different question ids, and `nps` etc. follow each season's tag.
    public var metricQuestions: [CXMetric: Int] = [:]
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
    /// Warnings found beyond the `warnings` kept (those are capped; the rest are only counted).
    public var warningsNotKept = 0
    /// Every warning found while loading, kept or not.
    public var warningTotal: Int { warnings.count + warningsNotKept }
    /// The seasons loaded side by side (one, unless combined by `SeasonCombiner`), in load order.
    public var seasons: [SeasonInfo] = []
    /// What differs between the combined seasons' questionnaires (for `.schema`).
    public var schemaDifferences: [String] = []

    public var name: String { definition.name }

    /// Participant indices in Norwegian alphabetical order of their names (worked out once).
    public var participantsByName: [Int] {
        if let cached = participantOrder.value { return cached }
        let keys = participants.map { NorwegianCollation.key($0.name) }
        let order = participants.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }
        participantOrder.value = order
        return order
    }
    let participantOrder = OrderCache()

    public func participantIndex(named text: String) -> Int? {
        let key = text.lowercased()
        return participants.firstIndex { $0.name.lowercased() == key }
            ?? participants.firstIndex { $0.id.lowercased() == key }
    }

    public func classIndex(named text: String) -> Int? {
        let key = text.lowercased()
        return classes.firstIndex { $0.lowercased() == key }
    }

    /// First and last contact date.
    public var dateRange: (first: CivilDate, last: CivilDate)? {
        guard let earliest = inquiries.contactedAt.min(), let latest = inquiries.contactedAt.max() else { return nil }
        return (LocalDateTime(secondsSinceEpoch: earliest).date, LocalDateTime(secondsSinceEpoch: latest).date)
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
    public func id(_ inquiry: Int) -> String {
        String(decoding: idArena[Int(idOffsets[inquiry])..<Int(idOffsets[inquiry + 1])], as: UTF8.self)
    }
    public var participant: [Int32] = []
    public var channel: [UInt8] = []
    public var shopper: [Int32] = []
    /// Local wall-clock seconds since 1970 (see `LocalDateTime`).
    public var contactedAt: [Int64] = []
    /// Local wall-clock seconds, or `Int64.min` when never answered.
    public var answeredAt: [Int64] = []
    public var attempts: [UInt8] = []
    /// The raw answers (yes/no 1/0, scale value, choice points) as codes: not applicable where the question
    /// does not apply or the inquiry counts as no answer.
    public var answers = AnswerColumns(questions: [])
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
    /// Derived once at load for grouping and filtering: the participant's class, the contact day
    /// (days since 1970), month (`year × 12 + month − 1`) and ISO week (`year × 100 + week`).
    public var classIndex: [Int32] = []
    public var day: [Int32] = []
    public var month: [Int32] = []
    public var week: [Int32] = []
    /// Which loaded season an inquiry belongs to, and its day counted from that season's first inquiry.
    public var season: [UInt16] = []
    public var seasonDay: [Int32] = []

    /// Marks every inquiry as of one season and counts its days from that season's first.
    mutating func deriveSeason(_ index: Int) -> Int? {
        season = [UInt16](repeating: UInt16(clamping: index), count: count)
        let first = day.min().map(Int.init)
        seasonDay = day.map { $0 - Int32(first ?? 0) }
        return first
    }

    mutating func deriveCalendarAndClass(participants: [Participant]) {
        classIndex = participant.map { Int32(participants[Int($0)].classIndex) }
        day = contactedAt.map { Int32(LocalDateTime(secondsSinceEpoch: $0).dayNumber) }
        // A season spans some hundreds of days: their months and weeks are worked out once into a table
        // over the span, and each inquiry's looked up by its day (no hashing per inquiry).
        if let first = day.min(), let last = day.max(), Int(last) - Int(first) < 100_000 {
            let monthAndWeek = (Int(first)...Int(last)).map(InquiryColumns.monthAndWeek)
            month = day.map { monthAndWeek[Int($0 - first)].0 }
            week = day.map { monthAndWeek[Int($0 - first)].1 }
            return
        }
        var monthOfDay: [Int32: (Int32, Int32)] = [:]
        month = []
        week = []
        month.reserveCapacity(count)
        week.reserveCapacity(count)
        for contactDay in day {
            if let (monthKey, weekKey) = monthOfDay[contactDay] {
                month.append(monthKey)
                week.append(weekKey)
                continue
            }
            let monthAndWeek = InquiryColumns.monthAndWeek(dayNumber: Int(contactDay))
            monthOfDay[contactDay] = monthAndWeek
            month.append(monthAndWeek.0)
            week.append(monthAndWeek.1)
        }
    }

    /// A day's month (year × 12 + month − 1) and ISO week (ISO year × 100 + week).
    static func monthAndWeek(dayNumber: Int) -> (Int32, Int32) {
        let date = CivilDate(dayNumber: dayNumber)
        let iso = date.isoWeek
        return (Int32(date.year * 12 + date.month - 1), Int32(iso.year * 100 + iso.week))
    }

    /// The raw answer, NaN = not applicable.
    @inline(__always) public func raw(_ inquiry: Int, _ question: Int) -> Double {
        answers.value(inquiry, question)
    }
    @inline(__always) public func areaScore(_ inquiry: Int, _ area: Int) -> Double {
        areaScores[inquiry &* areaCount &+ area]
    }
    public func contacted(_ inquiry: Int) -> LocalDateTime { LocalDateTime(secondsSinceEpoch: contactedAt[inquiry]) }
}
