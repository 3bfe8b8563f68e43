import KSPCore
import KSPQuery

/// Results as worksheets: the columns csv has (numbers, bases, significance as their own columns) with a
/// bold header, numbers as numbers shown as the tables show them, and the table's notes under it.
extension ResultTable {
    public func xlsxSheet(named name: String) -> XLSXSheet {
        let table = visible(to: .machines)
        var rows: [[XLSXCell]] = [table.columns.map { .header($0.name) }]
        for row in table.rows { rows.append(row.map(XLSXSheets.cell)) }
        if !notes.isEmpty {
            rows.append([])
            for note in notes { rows.append([.text(note.text)]) }
        }
        return XLSXSheet(name: name, rows: rows)
    }
}

enum XLSXSheets {
    static func cell(_ cell: Cell) -> XLSXCell {
        switch cell.value {
        case .text(let text): return .text(text)
        case .number(let value?, let style) where value.isFinite: return .number(value, decimals: decimals(style))
        case .number: return .empty
        case .interval, .significance, .significanceLevel:
            let text = CSVRenderer.machineText(cell)
            return text.isEmpty ? .empty : .text(text)
        }
    }

    /// As csv writes them: counts whole, p-values with four decimals, the rest with one.
    static func decimals(_ style: NumberStyle) -> Int {
        switch style {
        case .count: return 0
        case .pValue: return 4
        case .score, .difference, .percent, .seconds: return 1
        }
    }
}

extension Report {
    /// One sheet per table of the report, named by its section; the report's text under the first.
    public var xlsxSheets: [XLSXSheet] {
        var sheets: [XLSXSheet] = []
        for section in sections {
            for case .table(let table) in section.blocks {
                let name = table.heading.map(say) ?? say(section.heading)
                sheets.append(machineTable(table).xlsxSheet(named: name))
            }
        }
        if sheets.isEmpty {
            let title = say(title)
            sheets.append(
                XLSXSheet(name: title, rows: [[.header(title)], [.text(subtitle.map(say).joined(separator: " · "))]]))
        }
        return sheets
    }
}

extension InquiryExport {
    /// One sheet, `inquiries`: numbers as numbers (shown as they are), missing values as empty cells.
    public var xlsxSheet: XLSXSheet {
        var sheetRows: [[XLSXCell]] = [columns.map { .header($0) }]
        sheetRows.reserveCapacity(rows.count + 1)
        for row in rows {
            sheetRows.append(
                row.map { value in
                    switch value {
                    case .text(let text): return .text(text)
                    case .number(let number): return .number(number, decimals: nil)
                    case .missing: return .empty
                    }
                })
        }
        return XLSXSheet(name: "inquiries", rows: sheetRows)
    }
}

extension StatementResult {
    /// The sheets of a result: a report's tables, a chart's numbers, a table; named by the title (or
    /// `Result N` when there is none).
    public func xlsxSheets(named title: String?) -> [XLSXSheet] {
        if case .report(let report, _) = self {
            guard let title else { return report.xlsxSheets }
            return report.xlsxSheets.map { XLSXSheet(name: title + " – " + $0.name, rows: $0.rows) }
        }
        if case .export(let export, _) = self { return [export.xlsxSheet] }
        return [table.xlsxSheet(named: title ?? "")]
    }
}
