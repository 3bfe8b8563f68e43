import KSPQuery
import KSPRender
import Testing

/// Every typed note's wording, and compare's significance level as written.
@Suite struct TableNoteTextTests {
    @Test func everyNoteIsWrittenOutInFull() {
        let expected: [(TableNote, String)] = [
            (.smallBase(minBase: 10), "* fewer than 10 inquiries: read with care"),
            (
                .markers(family: .restOfTable),
                "▲ ▼ significantly above / below the rest of the table (95 %, Holm-corrected; .help compare)"
            ),
            (
                .markers(family: .restOfRow),
                "▲ ▼ significantly above / below the rest of the row (95 %, Holm-corrected; .help compare)"
            ),
            (
                .comparedGroups(a: "Skjærvik \"Sparebank\"", countA: 25, b: "rest of Bank", countB: 150),
                "a = Skjærvik \"Sparebank\" (25 inquiries), b = rest of Bank (150 inquiries)"
            ),
            (.significance(tests: []), "no test could be made (a base below 2 or no values)"),
            (
                .significance(tests: ["Welch t", "nps z"]),
                "sig: * p < 0.05, ** p < 0.01 (Welch t, nps z; see .help compare)"
            ),
            (
                .comparedSmallBase(minBase: 22),
                "a base below 22 inquiries: a difference there is hard to tell from noise"
            ),
            (
                .againstRestOfClass(participant: "Alfa Bank", className: "Bank"),
                "class = the rest of Bank (Alfa Bank left out); sig: * p < 0.05, ** p < 0.01 against the class"
            ),
            (
                .mixedClocks,
                "wait_median is left empty where channels with different clocks (business time vs wall clock) "
                    + "are mixed"
            ),
            (.noRows, "(no rows)"),
            (
                .columnsNotShown(count: 1, width: 80),
                "1 column not shown to fit 80 columns; widen the terminal or use .mode csv"
            ),
            (
                .columnsNotShown(count: 3, width: 60),
                "3 columns not shown to fit 60 columns; widen the terminal or use .mode csv"
            ),
            ("free text \(1 + 1)", "free text 2"),
        ]
        for (note, text) in expected { #expect(note.text == text) }
    }

    @Test func compareSignificanceIsWrittenAsStars() {
        #expect(SignificanceLevel(p: 0.05) == nil)
        #expect(SignificanceLevel(p: 0.049) == .significant)
        #expect(SignificanceLevel(p: 0.01) == .significant)
        #expect(SignificanceLevel(p: 0.0099) == .highlySignificant)
        let cells: [(Cell, String)] = [
            (Cell(.significanceLevel(.significant, smallBase: false)), "*"),
            (Cell(.significanceLevel(.highlySignificant, smallBase: false)), "**"),
            (Cell(.significanceLevel(.highlySignificant, smallBase: true)), "** (small base)"),
            (Cell(.significanceLevel(nil, smallBase: true)), ""),
        ]
        for (cell, text) in cells { #expect(CSVRenderer.machineText(cell) == text) }
    }
}
