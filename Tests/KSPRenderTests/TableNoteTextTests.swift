import KSPCore
import KSPQuery
import KSPRender
import KSPTestSupport
import Testing

/// Every typed note's wording, and compare's significance level as written.
@Suite struct TableNoteTextTests {
    @Test func everyNoteIsWrittenOutInFull() {
        let expected: [(TableNote, String)] = [
            (.smallBase(minBase: 10), "* fewer than 10 answers: read with care"),
            (
                .markers(family: .restOfTable, testCount: 46),
                "▲ ▼ significantly above / below the rest of the table (95 %, Holm over all 46 cells tested in "
                    + "this table; .help compare)"
            ),
            (
                .markers(family: .restOfRow, testCount: 84),
                "▲ ▼ significantly above / below the rest of its row (95 %, Holm over all 84 cells tested in "
                    + "this table; .help compare)"
            ),
            (
                .comparedGroups(a: "Skjærvik \"Sparebank\"", countA: 25, b: "rest of Bank", countB: 150),
                "a = Skjærvik \"Sparebank\" (25 inquiries), b = rest of Bank (150 inquiries)"
            ),
            (
                .significance(tests: [], adjustment: .holm, testCount: 0),
                "no test could be made (bases below .minbase, no values or no variation)"
            ),
            (
                .significance(tests: ["Welch's t-test", "exact NPS test"], adjustment: .holm, testCount: 12),
                "sig: * p_adj < 0.05, ** p_adj < 0.01; p_adj: Holm over the 12 tests of this table; "
                    + "Welch's t-test, exact NPS test; see .help compare"
            ),
            (
                .significance(tests: ["Welch's t-test"], adjustment: .bh, testCount: 1),
                "sig: * p_adj < 0.05, ** p_adj < 0.01; p_adj: Benjamini–Hochberg (false discovery rate) over the "
                    + "1 test of this table; Welch's t-test; see .help compare"
            ),
            (
                .significance(tests: ["Welch's t-test"], adjustment: .none, testCount: 3),
                "sig: * p_adj < 0.05, ** p_adj < 0.01; p_adj = p, not adjusted for the 3 tests of this table "
                    + "(.adjust none); Welch's t-test; see .help compare"
            ),
            (
                .comparedSmallBase(minBase: 22),
                "small base: a group has fewer than 22 answers; not tested (hard to tell from noise)"
            ),
            (.noVariation, "no variation: every answer alike in both groups; no test (p left blank)"),
            (
                .shopperMarkers(testedShoppers: 2),
                "▲ ▼ more lenient / stricter than the other shoppers at the same participants: p_adj < 0.05,"
                    + " one-sample t-test, Holm over the 2 shoppers tested"
            ),
            (.shopperSmallBase(minBase: 10), "* fewer than 10 inquiries compared with other shoppers'"),
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

    @Test func compareSignificanceIsWrittenAsStarsOrWhyItWasNotTested() {
        #expect(SignificanceLevel(p: 0.05) == nil)
        #expect(SignificanceLevel(p: 0.049) == .significant)
        #expect(SignificanceLevel(p: 0.01) == .significant)
        #expect(SignificanceLevel(p: 0.0099) == .highlySignificant)
        let cells: [(Cell, String)] = [
            (Cell(.significanceLevel(.significant, untested: nil)), "*"),
            (Cell(.significanceLevel(.highlySignificant, untested: nil)), "**"),
            (Cell(.significanceLevel(nil, untested: nil)), ""),
            (Cell(.significanceLevel(nil, untested: .smallBase(minBase: 10))), "small base"),
            (Cell(.significanceLevel(nil, untested: .noVariation)), "no variation"),
            (Cell(.significance(.above)), "above"),
            (Cell(.significance(.below)), "below"),
            (Cell(.significance(.notSignificant)), "none"),
            (Cell(.significance(.untested(.noVariation))), "untested"),
        ]
        for (cell, text) in cells { #expect(CSVRenderer.machineText(cell) == text) }
    }
}
