import Testing

@testable import KSPCore

/// Rescoring one question of an inquiry from its area sums gives the bits of rescoring the whole inquiry.
@Suite("Gap rescoring by one area")
struct GapRescoringTests {
    @Test func replacingOneQuestionGivesTheBitsOfTheWholeTotal() throws {
        let repository = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()
        let season = try SeasonLoader.load(directory: repository.appendingPathComponent("samples/ksp2024").path)
        let rescorer = GapRescorer(season, scoring: season.definition)
        var scratch = GapRescorer.Scratch(areaCount: season.definition.areas.count)
        var checked = 0
        for inquiry in stride(from: 0, to: season.inquiries.count, by: 37) where season.inquiries.answered[inquiry] {
            var points = rescorer.points(of: inquiry)
            let wait = rescorer.waitPoints(inquiry)
            _ = points.withUnsafeBufferPointer { rescorer.total($0, wait: wait, &scratch) }
            let areas = scratch
            for question in points.indices where rescorer.questionWeight[question] > 0 && !points[question].isNaN {
                let replaced = points.withUnsafeBufferPointer {
                    rescorer.total(replacing: question, with: 61.25, in: $0, wait: wait, areas: areas)
                }
                let own = points[question]
                points[question] = 61.25
                #expect(replaced == rescorer.total(points, wait: wait))
                points[question] = own
                checked += 1
            }
        }
        #expect(checked > 100)
    }
}
