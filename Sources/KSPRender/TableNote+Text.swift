import KSPCore
import KSPQuery

extension TableNote {
    /// The note's wording (English). Every note's words are here, in one switch, so that a
    /// translation has one place to go through.
    public var text: String {
        switch self {
        case .smallBase(let minBase):
            return "* fewer than \(minBase) answers: read with care"
        case .markers(let family, let testCount):
            let rest = family == .restOfRow ? "its row" : "the table"
            return "▲ ▼ significantly above / below the rest of \(rest) (95 %, Holm over all \(testCount) "
                + "cells tested in this table; .help compare)"
        case .comparedGroups(let a, let countA, let b, let countB):
            return "a = \(a) (\(countA) inquiries), b = \(b) (\(countB) inquiries)"
        case .significance(let tests, let adjustment, let testCount):
            if tests.isEmpty { return "no test could be made (bases below .minbase, no values or no variation)" }
            return "sig: * p_adj < 0.05, ** p_adj < 0.01; " + adjustmentText(adjustment, testCount: testCount)
                + "; \(tests.joined(separator: ", ")); see .help compare"
        case .comparedSmallBase(let minBase):
            return "small base: a group has fewer than \(minBase) answers; not tested (hard to tell from noise)"
        case .noVariation:
            return "no variation: every answer alike in both groups; no test (p left blank)"
        case .shopperMarkers(let testedShoppers):
            return "▲ ▼ more lenient / stricter than the other shoppers at the same participants: p_adj < 0.05,"
                + " one-sample t-test, Holm over the \(testedShoppers) shoppers tested"
        case .shopperSmallBase(let minBase):
            return "* fewer than \(minBase) inquiries compared with other shoppers'"
        case .mixedClocks:
            return "wait_median is left empty where channels with different clocks (business time vs wall clock) "
                + "are mixed"
        case .noRows:
            return "(no rows)"
        case .columnsNotShown(let count, let width):
            return "\(count) column\(count == 1 ? "" : "s") not shown to fit \(width) columns; "
                + "widen the terminal or use .mode csv"
        case .text(let text):
            return text
        }
    }

    /// How p_adj was made from p, and over how many tests.
    private func adjustmentText(
        _ adjustment: PValueAdjustment, testCount: Int,
        of family: (one: String, many: String) = ("test of this table", "tests of this table")
    ) -> String {
        let tested = "\(testCount) " + (testCount == 1 ? family.one : family.many)
        switch adjustment {
        case .holm: return "p_adj: Holm over the \(tested)"
        case .bh: return "p_adj: Benjamini–Hochberg (false discovery rate) over the \(tested)"
        case .none: return "p_adj = p, not adjusted for the \(tested) (.adjust none)"
        }
    }
}
