import KSPCore
import Foundation

/// How a number is written.
public enum NumberStyle: Sendable, Equatable {
    /// Scores and means: one decimal.
    case score
    /// A difference: one decimal with a sign.
    case difference
    /// Counts: whole numbers.
    case count
    /// Shares in per cent: one decimal.
    case percent
    /// Seconds, written as a duration (`1m 05s`) in tables and as seconds in csv/json.
    case seconds
    /// p-values: three decimals, `<0.001` below.
    case pValue
}

public enum CellValue: Sendable, Equatable {
    case text(String)
    case number(Double?, NumberStyle)
}

public struct Cell: Sendable, Equatable {
    public var value: CellValue
    /// A short marker shown after the value in table and markdown (`*` small base, `▲`/`▼`).
    public var mark: String?

    public init(_ value: CellValue, mark: String? = nil) { self.value = value; self.mark = mark }
    public static func text(_ s: String) -> Cell { Cell(.text(s)) }
    public static func number(_ v: Double?, _ style: NumberStyle, mark: String? = nil) -> Cell { Cell(.number(v, style), mark: mark) }
    public static func count(_ n: Int, mark: String? = nil) -> Cell { Cell(.number(Double(n), .count), mark: mark) }
}

public struct ResultColumn: Sendable, Equatable {
    /// The header in every format (csv and json keys too).
    public var name: String
    public var isDimension: Bool
    /// Which formats show the column: markers are for people (table, markdown), their
    /// machine-readable twins for csv and json.
    public var audience: Audience
    /// Long text (a comment) wrapped onto several lines in a table instead of cut at the width.
    public var wraps = false

    public enum Audience: Sendable, Equatable { case all, people, machines }

    public init(_ name: String, isDimension: Bool = false, audience: Audience = .all, wraps: Bool = false) {
        self.name = name; self.isDimension = isDimension; self.audience = audience
        self.wraps = wraps
    }
}

/// What every statement produces; the renderers turn it into table, markdown, csv or json.
public struct ResultTable: Sendable, Equatable {
    /// The table with only the columns one audience sees.
    public func visible(to audience: ResultColumn.Audience) -> ResultTable {
        let keep = columns.indices.filter { columns[$0].audience == .all || columns[$0].audience == audience }
        if keep.count == columns.count { return self }
        return ResultTable(columns: keep.map { columns[$0] }, rows: rows.map { r in keep.map { r[$0] } }, notes: notes)
    }

    /// The index of the column with this header.
    public func column(named name: String) -> Int? { columns.firstIndex { $0.name == name } }

    public var columns: [ResultColumn]
    public var rows: [[Cell]]
    /// Lines printed under the table (legend of markers, notes on small bases).
    public var notes: [String] = []

    public init(columns: [ResultColumn], rows: [[Cell]], notes: [String] = []) {
        self.columns = columns; self.rows = rows; self.notes = notes
    }
}

/// Formatting of numbers shared by every renderer.
public enum NumberFormat {
    /// One decimal, rounded half away from zero, `-0.0` written as `0.0`.
    public static func oneDecimal(_ v: Double) -> String { decimals(v, 1) }

    public static func decimals(_ v: Double, _ places: Int) -> String {
        guard v.isFinite else { return "" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let r = (abs(v) * scale).rounded(.toNearestOrAwayFromZero)
        if r > 1e17 { return String(v) }
        let whole = Int(r) / Int(scale), frac = Int(r) % Int(scale)
        let sign = v < 0 && r > 0 ? "-" : ""
        if places == 0 { return sign + String(whole) }
        let f = String(frac)
        return sign + String(whole) + "." + String(repeating: "0", count: places - f.count) + f
    }

    /// The text of a number in table and markdown.
    public static func display(_ v: Double?, _ style: NumberStyle) -> String {
        guard let v, v.isFinite else { return "" }
        switch style {
        case .score: return oneDecimal(v)
        case .percent: return oneDecimal(v) + " %"
        case .difference: return (v > 0 && oneDecimal(v) != "0.0" ? "+" : "") + oneDecimal(v)
        case .count: return decimals(v, 0)
        case .seconds: return WaitDuration.format(seconds: v)
        case .pValue: return v < 0.001 ? "<0.001" : decimals(v, 3)
        }
    }

    /// The text of a number in csv and json: `.` decimals, at least one decimal, no thousands separators.
    public static func machine(_ v: Double?, _ style: NumberStyle) -> String {
        guard let v, v.isFinite else { return "" }
        switch style {
        case .count: return decimals(v, 0)
        case .pValue: return v < 0.0001 ? String(format: "%.2e", v) : decimals(v, 4)
        case .seconds: return decimals(v, 1)
        default: return decimals(v, 1)
        }
    }
}
