import KSPQuery

extension TableNote {
    /// The note's wording (English). Every note's words are here, in one switch, so that a
    /// translation has one place to go through.
    public var text: String {
        switch self {
        case .smallBase(let minBase):
            return "* fewer than \(minBase) inquiries: read with care"
        case .markers(let family):
            let rest = family == .restOfRow ? "row" : "table"
            return "▲ ▼ significantly above / below the rest of the \(rest) (95 %, Holm-corrected; .help compare)"
        case .comparedGroups(let a, let countA, let b, let countB):
            return "a = \(a) (\(countA) inquiries), b = \(b) (\(countB) inquiries)"
        case .significance(let tests):
            if tests.isEmpty { return "no test could be made (a base below 2 or no values)" }
            return "sig: * p < 0.05, ** p < 0.01 (\(tests.joined(separator: ", ")); see .help compare)"
        case .comparedSmallBase(let minBase):
            return "a base below \(minBase) inquiries: a difference there is hard to tell from noise"
        case .againstRestOfClass(let participant, let className):
            return "class = the rest of \(className) (\(participant) left out); "
                + "sig: * p < 0.05, ** p < 0.01 against the class"
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
}
