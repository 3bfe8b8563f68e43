import KSPCore
import KSPQuery

/// What the markdown and terminal reports share: the report's words, and its tables as plain result tables
/// (every cell already written in the report's language) for `TableRenderer` and `MarkdownRenderer`.
extension Report {
    func say(_ wording: Wording) -> String { Catalogue.text(wording, language) }

    func resultTable(_ table: ReportTable) -> ResultTable {
        ResultTable(
            columns: table.columns.map { ResultColumn(say($0.header), isDimension: $0.isText, wraps: $0.isText) },
            rows: table.rows.map { row in
                row.map { entry in
                    switch entry {
                    case .words(let wording): return .text(say(wording))
                    case .cell(let cell): return .text(Catalogue.cell(cell, language))
                    }
                }
            },
            notes: table.notes.map { .text(say($0)) })
    }

    /// The report's first table for csv and json: words in the report's language, numbers as numbers (a point).
    public var firstTable: ResultTable {
        for section in sections {
            for case .table(let table) in section.blocks { return machineTable(table) }
        }
        return ResultTable(columns: [], rows: [])
    }

    /// A report table for csv, json and xlsx: words in the report's language, numbers as numbers, its notes.
    func machineTable(_ table: ReportTable) -> ResultTable {
        ResultTable(
            columns: table.columns.map { ResultColumn(say($0.header), isDimension: $0.isText) },
            rows: table.rows.map { row in
                row.map { entry in
                    switch entry {
                    case .words(let wording): return .text(say(wording))
                    case .cell(let cell): return cell
                    }
                }
            },
            notes: table.notes.map { .text(say($0)) })
    }

    /// Page one's figures as lines: `Totalresultat: 74,7 ▲ (95 % intervall 71,0–78,4)`.
    func lines(_ figures: [KeyFigure]) -> [String] {
        figures.map { figure in
            let arrow = figure.difference.map { $0 == .above ? " ▲" : " ▼" } ?? ""
            return "\(say(figure.label)): \(say(figure.value))\(arrow)" + (figure.detail.map { " (\(say($0)))" } ?? "")
        }
    }

    /// The months as a table: one row per group, one column per month, the bases in a row of their own.
    func monthTable(_ series: MonthSeries) -> ResultTable {
        var table = ResultTable(
            columns: [ResultColumn("", isDimension: true)]
                + series.periods.map { ResultColumn(Catalogue.month($0, short: true, language)) },
            rows: [])
        for line in series.lines {
            table.rows.append(
                [.text(say(line.label))]
                    + zip(line.values, line.bases).map { value, base in
                        .text(Catalogue.number(value, .score, language) + (base < series.minBase ? "*" : ""))
                    })
            table.rows.append([.text("n")] + line.bases.map { .text(String($0)) })
        }
        return table
    }

    /// The quadrant as a table: each point's importance, performance and quadrant.
    func quadrantTable(_ chart: QuadrantChart) -> ResultTable {
        let quadrants: [String: Phrase] = [
            "work on this first": .quadrantWorkOnFirst, "keep it up": .quadrantKeepItUp,
            "lower priority": .quadrantLowerPriority, "maintain": .quadrantMaintain,
        ]
        return ResultTable(
            columns: [
                ResultColumn(say(.phrase(.columnArea)), isDimension: true),
                ResultColumn(say(.phrase(.driversImportance))), ResultColumn(say(.phrase(.driversPerformance))),
                ResultColumn(say(.phrase(.columnQuadrant)), isDimension: true),
            ],
            rows: chart.points.map { point in
                [
                    .text(point.label), .text(Catalogue.number(point.importance, .percent, language)),
                    .text(Catalogue.number(point.performance, .score, language)),
                    .text(quadrants[chart.quadrant(point)].map { say(.phrase($0)) } ?? chart.quadrant(point)),
                ]
            })
    }
}
