import KSPCore

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
        self.name = name
        self.isDimension = isDimension
        self.audience = audience
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
    public var notes: [TableNote] = []

    public init(columns: [ResultColumn], rows: [[Cell]], notes: [TableNote] = []) {
        self.columns = columns
        self.rows = rows
        self.notes = notes
    }
}
