import KSPCore
import KSPTestSupport

@testable import KSPQuery

/// Reading a report model in tests: its tables by section, a row by its first entry, a number by column.
extension Report {
    var tables: [ReportTable] {
        sections.flatMap { $0.blocks.compactMap { if case .table(let t) = $0 { return t } else { return nil } } }
    }

    func section(_ heading: Phrase) -> Section? { sections.first { $0.heading == .phrase(heading) } }

    func tables(in heading: Phrase) -> [ReportTable] {
        (section(heading)?.blocks ?? []).compactMap { if case .table(let t) = $0 { return t } else { return nil } }
    }

    var texts: [Wording] {
        sections.flatMap { $0.blocks.compactMap { if case .text(let t) = $0 { return t } else { return nil } } }
    }
}

extension ReportTable {
    /// The first entry of every row.
    var firstColumn: [Wording] {
        rows.map { row in if case .words(let w)? = row.first { return w } else { return .label("") } }
    }

    /// The number in the row whose first entry is `row`, in column `column`.
    func number(_ row: Wording, _ column: Int) -> Double? {
        guard let k = firstColumn.firstIndex(of: row), case .cell(let cell) = rows[k][column] else { return nil }
        return cell.number
    }
}
