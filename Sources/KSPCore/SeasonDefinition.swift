import Foundation

/// How a season is scored: the contents of season.yaml.
public struct SeasonDefinition: Sendable {
    public var name: String
    public var timezone: String
    public var minInquiriesForAward: Int
    public var secondAttemptFactor: Double
    public var channels: [Channel]
    public var areas: [Area]
    public var questions: [Question]
    /// season.yaml's `language:`; nil when it does not say (reports then speak `ReportLanguage.fallback`).
    public var language: ReportLanguage?

    public init(
        name: String, timezone: String = "Europe/Oslo", minInquiriesForAward: Int = 20,
        secondAttemptFactor: Double = 0.5, channels: [Channel], areas: [Area], questions: [Question],
        language: ReportLanguage? = nil
    ) {
        self.language = language
        self.name = name
        self.timezone = timezone
        self.minInquiriesForAward = minInquiriesForAward
        self.secondAttemptFactor = secondAttemptFactor
        self.channels = channels
        self.areas = areas
        self.questions = questions
    }

    /// Index of the one area with `kind: wait`.
    public var waitAreaIndex: Int? { areas.firstIndex { $0.kind == .wait } }

    public func areaIndex(id: String) -> Int? { areas.firstIndex { $0.id.lowercased() == id.lowercased() } }
    public func questionIndex(id: String) -> Int? { questions.firstIndex { $0.id.lowercased() == id.lowercased() } }

    /// A channel by id, alias or display name, any case.
    public func channelIndex(named text: String) -> Int? {
        let key = text.lowercased()
        return channels.firstIndex { $0.matches(key) }
    }

    /// The question behind a named CX metric (`csat`, `ces`, `nps`, `ves1`, `ves2`).
    public func questionIndex(metric: CXMetric) -> Int? { questions.firstIndex { $0.metric == metric } }

    /// The scored area with the highest weight: the first tie-breaker of the ranking (rule 7).
    public var highestWeightedAreaIndex: Int? {
        var best: Int?
        for (i, a) in areas.enumerated() where a.weight > 0 {
            if best == nil || a.weight > areas[best!].weight { best = i }
        }
        return best
    }
}

public enum Clock: String, Sendable { case wall, business }

public struct Channel: Sendable {
    public var id: String
    public var name: String
    public var aliases: [String]
    public var clock: Clock
    /// Longest wait in seconds that still counts as an answer.
    public var limit: Double
    public var attempts: Int
    /// `(upper bound in seconds, points)`, increasing bounds.
    public var brackets: [(bound: Double, points: Double)]

    public init(
        id: String, name: String, aliases: [String] = [], clock: Clock = .wall, limit: Double,
        attempts: Int, brackets: [(bound: Double, points: Double)]
    ) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.clock = clock
        self.limit = limit
        self.attempts = attempts
        self.brackets = brackets
    }

    func matches(_ lowercased: String) -> Bool {
        id.lowercased() == lowercased || name.lowercased() == lowercased
            || aliases.contains { $0.lowercased() == lowercased }
    }

    /// Wait points of an answered wait (rule 3), before the second-attempt factor.
    public func points(forWait seconds: Double) -> Double {
        for b in brackets where seconds <= b.bound { return b.points }
        return 0
    }
}

public enum AreaKind: String, Sendable { case questions, wait }

public struct Area: Sendable {
    public var id: String
    public var name: String
    /// Relative weight in the total; 0 = not scored.
    public var weight: Double
    public var kind: AreaKind

    public init(id: String, name: String, weight: Double, kind: AreaKind = .questions) {
        self.id = id
        self.name = name
        self.weight = weight
        self.kind = kind
    }
}

public enum CXMetric: String, CaseIterable, Sendable { case csat, ces, nps, ves1, ves2 }

public enum QuestionType: Sendable {
    case yesno
    case scale(min: Int, max: Int)
    /// Option text (lowercased, trimmed) → points, plus the options as written for display.
    case choice(options: [(text: String, points: Double)])
}

public struct Question: Sendable {
    public var id: String
    public var areaIndex: Int
    public var type: QuestionType
    public var weight: Double
    public var text: String
    public var metric: CXMetric?
    /// For a CX question (`better: lower` in season.yaml): a lower answer is the better one. KSP asks
    /// CES as "how easy was it" (higher is better, the default); a season asking about effort says so.
    public var lowerIsBetter = false

    public init(
        id: String, areaIndex: Int, type: QuestionType, weight: Double = 1, text: String, metric: CXMetric? = nil
    ) {
        self.id = id
        self.areaIndex = areaIndex
        self.type = type
        self.weight = weight
        self.text = text
        self.metric = metric
    }

    public var isYesNo: Bool { if case .yesno = type { return true } else { return false } }

    /// Points of a stored raw answer (rule 1). Raw values: yes/no 1/0, the scale value, a choice's points.
    @inline(__always) public func points(raw: Double) -> Double {
        switch type {
        case .yesno: return raw * 100
        case .scale(let min, let max): return (raw - Double(min)) / Double(max - min) * 100
        case .choice: return raw
        }
    }

    public enum CellError: Error, Equatable {
        case notYesNo, notANumber
        case outOfScale(min: Int, max: Int)
        case notAnOption([String])
    }

    /// Reads a cell's text into a raw value; nil for not applicable (empty, NA, N/A, -).
    public func raw(cell: String) -> Result<Double?, CellError> {
        let t = cell.trimmingCharacters(in: .whitespaces)
        if Question.isNotApplicable(t) { return .success(nil) }
        switch type {
        case .yesno:
            switch t.lowercased() {
            case "ja", "yes", "1": return .success(1)
            case "nei", "no", "0": return .success(0)
            default: return .failure(.notYesNo)
            }
        case .scale(let min, let max):
            guard let v = Double(t.replacingOccurrences(of: ",", with: ".")), v.isFinite else {
                return .failure(.notANumber)
            }
            guard v >= Double(min), v <= Double(max) else { return .failure(.outOfScale(min: min, max: max)) }
            return .success(v)
        case .choice(let options):
            let key = t.lowercased()
            if let o = options.first(where: { $0.text.lowercased() == key }) { return .success(o.points) }
            return .failure(.notAnOption(options.map(\.text)))
        }
    }

    public static func isNotApplicable(_ trimmed: String) -> Bool {
        trimmed.isEmpty || trimmed == "-" || trimmed.uppercased() == "NA" || trimmed.uppercased() == "N/A"
    }

    /// The raw answer shown for a CX metric (the scale value itself, e.g. 1–5 for CSAT).
    public var typeDescription: String {
        switch type {
        case .yesno: return "yes/no"
        case .scale(let min, let max): return "scale \(min)–\(max)"
        case .choice(let options): return "choice of \(options.count)"
        }
    }
}
