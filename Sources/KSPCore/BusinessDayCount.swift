/// Business days counted by arithmetic rather than day by day (issue 20, item 9): an answer dated
/// 9999-12-31 (a common "never" sentinel) would otherwise walk three million days per inquiry.
///
/// Business days in a range = weekdays in it − public holidays on weekdays in it. Weekdays come from
/// whole weeks plus at most six days; holidays from a per-year count (summed once into a table for
/// the years a date can have) plus the two partial years at the ends.
public enum BusinessDayCount {
    /// Business days in the day numbers `first ..< end` (days since 1970-01-01).
    public static func businessDays(from first: Int, to end: Int) -> Int {
        guard end > first else { return 0 }
        return weekdays(from: first, to: end) - weekdayHolidays(from: first, to: end)
    }

    /// Monday–Friday days in `first ..< end`.
    static func weekdays(from first: Int, to end: Int) -> Int {
        let length = end - first
        var count = length / 7 * 5
        // The days left over after the whole weeks start on the same weekday as `first`.
        var weekday = CivilDate.isoWeekday(dayNumber: first)
        for _ in 0..<(length % 7) {
            if weekday <= 5 {
                count += 1
            }
            weekday = weekday == 7 ? 1 : weekday + 1
        }
        return count
    }

    /// Public holidays falling on Monday–Friday in `first ..< end`.
    static func weekdayHolidays(from first: Int, to end: Int) -> Int {
        let firstYear = CivilDate(dayNumber: first).year
        let lastYear = CivilDate(dayNumber: end - 1).year
        if firstYear == lastYear {
            return holidaysOnWeekdays(year: firstYear, from: first, to: end)
        }
        let head = holidaysOnWeekdays(year: firstYear, from: first, to: Int.max)
        let tail = holidaysOnWeekdays(year: lastYear, from: Int.min, to: end)
        return head + holidaysOnWeekdays(years: (firstYear + 1)..<lastYear) + tail
    }

    /// Weekday holidays of whole years: from the table for years 1…9999, one year at a time otherwise.
    static func holidaysOnWeekdays(years: Range<Int>) -> Int {
        guard !years.isEmpty else { return 0 }
        let table = cumulativeTable
        if years.lowerBound >= 1 && years.upperBound <= table.count {
            return Int(table[years.upperBound - 1] - table[years.lowerBound - 1])
        }
        var count = 0
        for year in years {
            count += holidaysOnWeekdays(year: year, from: Int.min, to: Int.max)
        }
        return count
    }

    /// `cumulativeTable[k]` = weekday holidays of the years 1 … k (index 0 is 0): worked out once.
    static let cumulativeTable: [Int32] = {
        var table = [Int32](repeating: 0, count: 10_000)
        for year in 1..<10_000 {
            table[year] = table[year - 1] + Int32(holidaysOnWeekdays(year: year, from: Int.min, to: Int.max))
        }
        return table
    }()

    /// The distinct holidays of a year that fall on a weekday within `first ..< end`, without
    /// allocating: Ascension Day and Whit Monday can fall on 1 or 17 May and are then one holiday.
    static func holidaysOnWeekdays(year: Int, from first: Int, to end: Int) -> Int {
        let fixed = (
            CivilDate.daysFromCivil(year: year, month: 1, day: 1),
            CivilDate.daysFromCivil(year: year, month: 5, day: 1),
            CivilDate.daysFromCivil(year: year, month: 5, day: 17),
            CivilDate.daysFromCivil(year: year, month: 12, day: 25),
            CivilDate.daysFromCivil(year: year, month: 12, day: 26)
        )
        func counts(_ day: Int) -> Bool {
            day >= first && day < end && CivilDate.isoWeekday(dayNumber: day) <= 5
        }
        var count = 0
        for day in [fixed.0, fixed.1, fixed.2, fixed.3, fixed.4] where counts(day) {
            count += 1
        }
        let easter = NorwegianCalendar.easterSunday(year: year).dayNumber
        // Maundy Thursday, Good Friday, Easter Monday, Ascension Day, Whit Monday.
        for offset in [-3, -2, 1, 39, 50] {
            let day = easter + offset
            let isFixed = day == fixed.1 || day == fixed.2
            if !isFixed && counts(day) {
                count += 1
            }
        }
        return count
    }
}
