import Foundation
import KSPCore
import KSPQuery

/// The hand-computed fixture season (Tests/Fixtures/small) and the statements run on it, shared by the
/// query and render tests.
public enum Fixture {
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    public static let small: Season = try! SeasonLoader.load(directory: root.appendingPathComponent("small").path)

    public static func run(_ statement: String, minBase: Int = 10) throws -> ResultTable {
        try Evaluator(season: small, options: EvaluationOptions(minBase: minBase)).run(statement)
    }

    /// The error a statement gives, rendered with its caret.
    public static func error(_ statement: String) -> (any QueryDiagnostic)? {
        do {
            _ = try run(statement)
            return nil
        } catch let diagnostic as any QueryDiagnostic {
            return diagnostic
        } catch {
            return nil
        }
    }
}

/// Whether a figure is within `tolerance` of the expected one (a missing figure never is).
public func approx(_ actual: Double?, _ expected: Double, _ tolerance: Double = 1e-6) -> Bool {
    guard let actual else { return false }
    return abs(actual - expected) <= tolerance
}
