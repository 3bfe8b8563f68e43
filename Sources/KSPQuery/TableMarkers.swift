import KSPCore

/// Every ▲/▼ test of one table, adjusted together: the family is the whole table (all its cells tested
/// against the rest of their table or row, over every metric), Holm over all of them, so the chance of
/// any false marker anywhere in the table stays at or below 5 %.
struct TableMarkers {
    /// One cell's test against the rest of its family.
    enum PartTest {
        case tested(p: Double, isAbove: Bool)
        case untested(UntestedReason)
    }

    private struct Entry {
        var row: Int
        var valueColumn: Int
        var sigColumn: Int?
        var test: PartTest
    }

    private var entries: [Entry] = []

    /// A tested (or untestable) cell at `row`, `valueColumn`, with its `_sig` cell at `sigColumn`.
    mutating func add(row: Int, valueColumn: Int, sigColumn: Int?, _ test: PartTest) {
        entries.append(Entry(row: row, valueColumn: valueColumn, sigColumn: sigColumn, test: test))
    }

    /// How many cells were tested (the family's size).
    var testCount: Int {
        entries.filter { if case .tested = $0.test { return true } else { return false } }.count
    }

    /// Sets ▲/▼ on the value cells whose Holm-adjusted p is below 5 %, and every `_sig` cell's outcome; the
    /// legend when a marker was set (`addLegends` drops it should `top` leave no marker).
    func apply(to table: inout ResultTable, family: TableNote.MarkerFamily) {
        var marked = false
        defer { if marked { table.notes.append(.markers(family: family, testCount: testCount)) } }
        let pValues: [Double?] = entries.map { if case .tested(let p, _) = $0.test { return p } else { return nil } }
        let adjusted = PValueAdjustment.holm.adjusted(pValues)
        for (entry, adjustedP) in zip(entries, adjusted) {
            let outcome: TestOutcome
            switch entry.test {
            case .untested(let reason): outcome = .untested(reason)
            case .tested(_, let isAbove):
                guard let adjustedP, adjustedP < Significance.alpha else {
                    outcome = .notSignificant
                    break
                }
                outcome = isAbove ? .above : .below
                marked = true
                table.rows[entry.row][entry.valueColumn].flags.formUnion(isAbove ? .above : .below)
            }
            if let sigColumn = entry.sigColumn { table.rows[entry.row][sigColumn] = Cell(.significance(outcome)) }
        }
    }
}
