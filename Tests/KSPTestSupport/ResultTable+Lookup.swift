import KSPQuery
import KSPRender

/// Reading a result table in a test by column name and row label, as a reader finds a figure.
extension ResultTable {
    public func column(_ name: String) -> Int? { columns.firstIndex { $0.name == name } }

    /// The number in a row (found by its first cell) and a column.
    public func number(_ rowLabel: String, _ column: String) -> Double? {
        guard let index = self.column(column), let row = rows.first(where: { $0.first?.value == .text(rowLabel) })
        else {
            return nil
        }
        if case .number(let value, _) = row[index].value { return value }
        return nil
    }

    public func text(_ row: Int, _ column: String) -> String? {
        guard let index = self.column(column), row < rows.count else { return nil }
        switch rows[row][index].value {
        case .text(let text): return text
        // compare's sig as people read it (`*`, `** (small base)`).
        case .significanceLevel: return CSVRenderer.machineText(rows[row][index])
        default: return nil
        }
    }

    public var firstColumn: [String] {
        rows.map { row in
            if case .text(let text) = row[0].value { return text }
            return ""
        }
    }
}
