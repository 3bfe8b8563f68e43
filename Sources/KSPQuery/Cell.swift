/// One value of a result table, with what a reader is told about it (small base, a significant difference).
/// The renderers choose how that is shown: `*`, `▲`, `▼` on screen, words in the csv and json `_sig` columns.
public enum CellValue: Sendable, Equatable {
    case text(String)
    case number(Double?, NumberStyle)
    /// A 95 % interval (of a figure, or of a rank); nil when it cannot be computed.
    case interval(FigureInterval?, NumberStyle)
    /// The outcome of a significance test, for the machines' `_sig` columns.
    case significance(TestOutcome)
    /// compare's `sig` for people: how strongly a difference is significant after adjustment (nil: not), or
    /// why it was not tested.
    case significanceLevel(SignificanceLevel?, untested: UntestedReason?)
}

/// How small a test's p is: below 0.05 (`*`) or below 0.01 (`**`).
public enum SignificanceLevel: Sendable, Equatable {
    case significant
    case highlySignificant

    /// The level of a p; nil when p is 0.05 or more.
    public init?(p: Double) {
        if p < 0.01 {
            self = .highlySignificant
        } else if p < 0.05 {
            self = .significant
        } else {
            return nil
        }
    }
}

/// The low and high end of a 95 % interval.
public struct FigureInterval: Sendable, Equatable {
    public var low: Double
    public var high: Double

    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }
}

/// What a reader must be told beside a value.
public struct CellFlags: OptionSet, Sendable, Equatable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// Fewer answers than the minimum base: read with care (such figures are not tested).
    public static let smallBase = CellFlags(rawValue: 1 << 0)
    /// Significantly above the rest of its table or row.
    public static let above = CellFlags(rawValue: 1 << 1)
    /// Significantly below the rest of its table or row.
    public static let below = CellFlags(rawValue: 1 << 2)

    /// The flag of a base below the minimum.
    public static func smallBase(_ isSmall: Bool) -> CellFlags {
        isSmall ? .smallBase : []
    }
}

public struct Cell: Sendable, Equatable {
    public var value: CellValue
    public var flags: CellFlags

    public init(_ value: CellValue, flags: CellFlags = []) {
        self.value = value
        self.flags = flags
    }

    public static func text(_ s: String) -> Cell { Cell(.text(s)) }

    public static func number(_ v: Double?, _ style: NumberStyle, flags: CellFlags = []) -> Cell {
        Cell(.number(v, style), flags: flags)
    }

    public static func count(_ n: Int, flags: CellFlags = []) -> Cell { Cell(.number(Double(n), .count), flags: flags) }

    /// The number of a numeric cell (nil for text and for a missing value).
    public var number: Double? {
        if case .number(let value?, _) = value { return value }
        return nil
    }
}
