import KSPQuery

extension Catalogue {
    /// Norwegian bokmål, in KSP's own words (Totalresultat, Score for besvarte, Hva som skal til).
    static let norwegian: [Phrase: String] = [
        .metricTotal: "Totalresultat", .metricTotalAnswered: "Score for besvarte", .metricNoAnswer: "Ikke besvart",
        .metricNoAnswer1: "Ikke besvart på første forsøk", .metricCSAT: "CSAT", .metricCES: "CES",
        .metricNPS: "NPS", .metricVES1: "VES 1", .metricVES2: "VES 2", .metricWaitMedian: "Median ventetid",
        .metricInquiries: "Henvendelser",
        .reportTitle: "{0} — {1}", .inquiryCount: "{0} henvendelser", .participantCount: "{0} deltakere",
        .dateRange: "{0} – {1}", .dayMonthYear: "{0}. {1} {2}",
        .summaryHeading: "Sammendrag", .summaryTotal: "Totalresultat", .summaryInterval: "95 % intervall {0}–{1}",
        .summaryRank: "Plassering i {0}", .summaryRankInterval: "plassintervall {0}–{1}",
        .summaryNotRanked: "ikke rangert: {0} henvendelser i sesongen, under minstekravet på {1} for pris",
        .summaryClass: "Klassen",
        .classValue: "klassen {0}", .summaryAll: "Alle deltakere", .summaryAnswered: "Score for besvarte",
        .summaryNoAnswer: "Ikke besvart",
        .summaryClassMeaning: "klassen = resten av {1} ({0} holdt utenfor); alle = alle deltakere i sesongen",
        .areasAgainstClassChart: "Områdene til {0}", .classTotalReference: "{0} totalt",
        .columnArea: "Område", .columnQuestion: "Spørsmål", .columnOwn: "Egen", .columnClass: "Klassen",
        .columnAll: "Alle", .columnDifference: "Diff. mot klassen", .columnDifferenceAll: "Diff. mot alle",
        .columnBase: "n", .columnSignificance: "Sig.",
        .columnChannel: "Kanal", .columnFullPointsWait: "Full score", .atMost: "≤ {0}", .columnWithin: "Innenfor",
        .columnGain: "Gevinst i totalpoeng", .columnTarget: "{0}", .columnMonth: "Måned",
        .columnParticipant: "Deltaker", .columnRank: "{0} av {1}", .columnNoAnswer: "Ikke besvart",
        .dimensionClass: "Klasse", .columnPlace: "Plass", .columnRankInterval: "Plassintervall",
        .significanceAbove: "signifikant over klassen", .significanceBelow: "signifikant under klassen",
        .significanceNote:
            "▲/▼: signifikant over/under klassen (95 %, Holm-korrigert over tabellens rader); "
            + "ingen pil: forskjellen kan være tilfeldig",
        .significanceNoteClass:
            "▲/▼: signifikant over/under de andre klassene (95 %, Holm-korrigert over tabellens rader); "
            + "ingen pil: forskjellen kan være tilfeldig",
        .smallBaseNote: "* færre enn {0} svar: les med forsiktighet (ikke testet)",
        .areasHeading: "Områder og spørsmål",
        .areasNote: "Hvert spørsmål slik testkundene fikk det: eget resultat, klassen og alle deltakere, i poeng.",
        .areaNotScored: "{0} (teller ikke i totalresultatet)",
        .channelsHeading: "Kanaler og ventetid",
        .channelsNote:
            "Full score: den lengste ventetiden som fortsatt gir full score i kanalen i {0}; innenfor: andelen "
            + "besvarte henvendelser som ventet kortere eller like lenge",
        .whatItTakesHeading: "Hva som skal til",
        .whatItTakesToWinner:
            "Klassevinneren {0} har {1}, mot deres {2}. Å nå vinnerens nivå på disse spørsmålene gir mest:",
        .whatItTakesToRunnerUp:
            "Dere leder klassen; nummer to, {0}, har {1}, mot deres {2}. Her gjør de det bedre enn dere:",
        .whatItTakesNote:
            "Gevinst: endringen i deres totalresultat når poengene på raden blir målets gjennomsnitt "
            + "(deres besvarte henvendelser poengsatt på nytt etter sesongens regler)",
        .whatItTakesNone: "Ingen spørsmål der målet gjør det tydelig bedre.",
        .whatItTakesUnavailable: "Ingen annen deltaker i klassen har nok henvendelser til å sammenligne med.",
        .gapWait: "Ventetiden (svartid)", .gapAnswering: "Å svare (andelen ikke besvart)",
        .seasonHeading: "Gjennom sesongen", .seasonChart: "Totalresultat per måned",
        .seasonSmallBase: "lite grunnlag",
        .seasonNote: "En måned med færre enn {0} henvendelser er tegnet hul og stiplet: les den med forsiktighet.",
        .seasonNoMonths: "Ingen måneder å vise.",
        .driversHeading: "Hva som driver resultatet",
        .driversChart: "Betydning for {0} mot prestasjon",
        .driversNote:
            "Betydning: hvert områdes andel av R² for {0} over sesongens besvarte henvendelser (relative vekter); "
            + "prestasjon: eget gjennomsnitt i poeng. Øverst til venstre: viktig og svakere enn resten — start her.",
        .driversUnavailable: "For lite data til å si hvilke områder som driver resultatet.",
        .driversImportance: "Betydning (andel av R², %)", .driversPerformance: "Prestasjon (poeng)",
        .quadrantWorkOnFirst: "start her", .quadrantKeepItUp: "fortsett slik",
        .quadrantLowerPriority: "lavere prioritet", .quadrantMaintain: "vedlikehold",
        .columnQuadrant: "Kvadrant",
        .commentsHeading: "Testkundenes egne ord", .commentsGeneral: "Generelt", .commentsNone: "Ingen kommentarer.",
        .rankingHeading: "Rangering", .classAreasHeading: "Områder per deltaker",
        .classChannelsHeading: "Kanaler", .awardsHeading: "Priser", .awardsNone: "Ingen pris i denne klassen.",
        .classTotalChart: "Totalresultat per deltaker", .awardColumn: "Pris", .winnerColumn: "Vinner",
        .january: "januar", .february: "februar", .march: "mars", .april: "april", .may: "mai", .june: "juni",
        .july: "juli", .august: "august", .september: "september", .october: "oktober", .november: "november",
        .december: "desember",
        .batchIndexParticipants: "Deltakerrapporter — {0}", .batchIndexClasses: "Klasserapporter — {0}",
        .jan: "jan", .feb: "feb", .mar: "mar", .apr: "apr", .mayShort: "mai", .jun: "jun", .jul: "jul",
        .aug: "aug", .sep: "sep", .oct: "okt", .nov: "nov", .dec: "des",
    ]
}
