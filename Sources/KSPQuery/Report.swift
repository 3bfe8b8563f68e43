import KSPCore

/// A participant's or a class's report as a document: sections of key figures, tables, charts and comments, in
/// the words of a `Phrase` catalogue and the season's own labels. KSPRender lays it out for the terminal, for
/// markdown and as one self-contained, print-ready HTML file with SVG charts.
public struct Report: Sendable {
    public enum Block: Sendable {
        case text(Wording)
        /// Page one's key figures, each with what it is measured against.
        case keyFigures([KeyFigure])
        case table(ReportTable)
        case bars(BarChart, title: Wording, reference: Wording?)
        case months(MonthSeries)
        case quadrant(QuadrantChart, title: Wording)
        case quotes([QuoteGroup])
    }
    public struct Section: Sendable {
        public var heading: Wording
        public var blocks: [Block]
        /// Printed from the top of a new page: the detail after page one's summary.
        public var startsPage = false
    }
    public var language: ReportLanguage
    public var title: Wording
    /// Shown one after the other, separated by a dot.
    public var subtitle: [Wording]
    public var sections: [Section]
}

/// One of page one's figures: Totalresultat with its interval, the rank, the class's figure ….
public struct KeyFigure: Sendable, Equatable {
    public var label: Wording
    public var value: Wording
    public var detail: Wording?
    /// Significantly above or below the class (drawn as an arrow); nil when not tested or not significant.
    public var difference: SignificantDifference?
}

/// A report's table: headers and cells in the report's words; numbers as cells, with their flags.
public struct ReportTable: Sendable, Equatable {
    public enum Entry: Sendable, Equatable {
        case words(Wording)
        case cell(Cell)
    }
    public struct Column: Sendable, Equatable {
        public var header: Wording
        public var isText: Bool

        /// A column of words (names, question texts), left-aligned.
        static func text(_ phrase: Phrase) -> Column { Column(header: .phrase(phrase), isText: true) }
        /// A column of figures, right-aligned.
        static func number(_ phrase: Phrase) -> Column { Column(header: .phrase(phrase), isText: false) }
    }
    /// A heading over the table (an area's name), kept with it on one page.
    public var heading: Wording?
    public var columns: [Column]
    public var rows: [[Entry]]
    public var notes: [Wording] = []
}

/// A figure month by month, with each month's base so that a month on a small base can be drawn as such.
public struct MonthSeries: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var label: Wording
        public var values: [Double?]
        public var bases: [Int]
    }
    public var title: Wording
    /// As `trend … by month` labels them (`2024-01`).
    public var periods: [String]
    public var lines: [Line]
    public var minBase: Int
}

/// The shoppers' comments on one area (or the general ones), most recent first.
public struct QuoteGroup: Sendable, Equatable {
    public var area: Wording
    public var items: [String]
}

extension Report.Section {
    /// The section, printed from the top of a new page.
    func startingPage() -> Report.Section {
        var section = self
        section.startsPage = true
        return section
    }
}

/// Which way a participant's figure differs significantly from its class (the report's arrows).
public enum SignificantDifference: Sendable, Equatable {
    case above, below
}

extension CellFlags {
    /// The arrow of a significant difference (none when there is none).
    init(_ difference: SignificantDifference?) {
        switch difference {
        case .above: self = .above
        case .below: self = .below
        case nil: self = []
        }
    }
}
