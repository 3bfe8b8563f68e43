import Testing

@testable import KSPCore

@Suite("Rule 4: business time")
struct CalendarTests {
    let holidays = HolidayCache()

    func t(_ s: String) -> LocalDateTime { LocalDateTime.parse(s)! }

    @Test func easterByTheGregorianComputus() {
        // Published dates of Easter Sunday.
        #expect(NorwegianCalendar.easterSunday(year: 2000) == CivilDate(year: 2000, month: 4, day: 23))
        #expect(NorwegianCalendar.easterSunday(year: 2019) == CivilDate(year: 2019, month: 4, day: 21))
        #expect(NorwegianCalendar.easterSunday(year: 2023) == CivilDate(year: 2023, month: 4, day: 9))
        #expect(NorwegianCalendar.easterSunday(year: 2024) == CivilDate(year: 2024, month: 3, day: 31))
        #expect(NorwegianCalendar.easterSunday(year: 2025) == CivilDate(year: 2025, month: 4, day: 20))
    }

    @Test func holidaysOf2024() {
        let h = NorwegianCalendar.holidays(year: 2024)
        let expected = [
            "2024-01-01", "2024-03-28", "2024-03-29", "2024-04-01", "2024-05-01", "2024-05-09",
            "2024-05-17", "2024-05-20", "2024-12-25", "2024-12-26",
        ].map { CivilDate.parse($0)!.dayNumber }
        #expect(h == Set(expected))
    }

    @Test func acrossAWeekend() {
        // Fri 16:00 → Mon 08:00: 8 h on Friday and 8 h on Monday.
        #expect(
            NorwegianCalendar.businessSeconds(
                from: t("2024-01-12T16:00"), to: t("2024-01-15T08:00"), holidays: holidays) == 16 * 3600)
    }

    @Test func acrossChristmas() {
        // Fri 22 Dec 14:00 → Wed 27 Dec 10:00: 23–24 weekend, 25–26 holidays: 10 h + 10 h.
        #expect(
            NorwegianCalendar.businessSeconds(
                from: t("2023-12-22T14:00"), to: t("2023-12-27T10:00"), holidays: holidays) == 20 * 3600)
    }

    @Test func acrossEaster() {
        // Wed 27 Mar 2024 15:00 → Tue 2 Apr 09:00: Maundy Thursday to Easter Monday are off: 9 h + 9 h.
        #expect(
            NorwegianCalendar.businessSeconds(
                from: t("2024-03-27T15:00"), to: t("2024-04-02T09:00"), holidays: holidays) == 18 * 3600)
    }

    @Test func addingIsTheInverse() {
        let start = t("2023-12-22T14:00")
        let end = NorwegianCalendar.adding(businessSeconds: 20 * 3600, to: start, holidays: holidays)
        #expect(end == t("2023-12-27T10:00"))
    }

    @Test func dateTimeForms() {
        #expect(
            LocalDateTime.parse("2024-01-15T09:30:00")
                == LocalDateTime(year: 2024, month: 1, day: 15, hour: 9, minute: 30))
        #expect(
            LocalDateTime.parse("2024-01-15 09:30") == LocalDateTime(year: 2024, month: 1, day: 15, hour: 9, minute: 30)
        )
        #expect(LocalDateTime.parse("2024-02-30T09:00") == nil)
        #expect(LocalDateTime.parse("15.01.2024 09:30") == nil)
    }

    /// The shapes the parser refuses: a group too many, a separator at either end or twice in a row, a wrong one.
    @Test func dateTimeShapesRefused() {
        #expect(
            LocalDateTime.parse("2024-01-15t09:30:05")
                == LocalDateTime(
                    year: 2024, month: 1, day: 15, hour: 9, minute: 30, second: 5))
        for text in [
            "2024-01-15T09:30:00:00", "2024-01-15T09:30:", "-2024-01-15T09:30", "2024-01--15T09:30",
            "2024-01-15T09", "2024-01-15", "2024/01/15T09:30", "2024-01-15T09.30", "2024-01-15T09:30.00",
            "2024-01-15T09:30:00:00:00:00", "", "T", "2024-01-15T1000000:30",
        ] {
            #expect(LocalDateTime.parse(text) == nil, "\(text)")
        }
        #expect(CivilDate.parse("2024-01-15")!.isoWeekday == 1)
        #expect(CivilDate.parse("2024-01-01")!.isoWeek == (2024, 1))
        #expect(CivilDate.parse("2023-01-01")!.isoWeek == (2022, 52))
    }
}
