import KSPCore
import KSPQuery

/// A header row, then data rows: `.` decimals, at least one decimal, no thousands separators.
/// Markers are not part of csv (the numbers and bases are).
public enum CSVRenderer {
    public static func machineText(_ c: Cell) -> String {
        switch c.value {
        case .text(let t): return t
        case .number(let v, let style): return NumberFormat.machine(v, style)
        case .interval(let interval, let style): return interval.map { CellMarks.text(of: $0, style) } ?? ""
        case .significance(let outcome): return CellMarks.word(for: outcome)
        case .significanceLevel(let level, let untested): return CellMarks.stars(for: level, untested: untested)
        }
    }

    public static func render(_ t: ResultTable) -> String {
        var lines = [t.columns.map { csvField($0.name) }.joined(separator: ",")]
        for row in t.rows { lines.append(row.map { csvField(machineText($0)) }.joined(separator: ",")) }
        return lines.joined(separator: "\n")
    }
}
