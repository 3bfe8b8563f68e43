import KSPQuery

extension Catalogue {
    /// English.
    static let english: [Phrase: String] = [
        .metricTotal: "Total", .metricTotalAnswered: "Score for answered", .metricNoAnswer: "Not answered",
        .metricNoAnswer1: "Not answered at the first attempt", .metricCSAT: "CSAT", .metricCES: "CES",
        .metricNPS: "NPS", .metricVES1: "VES 1", .metricVES2: "VES 2", .metricWaitMedian: "Median wait",
        .metricInquiries: "Inquiries",
        .reportTitle: "{0} — {1}", .inquiryCount: "{0} inquiries", .participantCount: "{0} participants",
        .dateRange: "{0} – {1}", .dayMonthYear: "{0} {1} {2}",
        .summaryHeading: "Summary", .summaryTotal: "Total", .summaryInterval: "95 % interval {0}–{1}",
        .summaryRank: "Rank in {0}", .summaryRankInterval: "rank interval {0}–{1}",
        .summaryNotRanked: "not ranked: {0} inquiries in the season, below the award minimum of {1}",
        .summaryClass: "The class", .classValue: "class {0}",
        .summaryAll: "All participants", .summaryAnswered: "Score for answered", .summaryNoAnswer: "Not answered",
        .summaryClassMeaning: "class = the rest of {1} ({0} left out); all = every participant in the season",
        .areasAgainstClassChart: "The areas of {0}", .classTotalReference: "{0} total",
        .columnArea: "Area", .columnQuestion: "Question", .columnOwn: "Own", .columnClass: "Class",
        .columnAll: "All", .columnDifference: "Diff. to class", .columnDifferenceAll: "Diff. to all", .columnBase: "n",
        .columnSignificance: "Sig.",
        .columnChannel: "Channel", .columnFullPointsWait: "Full points", .atMost: "≤ {0}", .columnWithin: "Within",
        .columnGain: "Gain in total points", .columnTarget: "{0}", .columnMonth: "Month",
        .columnParticipant: "Participant", .columnRank: "{0} of {1}", .columnNoAnswer: "Not answered",
        .dimensionClass: "Class", .columnPlace: "Rank", .columnRankInterval: "Rank interval",
        .significanceAbove: "significantly above the class", .significanceBelow: "significantly below the class",
        .significanceNote:
            "▲/▼: significantly above/below the class (95 %, Holm-corrected over the rows of the table); "
            + "no arrow: the difference may be chance",
        .significanceNoteClass:
            "▲/▼: significantly above/below the other classes (95 %, Holm-corrected over the rows of the table); "
            + "no arrow: the difference may be chance",
        .smallBaseNote: "* fewer than {0} answers: read with care (not tested)",
        .areasHeading: "Areas and questions",
        .areasNote:
            "Each question as the shoppers were asked it: own result, the class and all participants, in points.",
        .areaNotScored: "{0} (not part of the total)",
        .channelsHeading: "Channels and waits",
        .channelsNote:
            "Full points: the longest wait that still gets full points on the channel in {0}; within: the share of "
            + "answered inquiries that waited no longer",
        .whatItTakesHeading: "What it takes",
        .whatItTakesToWinner:
            "The class winner {0} has {1}, against your {2}. Reaching its level on these questions would add most:",
        .whatItTakesToRunnerUp:
            "You lead the class; the runner-up {0} has {1}, against your {2}. Where it does better than you:",
        .whatItTakesNote:
            "Gain: the change of your total when your points on the row become the target's mean points "
            + "(your answered inquiries rescored by the season's rules)",
        .whatItTakesNone: "No question where the target does clearly better.",
        .whatItTakesUnavailable: "No other participant in the class has enough inquiries to compare with.",
        .gapWait: "The wait (answer time)", .gapAnswering: "Answering (the no-answer share)",
        .seasonHeading: "Through the season", .seasonChart: "Total by month",
        .seasonSmallBase: "small base",
        .seasonNote: "A month on fewer than {0} inquiries is drawn hollow and dashed: read it with care.",
        .seasonNoMonths: "No months to show.",
        .driversHeading: "What drives the result",
        .driversChart: "Importance for {0} against performance",
        .driversNote:
            "Importance: each area's share of R² for {0} over the season's answered inquiries (relative weights); "
            + "performance: own mean points. Top left: important and below the others — work on this first.",
        .driversUnavailable: "Not enough data to say which areas drive the result.",
        .driversImportance: "Importance (share of R², %)", .driversPerformance: "Performance (points)",
        .quadrantWorkOnFirst: "work on this first", .quadrantKeepItUp: "keep it up",
        .quadrantLowerPriority: "lower priority", .quadrantMaintain: "maintain",
        .columnQuadrant: "Quadrant",
        .commentsHeading: "The shoppers' own words", .commentsGeneral: "General", .commentsNone: "No comments.",
        .rankingHeading: "Ranking", .classAreasHeading: "Areas per participant",
        .classChannelsHeading: "Channels", .awardsHeading: "Awards", .awardsNone: "No award in this class.",
        .classTotalChart: "Total per participant", .awardColumn: "Award", .winnerColumn: "Winner",
        .january: "January", .february: "February", .march: "March", .april: "April", .may: "May", .june: "June",
        .july: "July", .august: "August", .september: "September", .october: "October", .november: "November",
        .december: "December",
        .batchIndexParticipants: "Participant reports — {0}", .batchIndexClasses: "Class reports — {0}",
        .jan: "Jan", .feb: "Feb", .mar: "Mar", .apr: "Apr", .mayShort: "May", .jun: "Jun", .jul: "Jul",
        .aug: "Aug", .sep: "Sep", .oct: "Oct", .nov: "Nov", .dec: "Dec",
    ]
}
