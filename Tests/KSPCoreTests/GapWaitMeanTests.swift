import Testing

@testable import KSPCore

/// A gap's mean wait points, added in two halves on the two cores, have the bits of adding them in turn: the
/// halves are kept when every score is a whole number, and the scores are added again in one pass when not.
@Suite("Gap: mean wait points in two halves")
struct GapWaitMeanTests {
    func inTurn(_ season: Season, _ inquiries: [Int], _ area: Int) -> Double? {
        var sum = 0.0
        var count = 0
        for inquiry in inquiries {
            let wait = season.inquiries.areaScore(inquiry, area)
            if wait.isNaN { continue }
            sum += wait
            count += 1
        }
        return count > 0 ? sum / Double(count) : nil
    }

    @Test func wholeScoresInHalvesAndOtherScoresInTurn() throws {
        var season = try Fixtures.sample()
        let area = try #require(season.definition.waitAreaIndex)
        let answered = (0..<season.inquiries.count).filter { season.inquiries.answered[$0] }
        let rescorer = GapRescorer(season, scoring: season.definition)
        // The sample's wait points (brackets of whole points, a second attempt's halved) are whole numbers.
        #expect(
            answered.allSatisfy {
                season.inquiries.areaScore($0, area).rounded() == season.inquiries.areaScore($0, area)
            })
        let whole = rescorer.waitMean(answered, area: area, halvesFrom: 1)
        #expect(whole != nil)
        #expect(whole == inTurn(season, answered, area))
        #expect(whole == rescorer.waitMean(answered, area: area, halvesFrom: .max))
        // Tenths and thirds: adding in two halves would round differently, so they are added in turn.
        for (k, inquiry) in answered.enumerated() {
            season.inquiries.areaScores[inquiry * season.inquiries.areaCount + area] += k % 2 == 0 ? 0.1 : 1.0 / 3
        }
        let other = GapRescorer(season, scoring: season.definition)
        #expect(other.waitMean(answered, area: area, halvesFrom: 1) == inTurn(season, answered, area))
        #expect(other.waitMean([], area: area, halvesFrom: 1) == nil)
    }
}
