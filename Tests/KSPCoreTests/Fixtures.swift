import Foundation

@testable import KSPCore

/// The hand-computed fixture seasons under Tests/Fixtures.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static var smallPath: String { root.appendingPathComponent("small").path }

    static func small() throws -> Season { try SeasonLoader.load(directory: smallPath) }

    /// The repository's sample season (samples/ksp2024).
    static func sample() throws -> Season {
        let repository = root.deletingLastPathComponent().deletingLastPathComponent()
        return try SeasonLoader.load(directory: repository.appendingPathComponent("samples/ksp2024").path)
    }

    static func file(_ name: String) -> String {
        try! String(contentsOf: root.appendingPathComponent("small").appendingPathComponent(name), encoding: .utf8)
    }

    /// Loads the fixture with one of its files replaced.
    static func load(yaml: String? = nil, participants: String? = nil, inquiries: String? = nil) throws(SeasonLoadError)
        -> Season
    {
        try SeasonLoader.load(
            definition: Array((yaml ?? file("season.yaml")).utf8),
            participants: Array((participants ?? file("participants.csv")).utf8),
            inquiries: Array((inquiries ?? file("inquiries.csv")).utf8))
    }

    /// The errors a broken fixture gives.
    static func errors(yaml: String? = nil, participants: String? = nil, inquiries: String? = nil) -> [SeasonDiagnostic]
    {
        do {
            _ = try load(yaml: yaml, participants: participants, inquiries: inquiries)
            return []
        } catch { return error.errors }
    }

    static func index(_ s: Season, _ id: String) -> Int { s.inquiries.ids.firstIndex(of: id)! }
}

func approx(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance
}
