import KSPCore

extension XLSXSheet {
    /// A season file's CSV as a sheet, as a consultant's workbook would hold it (`ksp generate --xlsx`): the
    /// header bold, `contacted_at` and `answered_at` as date cells, whole numbers as numbers, the rest as text.
    public init(seasonCSV text: String, name: String) throws {
        let table = try CSVTable(bytes: Array(text.utf8))
        var rows: [[XLSXCell]] = []
        rows.reserveCapacity(table.rowCount)
        let header = table.rowCount > 0 ? (0..<table.fieldCount(row: 0)).map { table.field(row: 0, column: $0) } : []
        let dateColumns = Set(header.indices.filter { ["contacted_at", "answered_at"].contains(header[$0]) })
        for row in 0..<table.rowCount {
            rows.append(
                (0..<table.fieldCount(row: row)).map { column in
                    let field = table.field(row: row, column: column)
                    if row == 0 { return .header(field) }
                    if field.isEmpty { return .empty }
                    if dateColumns.contains(column), let time = LocalDateTime.parse(field) {
                        // Excel counts days from 1899-12-30, 25 569 days before 1970-01-01.
                        return .dateTime(Double(time.secondsSinceEpoch) / 86_400 + 25_569)
                    }
                    if let number = Int(field) { return .number(Double(number), decimals: nil) }
                    return .text(field)
                })
        }
        self.init(name: name, rows: rows)
    }
}
