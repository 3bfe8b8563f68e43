/// Norwegian public holidays and business time (scoring rule 4).
///
/// Business time is elapsed time on Monday–Friday that is not a public holiday:
/// 1 Jan, Maundy Thursday, Good Friday, Easter Monday, 1 May, 17 May, Ascension Day,
/// Whit Monday, 25 Dec, 26 Dec. Easter Sunday follows the Gregorian computus.
public enum NorwegianCalendar {
    /// Easter Sunday of a year (Anonymous Gregorian algorithm, "Meeus/Jones/Butcher").
    public static func easterSunday(year: Int) -> CivilDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDate(year: year, month: month, day: day)
    }

    /// Day numbers of the public holidays of a year.
    public static func holidays(year: Int) -> Set<Int> {
        let easter = easterSunday(year: year).dayNumber
        var days: Set<Int> = [
            CivilDate.daysFromCivil(year: year, month: 1, day: 1),
            CivilDate.daysFromCivil(year: year, month: 5, day: 1),
            CivilDate.daysFromCivil(year: year, month: 5, day: 17),
            CivilDate.daysFromCivil(year: year, month: 12, day: 25),
            CivilDate.daysFromCivil(year: year, month: 12, day: 26),
        ]
        for offset in [-3, -2, 1, 39, 50] { days.insert(easter + offset) }  // Maundy Thu … Whit Monday
        return days
    }

    public static func isBusinessDay(_ dayNumber: Int, holidays: HolidayCache) -> Bool {
        let wd = CivilDate.isoWeekday(dayNumber: dayNumber)
        return wd <= 5 && !holidays.isHoliday(dayNumber)
    }

    /// Seconds of business time between two local date-times (0 when `end` is not after `start`):
    /// the business parts of the first and last day, and the whole business days between counted
    /// by arithmetic (see `BusinessDayCount`), so an answer centuries late costs no more than one.
    public static func businessSeconds(from start: LocalDateTime, to end: LocalDateTime, holidays: HolidayCache)
        -> Double
    {
        guard end > start else { return 0 }
        let firstDay = start.dayNumber
        let lastDay = end.dayNumber
        if firstDay == lastDay {
            let sameDay = end.secondsSinceEpoch - start.secondsSinceEpoch
            return isBusinessDay(firstDay, holidays: holidays) ? Double(sameDay) : 0
        }
        var total: Int64 = 0
        if isBusinessDay(firstDay, holidays: holidays) {
            total += Int64(firstDay + 1) * 86400 - start.secondsSinceEpoch
        }
        if isBusinessDay(lastDay, holidays: holidays) {
            total += end.secondsSinceEpoch - Int64(lastDay) * 86400
        }
        total += Int64(BusinessDayCount.businessDays(from: firstDay + 1, to: lastDay)) * 86400
        return Double(total)
    }
}

/// Holidays by year, computed once per year seen (a season spans two or three years).
public final class HolidayCache: @unchecked Sendable {
    private var byYear: [Int: Set<Int>] = [:]
    public init() {}
    public func isHoliday(_ dayNumber: Int) -> Bool {
        let year = CivilDate(dayNumber: dayNumber).year
        if let set = byYear[year] { return set.contains(dayNumber) }
        let set = NorwegianCalendar.holidays(year: year)
        byYear[year] = set
        return set.contains(dayNumber)
    }
}

extension NorwegianCalendar {
    /// The local date-time `seconds` of business time after `start` (the inverse of `businessSeconds`).
    public static func adding(businessSeconds seconds: Double, to start: LocalDateTime, holidays: HolidayCache)
        -> LocalDateTime
    {
        var remaining = Int64(seconds.rounded())
        var t = start.secondsSinceEpoch
        while true {
            let day = LocalDateTime(secondsSinceEpoch: t).dayNumber
            let dayEnd = Int64(day + 1) * 86400
            if isBusinessDay(day, holidays: holidays) {
                if t + remaining <= dayEnd { return LocalDateTime(secondsSinceEpoch: t + remaining) }
                remaining -= dayEnd - t
            }
            t = dayEnd
        }
    }
}
