import Foundation

/// A local wall-clock date-time as written in inquiries.csv (no zone: the season's timezone applies).
/// Kept as seconds since 1970-01-01T00:00 *in local time*, which makes calendar arithmetic
/// (weekdays, business days, months) exact and cheap.
public struct LocalDateTime: Hashable, Comparable, Sendable {
    public var secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) { self.secondsSinceEpoch = secondsSinceEpoch }

    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        guard CivilDate.isValid(year: year, month: month, day: day),
            (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        let days = CivilDate.daysFromCivil(year: year, month: month, day: day)
        secondsSinceEpoch = Int64(days) * 86400 + Int64(hour * 3600 + minute * 60 + second)
    }

    public var dayNumber: Int {
        Int(secondsSinceEpoch >= 0 ? secondsSinceEpoch / 86400 : (secondsSinceEpoch - 86399) / 86400)
    }
    public var date: CivilDate { CivilDate(dayNumber: dayNumber) }
    public var secondOfDay: Int { Int(secondsSinceEpoch - Int64(dayNumber) * 86400) }

    public static func < (left: LocalDateTime, right: LocalDateTime) -> Bool {
        left.secondsSinceEpoch < right.secondsSinceEpoch
    }

    /// Parses `2024-01-15T09:30:00`, `2024-01-15T09:30`, `2024-01-15 09:30:00` (bytes of UTF-8).
    public static func parse<C: Collection>(utf8 bytes: C) -> LocalDateTime? where C.Element == UInt8 {
        // Called for both times of every inquiry row: the digit groups and the bytes between them live on the
        // stack, where two arrays per call cost about 3 % of a 100× load.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 6) { digits in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 5) { separators in
                var count = 0
                var current = -1
                for byte in bytes {
                    if byte >= 48 && byte <= 57 {
                        current = (current < 0 ? 0 : current) &* 10 &+ Int(byte - 48)
                        if current > 100_000 { return nil }
                        continue
                    }
                    // A seventh group could never make a date-time.
                    guard current >= 0, count < 5 else { return nil }
                    digits[count] = current
                    separators[count] = byte
                    count += 1
                    current = -1
                }
                if current < 0 { return nil }
                digits[count] = current
                count += 1
                return dateTime(
                    digits: UnsafeBufferPointer(digits), separators: UnsafeBufferPointer(separators), count: count)
            }
        }
    }

    /// Expected shapes: Y-M-D[T ]h:m[:s], as digit groups and the bytes between them.
    private static func dateTime(
        digits: UnsafeBufferPointer<Int>, separators: UnsafeBufferPointer<UInt8>, count: Int
    ) -> LocalDateTime? {
        guard count == 5 || count == 6 else { return nil }
        guard separators[0] == UInt8(ascii: "-"), separators[1] == UInt8(ascii: "-"),
            separators[2] == UInt8(ascii: "T") || separators[2] == UInt8(ascii: " ")
                || separators[2] == UInt8(ascii: "t"),
            separators[3] == UInt8(ascii: ":"), count == 5 || separators[4] == UInt8(ascii: ":")
        else { return nil }
        return LocalDateTime(
            year: digits[0], month: digits[1], day: digits[2], hour: digits[3], minute: digits[4],
            second: count == 6 ? digits[5] : 0)
    }

    public static func parse(_ text: String) -> LocalDateTime? {
        parse(utf8: Array(text.trimmingCharacters(in: .whitespaces).utf8))
    }

    /// `02:00`
    public var timeOfDay: String {
        let seconds = secondOfDay
        return "\(pad2(seconds / 3600)):\(pad2(seconds / 60 % 60))"
    }

    /// `2024-01-15 09:30:05` (the seconds only when not zero).
    public var descriptionWithSeconds: String {
        let seconds = secondOfDay % 60
        return seconds == 0 ? description : description + ":" + pad2(seconds)
    }

    /// `2024-01-15 09:30`
    public var description: String {
        let seconds = secondOfDay
        return "\(date) \(pad2(seconds / 3600)):\(pad2(seconds / 60 % 60))"
    }
}

/// A calendar date (proleptic Gregorian), with conversions to a day number (days since 1970-01-01).
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int, month: Int, day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public init(dayNumber z0: Int) {
        // Howard Hinnant's civil_from_days. The short names (z, era, doe, yoe, doy, mp) are his.
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    public var dayNumber: Int { CivilDate.daysFromCivil(year: year, month: month, day: day) }

    /// 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
    public var isoWeekday: Int { CivilDate.isoWeekday(dayNumber: dayNumber) }

    public static func isoWeekday(dayNumber: Int) -> Int {
        let remainder = (dayNumber + 3) % 7
        return (remainder < 0 ? remainder + 7 : remainder) + 1
    }

    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        // Howard Hinnant's days_from_civil; the short names (y, era, yoe, mp, doy, doe) are his.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        (1...9999).contains(year) && (1...12).contains(month) && day >= 1 && day <= daysIn(year: year, month: month)
    }

    /// Parses `2024-03-01`.
    public static func parse(_ text: String) -> CivilDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            isValid(year: year, month: month, day: day)
        else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    public static func < (left: CivilDate, right: CivilDate) -> Bool { left.dayNumber < right.dayNumber }

    public var description: String { "\(year)-\(pad2(month))-\(pad2(day))" }

    /// ISO 8601 week: (week-based year, week number).
    public var isoWeek: (year: Int, week: Int) {
        let thursday = dayNumber - isoWeekday + 4
        let weekYear = CivilDate(dayNumber: thursday).year
        let jan1 = CivilDate.daysFromCivil(year: weekYear, month: 1, day: 1)
        return (weekYear, (thursday - jan1) / 7 + 1)
    }
}

@inline(__always) func pad2(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
