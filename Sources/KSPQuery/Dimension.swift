import KSPCore
import Foundation

/// What inquiries can be grouped, crossed, compared and filtered by.
public enum Dimension: String, CaseIterable, Sendable {
    case `class`, participant, channel, shopper, month, week, attempts, season

    public static let names = Dimension.allCases.map(\.rawValue)

    /// Norwegian words a consultant may type for the same thing.
    static let aliases: [String: Dimension] = [
        "klasse": .class, "bransje": .class, "deltaker": .participant, "kanal": .channel, "kontaktmåte": .channel,
        "observatør": .shopper, "måned": .month, "uke": .week, "forsøk": .attempts, "sesong": .season,
    ]

    public static func named(_ text: String) -> Dimension? {
        Dimension(rawValue: text.lowercased()) ?? aliases[text.lowercased()]
    }

    /// The group key of an inquiry: an index or a sortable code.
    @inline(__always) public func key(_ i: Int, _ s: Season) -> Int {
        switch self {
        case .class: return Int(s.inquiries.classIndex[i])
        case .participant: return Int(s.inquiries.participant[i])
        case .channel: return Int(s.inquiries.channel[i])
        case .shopper: return Int(s.inquiries.shopper[i])
        case .month: return s.seasons.count > 1 ? Dimension.seasonMonth(Int(s.inquiries.month[i]), s) : Int(s.inquiries.month[i])
        case .week: return Int(s.inquiries.week[i])
        case .attempts: return Int(s.inquiries.attempts[i])
        case .season: return Int(s.inquiries.season[i])
        }
    }

    /// With several seasons loaded, months are the months of a season (November of every season
    /// together), counted from the month the latest season starts in.
    static func seasonMonth(_ monthKey: Int, _ s: Season) -> Int {
        let start = s.seasons.last?.firstDay.map { CivilDate(dayNumber: $0).month - 1 } ?? 0
        return ((monthKey % 12) - start + 12) % 12
    }

    static let monthNames = ["jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"]

    /// The keys of many inquiries at once, read through buffers (the hot path of grouping).
    public func keys(_ inquiries: [Int], _ s: Season) -> [Int] {
        func gather<T: BinaryInteger>(_ column: [T]) -> [Int] {
            column.withUnsafeBufferPointer { b in inquiries.map { Int(b[$0]) } }
        }
        switch self {
        case .class: return gather(s.inquiries.classIndex)
        case .participant: return gather(s.inquiries.participant)
        case .channel: return gather(s.inquiries.channel)
        case .shopper: return gather(s.inquiries.shopper)
        case .week: return gather(s.inquiries.week)
        case .attempts: return gather(s.inquiries.attempts)
        case .season: return gather(s.inquiries.season)
        case .month:
            if s.seasons.count > 1 {
                return s.inquiries.month.withUnsafeBufferPointer { months in
                    inquiries.map { Dimension.seasonMonth(Int(months[$0]), s) }
                }
            }
            return gather(s.inquiries.month)
        }
    }

    /// How a key is shown: participants by name, channels by id, months as `2024-01`, weeks as `2024-W03`.
    public func label(_ key: Int, _ s: Season) -> String {
        switch self {
        case .class: return s.classes[key]
        case .participant: return s.participants[key].name
        case .channel: return s.definition.channels[key].id
        case .shopper: return s.shoppers[key]
        case .month:
            if s.seasons.count > 1 {
                let start = s.seasons.last?.firstDay.map { CivilDate(dayNumber: $0).month - 1 } ?? 0
                return Dimension.monthNames[(key + start) % 12]
            }
            return "\(key / 12)-\(pad2(key % 12 + 1))"
        case .week: return "\(key / 100)-W\(pad2(key % 100))"
        case .attempts: return String(key)
        case .season: return s.seasons.indices.contains(key) ? s.seasons[key].name : String(key)
        }
    }

    /// The order rows appear in: classes and participants alphabetically (Norwegian), channels as
    /// season.yaml lists them, time and attempts in order.
    public func sortRank(_ s: Season) -> (Int) -> Int {
        switch self {
        case .participant:
            let order = s.participantsByName
            var rank = [Int](repeating: 0, count: s.participants.count)
            for (r, p) in order.enumerated() { rank[p] = r }
            return { rank[$0] }
        case .shopper:
            let order = s.shoppers.indices.sorted { s.shoppers[$0].localizedStandardCompare(s.shoppers[$1]) == .orderedAscending }
            var rank = [Int](repeating: 0, count: s.shoppers.count)
            for (r, p) in order.enumerated() { rank[p] = r }
            return { rank[$0] }
        default: return { $0 }
        }
    }

    /// Every value a filter may name, for suggestions and completion.
    public func candidates(_ s: Season) -> [String] {
        switch self {
        case .class: return s.classes
        case .participant: return s.participants.map(\.name)
        case .channel: return s.definition.channels.flatMap { [$0.id] + $0.aliases }
        case .shopper: return s.shoppers
        case .month, .week, .attempts: return []
        case .season: return s.seasons.map(\.name)
        }
    }

    /// Resolves a typed value to a key, or explains what was expected.
    public func resolve(_ value: Located<Literal>, _ s: Season) throws(EvaluationError) -> Int {
        let text = value.value.text.trimmingCharacters(in: .whitespaces)
        func missing(_ what: String) -> EvaluationError {
            let near = Suggest.nearest(text, in: candidates(s))
            return EvaluationError(value.range, "no \(what) \"\(Token.clip(text))\"", hint: near.map { "did you mean \(quoteIfNeeded($0))?" })
        }
        switch self {
        case .class:
            guard let k = s.classIndex(named: text) else { throw missing("class") }
            return k
        case .participant:
            guard let k = s.participantIndex(named: text) else { throw missing("participant") }
            return k
        case .channel:
            guard let k = s.definition.channelIndex(named: text) else { throw missing("channel") }
            return k
        case .shopper:
            guard let k = s.shoppers.firstIndex(where: { $0.lowercased() == text.lowercased() }) else { throw missing("shopper") }
            return k
        case .season:
            // By name (KSP 2024), directory (ksp2024) or year (2024).
            let key = text.lowercased()
            if let k = s.seasons.firstIndex(where: { $0.name.lowercased() == key }) { return k }
            if let k = s.seasons.firstIndex(where: { ($0.directory as NSString).lastPathComponent.lowercased() == key }) { return k }
            if key.count == 4, key.allSatisfy(\.isNumber), let k = s.seasons.lastIndex(where: { $0.name.contains(key) || $0.directory.hasSuffix(key) }) { return k }
            throw missing("season")
        case .month where s.seasons.count > 1:
            guard let m = Dimension.monthNames.firstIndex(of: String(text.lowercased().prefix(3))) else {
                throw EvaluationError(value.range, "expected a month like nov or jan (several seasons are loaded), found \"\(Token.clip(text))\"")
            }
            let start = s.seasons.last?.firstDay.map { CivilDate(dayNumber: $0).month - 1 } ?? 0
            return (m - start + 12) % 12
        case .month:
            let parts = text.split(separator: "-")
            guard parts.count == 2, let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m), (1...9999).contains(y) else {
                throw EvaluationError(value.range, "expected a month like 2024-01, found \"\(Token.clip(text))\"")
            }
            return y * 12 + m - 1
        case .week:
            let parts = text.uppercased().split(separator: "-")
            guard parts.count == 2, let y = Int(parts[0]), parts[1].hasPrefix("W"), let w = Int(parts[1].dropFirst()), (1...53).contains(w) else {
                throw EvaluationError(value.range, "expected a week like 2024-W03, found \"\(Token.clip(text))\"")
            }
            return y * 100 + w
        case .attempts:
            guard let a = Int(text), a == 1 || a == 2 else { throw EvaluationError(value.range, "expected 1 or 2 attempts, found \"\(Token.clip(text))\"") }
            return a
        }
    }
}

/// Quotes a name that holds spaces, as it must be typed in a statement.
public func quoteIfNeeded(_ s: String) -> String {
    s.contains(where: { $0 == " " || $0 == "," || $0 == "(" || $0 == ")" }) ? "\"\(s)\"" : s
}

@inline(__always) func pad2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
