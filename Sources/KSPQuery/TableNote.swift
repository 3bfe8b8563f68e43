import KSPCore

/// A line printed under a table, as what it says rather than as words: the renderers write it
/// (`TableNote+Text.swift` in KSPRender holds every wording), so a note can be translated or
/// checked by its figures. Notes that only a single statement writes stay `.text` until they
/// need a type; a string literal, interpolated or not, is such a note.
public enum TableNote: Sendable, Equatable, ExpressibleByStringInterpolation {
    /// `*` marks figures on fewer than `minBase` of their base.
    case smallBase(minBase: Int)
    /// ▲ ▼ mark figures that differ significantly from the rest of their table or row, Holm over all
    /// `testCount` cells tested in the table.
    case markers(family: MarkerFamily, testCount: Int)
    /// compare's groups: their labels and how many inquiries each holds.
    case comparedGroups(a: String, countA: Int, b: String, countB: Int)
    /// compare's `sig` column: the tests made (by name, sorted; empty when none could be made), and how
    /// their p-values were adjusted over how many tests.
    case significance(tests: [String], adjustment: PValueAdjustment, testCount: Int)
    /// compare: a row left untested because every answer was alike.
    case noVariation
    /// compare: a row where a group's base is below `minBase`.
    case comparedSmallBase(minBase: Int)
    /// `shoppers`: ▲ ▼ mark a leniency that differs from the other shoppers', Holm over the shoppers tested.
    case shopperMarkers(testedShoppers: Int)
    /// `shoppers`: `*` marks a shopper compared on fewer than `minBase` inquiries.
    case shopperSmallBase(minBase: Int)
    /// A wait median left empty where channels on different clocks were mixed.
    case mixedClocks
    /// A table without rows.
    case noRows
    /// Columns a terminal table could not fit into its width.
    case columnsNotShown(count: Int, width: Int)
    /// A note written by the statement itself.
    case text(String)

    /// The cells whose ▲ ▼ are tested together.
    public enum MarkerFamily: Sendable, Equatable {
        /// Each group against the rest of the table.
        case restOfTable
        /// Each cell against the rest of its row (a crosstab).
        case restOfRow
    }

    public init(stringLiteral value: String) {
        self = .text(value)
    }

    public init(stringInterpolation: DefaultStringInterpolation) {
        self = .text(String(stringInterpolation: stringInterpolation))
    }
}
