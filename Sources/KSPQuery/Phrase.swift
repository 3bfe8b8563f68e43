import KSPCore

/// Every fixed thing a report, a report's chart or a table caption says, as a key: the words themselves live
/// in one catalogue per language (KSPRender's `Catalogue+nb.swift`, `Catalogue+en.swift`). `{0}`, `{1}` … in a
/// catalogue's text stand for a wording's arguments.
public enum Phrase: String, CaseIterable, Sendable {
    // Fixed metrics.
    case metricTotal, metricTotalAnswered, metricNoAnswer, metricNoAnswer1, metricCSAT, metricCES, metricNPS
    case metricVES1, metricVES2, metricWaitMedian, metricInquiries
    // Title and subtitle.
    case reportTitle, inquiryCount, participantCount, dateRange, dayMonthYear
    // Page one.
    case summaryHeading, summaryTotal, summaryInterval, summaryRank, summaryRankInterval, summaryNotRanked
    case summaryClass, classValue, summaryAll, summaryAnswered, summaryNoAnswer, summaryClassMeaning
    case areasAgainstClassChart, classTotalReference
    // Column headers.
    case columnArea, columnQuestion, columnOwn, columnClass, columnAll, columnDifference, columnDifferenceAll,
        columnBase
    case columnSignificance, columnChannel, columnFullPointsWait, columnWithin, columnGain, columnTarget
    case atMost, columnMonth, columnParticipant, columnRank, columnNoAnswer, dimensionClass, columnPlace,
        columnRankInterval
    // Significance.
    case significanceAbove, significanceBelow, significanceNote, significanceNoteClass, smallBaseNote
    // Areas and questions.
    case areasHeading, areasNote, areaNotScored
    // Channels.
    case channelsHeading, channelsNote
    // What it takes.
    case whatItTakesHeading, whatItTakesToWinner, whatItTakesToRunnerUp, whatItTakesNote, whatItTakesNone
    case whatItTakesUnavailable, gapWait, gapAnswering
    // Through the season.
    case seasonHeading, seasonChart, seasonSmallBase, seasonNote, seasonNoMonths
    // Drivers.
    case driversHeading, driversChart, driversNote, driversUnavailable, driversImportance, driversPerformance
    case quadrantWorkOnFirst, quadrantKeepItUp, quadrantLowerPriority, quadrantMaintain, columnQuadrant
    // The shoppers' own words.
    case commentsHeading, commentsGeneral, commentsNone
    // The class report.
    case rankingHeading, classAreasHeading, classChannelsHeading, awardsHeading, awardsNone, classTotalChart
    case awardColumn, winnerColumn
    // A batch's index page.
    case batchIndexParticipants, batchIndexClasses
    // Months, full and short.
    case january, february, march, april, may, june, july, august, september, october, november, december
    case jan, feb, mar, apr, mayShort, jun, jul, aug, sep, oct, nov, dec

    /// The full names of the months, January first.
    public static let months: [Phrase] = [
        .january, .february, .march, .april, .may, .june, .july, .august, .september, .october, .november, .december,
    ]
    /// The short names of the months, January first.
    public static let shortMonths: [Phrase] = [
        .jan, .feb, .mar, .apr, .mayShort, .jun, .jul, .aug, .sep, .oct, .nov, .dec,
    ]

    /// The name of a fixed metric; nil for areas and questions (their names come from season.yaml).
    public static func name(of metric: Metric) -> Phrase? {
        switch metric {
        case .total: return .metricTotal
        case .totalAnswered: return .metricTotalAnswered
        case .noanswer: return .metricNoAnswer
        case .noanswer1: return .metricNoAnswer1
        case .waitMedian: return .metricWaitMedian
        case .n: return .metricInquiries
        case .cx(.csat): return .metricCSAT
        case .cx(.ces): return .metricCES
        case .cx(.nps): return .metricNPS
        case .cx(.ves1): return .metricVES1
        case .cx(.ves2): return .metricVES2
        case .area, .question: return nil
        }
    }
}

/// Something a report says: a phrase of the catalogue with its arguments, or text from the season's own files
/// (a name, a label, a comment), which is never translated.
public indirect enum Wording: Sendable, Equatable {
    case phrase(Phrase, [Wording])
    case label(String)
    /// A number, written in the report's language (74,7 in nb).
    case number(Double?, NumberStyle)
    /// A day, written in the report's language (25. november 2023 in nb).
    case date(CivilDate)

    public static func phrase(_ phrase: Phrase) -> Wording { .phrase(phrase, []) }

    public static func count(_ n: Int) -> Wording { .number(Double(n), .count) }

    /// A metric by the name a reader knows: the catalogue's for fixed metrics, season.yaml's for areas and
    /// questions.
    public static func metric(_ metric: Metric, in definition: SeasonDefinition) -> Wording {
        if let phrase = Phrase.name(of: metric) { return .phrase(phrase) }
        switch metric {
        case .area(let area): return .label(definition.areas[area].name)
        case .question(let question): return .label(definition.questions[question].text)
        default: return .label(metric.id(in: definition))
        }
    }
}
