/// A name or value as written, with where it was written (for errors and suggestions).
public struct Located<T: Sendable>: Sendable {
    public var value: T
    public var range: SourceRange
    public init(_ value: T, _ range: SourceRange) {
        self.value = value
        self.range = range
    }
}

/// A literal in a filter: a bare word, a quoted text or a number.
public enum Literal: Sendable, Equatable {
    case word(String)
    case text(String)
    case number(Double)

    public var text: String {
        switch self {
        case .word(let w): return w
        case .text(let t): return t
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
        }
    }
}

/// The `where` clause.
public indirect enum Filter: Sendable {
    /// All must hold. n-ary, so that a long chain (`a or b or … or z`) is flat, not a deep tree
    /// that would overflow the stack when evaluated or freed.
    case and([Filter])
    /// Any must hold.
    case or([Filter])
    case not(Filter)
    /// `class = Bank`, `date < 2024-03-01`, `total < 50`, `area = agent`.
    case comparison(field: Located<String>, comparator: Located<Comparator>, value: Located<Literal>)
    /// `class in (Bank, Forsikring)`, `channel not in (email)`.
    case membership(field: Located<String>, negated: Bool, values: [Located<Literal>])
    /// `answered` (and `not answered`).
    case answered(SourceRange)
    /// `contains "text"`: the inquiry has a comment holding the text.
    case contains(Located<String>)
    /// `so far`: each season up to the day the latest season has reached (days since its first inquiry).
    case soFar(SourceRange)
}

public enum SortDirection: Sendable { case ascending, descending }

/// `total, agent by class, channel across month where … order by total desc top 10`
public struct SelectStatement: Sendable {
    public var metrics: [Located<String>]
    public var by: [Located<String>] = []
    public var across: Located<String>?
    public var filter: Filter?
    public var orderBy: (key: Located<String>, direction: SortDirection?)?
    public var top: Located<Int>?
    /// `adjusted for channel`: figures standardised to the table's channel mix too.
    public var channelAdjustment: SourceRange?
}

/// The right-hand side of `compare`.
public enum CompareTarget: Sendable {
    case value(Located<Literal>)
    case list([Located<Literal>])
    /// `all`: every inquiry (within the where clause).
    case all(SourceRange)
    /// `class`: the rest of the participant's own class, the participant left out.
    case ownClass(SourceRange)
}

public struct CompareStatement: Sendable {
    public var dimension: Located<String>
    public var a: Located<Literal>
    public var b: CompareTarget
    public var metrics: [Located<String>]
    public var filter: Filter?
    /// `adjusted for channel`: a standardised to b's channel mix too.
    public var channelAdjustment: SourceRange?
    /// `order by diff|p [asc|desc]`.
    public var orderBy: (key: Located<String>, direction: SortDirection?)?
    public var top: Located<Int>?
}

public struct QuotesStatement: Sendable {
    public var contains: Located<String>?
    public var filter: Filter?
    public var orderBy: (key: Located<String>, direction: SortDirection?)?
    public var top: Located<Int>?
}

public struct WinnersStatement: Sendable {
    public var filter: Filter?
}

/// `rank [within class X] [by METRIC] [where …] [top N]`
public struct RankStatement: Sendable {
    public var within: (dimension: Located<String>, value: Located<Literal>)?
    public var metric: Located<String>?
    public var filter: Filter?
    public var top: Located<Int>?
    /// `adjusted for channel`: figures standardised to the ranked set's channel mix too.
    public var channelAdjustment: SourceRange?
}

/// `shoppers [where …]`: shopper effects, for fieldwork quality control.
public struct ShoppersStatement: Sendable {
    public var filter: Filter?
}

/// `chart METRIC by DIM [where …] [top N]`
public struct ChartStatement: Sendable {
    public var metric: Located<String>
    public var dimension: Located<String>
    public var filter: Filter?
    public var top: Located<Int>?
}

/// `trend METRIC by month|week [by DIM] [where …]`
public struct TrendStatement: Sendable {
    public var metric: Located<String>
    public var period: Located<String>
    public var dimension: Located<String>?
    public var filter: Filter?
}

/// `report participant "NAME" [to FILE]`, `report class "NAME" [to FILE]`;
/// `report participant|class * [where …] to DIR/ [as pdf|html|md|txt]`: one file each.
public struct ReportStatement: Sendable {
    public var subject: Located<String>
    /// The name, or a bare `*` for every participant (class) at once.
    public var name: Located<Literal>
    public var file: Located<String>?
    /// `as pdf|html|md|txt`: the format of a batch's files (html when absent).
    public var format: Located<String>?
    /// `report participant *`: a batch, one file per participant (class) into a folder.
    public var isBatch: Bool { name.value == .word("*") }
    /// `where season = …`: which season the report is about (the latest when absent).
    public var filter: Filter?
    /// `lang nb|en`: the report's language, over `.lang` and the season's own.
    public var language: Located<String>?
}

/// Whom `gap` measures against.
public enum GapTarget: Sendable {
    /// The class winner (the default; the runner-up when the participant wins its class).
    case winner(SourceRange)
    /// The rest of the participant's class.
    case ownClass(SourceRange)
    /// Every inquiry in the filter.
    case all(SourceRange)
    case participant(Located<Literal>)
}

/// `gap participant "NAME" [to winner|class|all|"OTHER"] [where …] [top N]`
public struct GapStatement: Sendable {
    public var name: Located<Literal>
    public var target: GapTarget
    public var filter: Filter?
    public var top: Located<Int>?
}

/// `[chart] drivers of OUTCOME [on areas|questions] [where …]`
public struct DriversStatement: Sendable {
    public var outcome: Located<String>
    /// `areas` (the default) or `questions` (of the area named by `where area = X`).
    public var predictors: Located<String>?
    public var filter: Filter?
    /// `chart drivers …`: importance against performance as a quadrant.
    public var chart = false
}

public enum Statement: Sendable {
    case gap(GapStatement)
    case drivers(DriversStatement)
    case report(ReportStatement)
    case chart(ChartStatement)
    case trend(TrendStatement)
    case rank(RankStatement)
    case select(SelectStatement)
    case compare(CompareStatement)
    case winners(WinnersStatement)
    case quotes(QuotesStatement)
    case shoppers(ShoppersStatement)
}
