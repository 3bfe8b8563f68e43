import Foundation
import KSPCore

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
    @inline(__always) public func key(_ inquiry: Int, _ season: Season) -> Int {
        switch self {
        case .class: return Int(season.inquiries.classIndex[inquiry])
        case .participant: return Int(season.inquiries.participant[inquiry])
        case .channel: return Int(season.inquiries.channel[inquiry])
        case .shopper: return Int(season.inquiries.shopper[inquiry])
        case .month:
            return season.seasons.count > 1
                ? Dimension.seasonMonth(Int(season.inquiries.month[inquiry]), season)
                : Int(season.inquiries.month[inquiry])
        case .week: return Int(season.inquiries.week[inquiry])
        case .attempts: return Int(season.inquiries.attempts[inquiry])
        case .season: return Int(season.inquiries.season[inquiry])
        }
    }

    /// With several seasons loaded, months are the months of a season (November of every season
    /// together), counted from the month the latest season starts in.
    static func seasonMonth(_ monthKey: Int, _ season: Season) -> Int {
        let start = season.seasons.last?.firstDay.map { CivilDate(dayNumber: $0).month - 1 } ?? 0
        return ((monthKey % 12) - start + 12) % 12
    }

    static let monthNames = ["jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"]

    /// The keys of many inquiries at once, read through buffers (the hot path of grouping).
    public func keys(_ inquiries: [Int], _ season: Season) -> [Int] {
        func gather<T: BinaryInteger>(_ column: [T]) -> [Int] {
            column.withUnsafeBufferPointer { buffer in inquiries.map { Int(buffer[$0]) } }
        }
        switch self {
        case .class: return gather(season.inquiries.classIndex)
        case .participant: return gather(season.inquiries.participant)
        case .channel: return gather(season.inquiries.channel)
        case .shopper: return gather(season.inquiries.shopper)
        case .week: return gather(season.inquiries.week)
        case .attempts: return gather(season.inquiries.attempts)
        case .season: return gather(season.inquiries.season)
        case .month:
            if season.seasons.count > 1 {
                return season.inquiries.month.withUnsafeBufferPointer { months in
                    inquiries.map { Dimension.seasonMonth(Int(months[$0]), season) }
                }
            }
            return gather(season.inquiries.month)
        }
    }

    /// How a key is shown: participants by name, channels by id, months as `2024-01`, weeks as `2024-W03`.
    public func label(_ key: Int, _ season: Season) -> String {
        switch self {
        case .class: return season.classes[key]
        case .participant: return season.participants[key].name
        case .channel: return season.definition.channels[key].id
        case .shopper: return season.shoppers[key]
        case .month:
            if season.seasons.count > 1 {
                let start = season.seasons.last?.firstDay.map { CivilDate(dayNumber: $0).month - 1 } ?? 0
                return Dimension.monthNames[(key + start) % 12]
            }
            return "\(key / 12)-\(pad2(key % 12 + 1))"
        case .week: return "\(key / 100)-W\(pad2(key % 100))"
        case .attempts: return String(key)
        case .season: return season.seasons.indices.contains(key) ? season.seasons[key].name : String(key)
        }
    }

    /// The order rows appear in: classes and participants alphabetically (Norwegian), channels as
    /// season.yaml lists them, time and attempts in order.
    public func sortRank(_ season: Season) -> (Int) -> Int {
        switch self {
        case .participant:
            let order = season.participantsByName
            var rank = [Int](repeating: 0, count: season.participants.count)
            for (position, participant) in order.enumerated() { rank[participant] = position }
            return { rank[$0] }
        case .shopper:
            let order = season.shoppers.indices.sorted {
                season.shoppers[$0].localizedStandardCompare(season.shoppers[$1]) == .orderedAscending
            }
            var rank = [Int](repeating: 0, count: season.shoppers.count)
            for (position, shopper) in order.enumerated() { rank[shopper] = position }
            return { rank[$0] }
        default: return { $0 }
        }
    }

    /// Every value a filter may name, for suggestions and completion.
    public func candidates(_ season: Season) -> [String] {
        switch self {
        case .class: return season.classes
        case .participant: return season.participants.map(\.name)
        case .channel: return season.definition.channels.flatMap { [$0.id] + $0.aliases }
        case .shopper: return season.shoppers
        case .month, .week, .attempts: return []
        case .season: return season.seasons.map(\.name)
        }
    }

    /// Resolves a typed value to a key, or explains what was expected.
    public func resolve(_ value: Located<Literal>, _ season: Season) throws(EvaluationError) -> Int {
        let text = value.value.text.trimmingCharacters(in: .whitespaces)
        func missing(_ what: String) -> EvaluationError {
            let near = Suggest.nearest(text, in: candidates(season))
            return EvaluationError(
                value.range, "no \(what) \"\(Token.clip(text))\"",
                hint: near.map { "did you mean \(quoteIfNeeded($0))?" })
        }
        switch self {
        case .class:
            guard let key = season.classIndex(named: text) else { throw missing("class") }
            return key
        case .participant:
            guard let key = season.participantIndex(named: text) else { throw missing("participant") }
            return key
        case .channel:
            guard let key = season.definition.channelIndex(named: text) else { throw missing("channel") }
            return key
        case .shopper:
            guard let key = season.shoppers.firstIndex(where: { $0.lowercased() == text.lowercased() }) else {
                throw missing("shopper")
            }
            return key
        case .season:
            // By name (KSP 2024), directory (ksp2024) or year (2024).
            let typed = text.lowercased()
            if let index = season.seasons.firstIndex(where: { $0.name.lowercased() == typed }) { return index }
            if let index = season.seasons.firstIndex(where: {
                ($0.directory as NSString).lastPathComponent.lowercased() == typed
            }) {
                return index
            }
            if typed.count == 4, typed.allSatisfy(\.isNumber),
                let index = season.seasons.lastIndex(where: { $0.name.contains(typed) || $0.directory.hasSuffix(typed) }
                )
            {
                return index
            }
            throw missing("season")
        case .month where season.seasons.count > 1:
            guard let month = Dimension.monthNames.firstIndex(of: String(text.lowercased().prefix(3))) else {
                throw EvaluationError(
                    value.range,
                    "expected a month like nov or jan (several seasons are loaded), found \"\(Token.clip(text))\"")
            }
            let start = season.seasons.last?.firstDay.map { CivilDate(dayNumber: $0).month - 1 } ?? 0
            return (month - start + 12) % 12
        case .month:
            let parts = text.split(separator: "-")
            guard parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month),
                (1...9999).contains(year)
            else {
                throw EvaluationError(value.range, "expected a month like 2024-01, found \"\(Token.clip(text))\"")
            }
            return year * 12 + month - 1
        case .week:
            let parts = text.uppercased().split(separator: "-")
            guard parts.count == 2, let year = Int(parts[0]), parts[1].hasPrefix("W"),
                let week = Int(parts[1].dropFirst()), (1...53).contains(week)
            else {
                throw EvaluationError(value.range, "expected a week like 2024-W03, found \"\(Token.clip(text))\"")
            }
            return year * 100 + week
        case .attempts:
            guard let attempts = Int(text), attempts == 1 || attempts == 2 else {
                throw EvaluationError(value.range, "expected 1 or 2 attempts, found \"\(Token.clip(text))\"")
            }
            return attempts
        }
    }
}

/// Quotes a name that holds spaces, as it must be typed in a statement.
public func quoteIfNeeded(_ name: String) -> String {
    name.contains(where: { $0 == " " || $0 == "," || $0 == "(" || $0 == ")" }) ? "\"\(name)\"" : name
}

@inline(__always) func pad2(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
