import Foundation
import KSPCore
import KSPRender

@testable import KSPQuery

enum Fixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let small: Season = try! SeasonLoader.load(directory: root.appendingPathComponent("small").path)

    static func run(_ statement: String, minBase: Int = 10) throws -> ResultTable {
        try Evaluator(season: small, options: EvaluationOptions(minBase: minBase)).run(statement)
    }

    /// The error a statement gives, rendered with its caret.
    static func error(_ statement: String) -> (any QueryDiagnostic)? {
        do {
            _ = try run(statement)
            return nil
        } catch let e as any QueryDiagnostic { return e } catch { return nil }
    }
}

extension ResultTable {
    func column(_ name: String) -> Int? { columns.firstIndex { $0.name == name } }

    /// The number in a row (found by its first cell) and a column.
    func number(_ rowLabel: String, _ column: String) -> Double? {
        guard let c = self.column(column), let r = rows.first(where: { $0.first?.value == .text(rowLabel) }) else {
            return nil
        }
        if case .number(let v, _) = r[c].value { return v }
        return nil
    }

    func text(_ row: Int, _ column: String) -> String? {
        guard let c = self.column(column), row < rows.count else { return nil }
        switch rows[row][c].value {
        case .text(let t): return t
        // compare's sig as people read it (`*`, `** (small base)`).
        case .significanceLevel: return CSVRenderer.machineText(rows[row][c])
        default: return nil
        }
    }

    var firstColumn: [String] { rows.map { if case .text(let t) = $0[0].value { return t } else { return "" } } }
}

/// Whether a figure is within `tolerance` of the expected one (a missing figure never is).
func approx(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-6) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance
}
