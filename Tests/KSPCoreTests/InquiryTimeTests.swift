import Foundation
import Testing

@testable import KSPCore

/// Issue 20, items 9 and 13: business time by arithmetic, far-future answers, times that do not exist.
@Suite("Inquiry times")
struct InquiryTimeTests {
    let header = "id,participant,channel,shopper,contacted_at,answered_at,attempts,V1,V2,K1,T1,X1,X3,comment\n"
    let good = "q1,p1,phone,S1,2024-01-15T09:00:00,2024-01-15T09:00:30,1,ja,Ingen,5,ja,5,10,\n"
    let holidays = HolidayCache()

    func t(_ text: String) -> LocalDateTime { LocalDateTime.parse(text) ?? LocalDateTime(secondsSinceEpoch: 0) }

    /// The fixture's header and first row, then a phone row of participant p2 with these times.
    func withPhoneRow(_ id: String, _ contacted: String, _ answered: String) -> String {
        header + good + "\(id),p2,phone,\(id.uppercased()),\(contacted),\(answered),1,ja,Ingen,5,ja,5,10,\n"
    }

    static let gapMessage =
        "does not exist in Europe/Oslo: the clocks jumped from 02:00 to 03:00 that night; "
        + "expected a time outside the gap"

    /// The old day-by-day count, kept as the reference the arithmetic must agree with.
    func dayByDay(_ start: LocalDateTime, _ end: LocalDateTime) -> Double {
        guard end > start else { return 0 }
        var total: Int64 = 0
        for day in start.dayNumber...end.dayNumber where NorwegianCalendar.isBusinessDay(day, holidays: holidays) {
            let dayStart = Int64(day) * 86400
            let from = max(dayStart, start.secondsSinceEpoch)
            let to = min(dayStart + 86400, end.secondsSinceEpoch)
            if to > from {
                total += to - from
            }
        }
        return Double(total)
    }

    @Test func arithmeticAgreesWithCountingDayByDay() {
        var generator = SystemRandomNumberGenerator()
        let origin = t("2019-06-01T00:00").secondsSinceEpoch
        for _ in 0..<3000 {
            let offset = Int64.random(in: 0..<(4 * 365 * 86400), using: &generator)
            let start = LocalDateTime(secondsSinceEpoch: origin + offset)
            let length = Int64.random(in: 0..<(800 * 86400), using: &generator)
            let end = LocalDateTime(secondsSinceEpoch: start.secondsSinceEpoch + length)
            #expect(NorwegianCalendar.businessSeconds(from: start, to: end, holidays: holidays) == dayByDay(start, end))
        }
    }

    @Test func wholeYearsByHand() {
        // 2024: 262 weekdays (a leap year starting on Monday), 9 holidays on weekdays
        // (1 Jan Mon, Maundy Thu 28 Mar, Good Fri 29 Mar, Easter Mon 1 Apr, 1 May Wed, Ascension 9 May,
        // 17 May Fri, Whit Mon 20 May, 25 Dec Wed, 26 Dec Thu: 10, all on weekdays) → 252 business days.
        let year = BusinessDayCount.businessDays(
            from: t("2024-01-01T00:00").dayNumber,
            to: t("2025-01-01T00:00").dayNumber)
        #expect(year == 262 - 10)
        // 2008 (Easter 23 Mar): 1 Jan Tue, 20, 21 and 24 Mar, 1 May Thu which was also Ascension Day (one
        // holiday, not two), Whit Monday 12 May, 17 May a Saturday, 25 and 26 Dec Thu and Fri: 8.
        #expect(BusinessDayCount.holidaysOnWeekdays(year: 2008, from: Int.min, to: Int.max) == 8)
    }

    @Test func neverSentinelIsFastAndWarned() throws {
        let rows = (0..<100).map {
            "z\($0),p1,email,Z\($0),2024-01-15T09:00:00,9999-12-31T00:00:00,1,ja,Ingen,5,ja,5,10,\n"
        }
        let clock = ContinuousClock()
        let started = clock.now
        let season = try Fixtures.load(inquiries: header + good + rows.joined())
        #expect(clock.now - started < .seconds(2))
        let late = season.warnings.filter { $0.message.contains("more than a year after") }
        #expect(late.count == 100)
        #expect(
            late.first?.description == "inquiries.csv:3:6: warning: answered_at 9999-12-31 is more than a year "
                + "after contacted_at 2024-01-15; if it stands for no answer, leave the cell empty")
        let index = Fixtures.index(season, "z0")
        #expect(season.inquiries.answered[index] == false)
        #expect(season.inquiries.total[index] == 0)
    }

    @Test func aYearLaterIsNotWarned() throws {
        let row = "q2,p1,email,S2,2024-01-15T09:00:00,2025-01-15T09:00:00,1,,,,,,,\n"
        let season = try Fixtures.load(inquiries: header + good + row)
        #expect(!season.warnings.contains { $0.message.contains("more than a year after") })
    }

    @Test func timeInTheSpringForwardGapIsAnError() {
        let e = Fixtures.errors(inquiries: withPhoneRow("g1", "2025-03-30T02:59:00", "2025-03-30T03:00:10"))
        #expect(e.map(\.description) == ["inquiries.csv:3:5: error: contacted_at 2025-03-30 02:59 " + Self.gapMessage])
        let answered = Fixtures.errors(inquiries: withPhoneRow("g1", "2025-03-30T01:59:00", "2025-03-30T02:00:10"))
        let place = "inquiries.csv:3:6: error: "
        #expect(answered.map(\.description) == [place + "answered_at 2025-03-30 02:00:10 " + Self.gapMessage])
    }

    @Test func aroundTheGapWaitsAreTrue() throws {
        // 01:59:50 CET → 03:00:10 CEST is 20 s of wall-clock time; 03:00 is the first time after the gap.
        let season = try Fixtures.load(inquiries: withPhoneRow("g1", "2025-03-30T01:59:50", "2025-03-30T03:00:10"))
        let index = Fixtures.index(season, "g1")
        #expect(season.inquiries.waitSeconds[index] == 20)
        #expect(season.inquiries.areaScore(index, 0) == 100)
    }

    @Test func foldTimesExistAndWaitIsNotNegative() throws {
        // 2025-10-26 02:00–03:00 happens twice in Oslo; both times exist and are read the same way.
        let season = try Fixtures.load(inquiries: withPhoneRow("f1", "2025-10-26T02:10:00", "2025-10-26T02:50:00"))
        let index = Fixtures.index(season, "f1")
        #expect(season.inquiries.waitSeconds[index] == 40 * 60)
    }

    @Test func aNegativeWaitNeverScores() throws {
        let definition = try SeasonLoader.definition(Array(Fixtures.file("season.yaml").utf8))
        let scorer = InquiryScorer(definition: definition)
        // Built in memory past the loader's checks: answered a second before the contact.
        let contacted = t("2024-01-15T09:00:01")
        let scored = scorer.score(
            channel: 0, contactedAt: contacted, answeredAt: t("2024-01-15T09:00:00"),
            attempts: 1, raw: [1, 100, 5, 1, 5, 10])
        #expect(scored.answered == false)
        #expect(scored.total == 0)
        #expect(scored.areaScores[0] == 0)
    }

    @Test func gapsOfAnotherTimezone() {
        // New York skips 02:00–03:00 on 9 March 2025; Oslo does not (its change is on the 30th).
        var newYork = TimeZoneGaps(identifier: "America/New_York")
        let skipped = TimeZoneGaps.Gap(start: t("2025-03-09T02:00"), end: t("2025-03-09T03:00"))
        #expect(newYork.gap(containing: t("2025-03-09T02:30")) == skipped)
        #expect(newYork.gap(containing: t("2025-03-09T03:00")) == nil)
        var oslo = TimeZoneGaps(identifier: "Europe/Oslo")
        #expect(oslo.gap(containing: t("2025-03-09T02:30")) == nil)
        #expect(oslo.gap(containing: t("2025-03-30T01:59")) == nil)
    }
}
