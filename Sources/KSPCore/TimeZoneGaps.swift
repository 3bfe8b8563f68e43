import Foundation

/// Finds local times that do not exist in the season's timezone: those skipped when the clocks
/// jump forward (Europe/Oslo: 02:00–03:00 on the last Sunday of March). Issue 20, item 13.
///
/// A local day whose offset is the same a day before and two days after has no transition, and is
/// remembered as such: a season's rows cost one array look-up each, and the timezone is only
/// asked about the few days around a change of the clocks. A value type, so each half of a file
/// read on two cores has its own cache.
struct TimeZoneGaps {
    /// The skipped local interval `start ..< end` (local seconds, see `LocalDateTime`).
    struct Gap: Equatable {
        var start: LocalDateTime
        var end: LocalDateTime
    }

    private let timeZone: TimeZone?
    /// Per day from `firstDay` (a season spans a year or two): 0 not yet known, 1 no transition,
    /// 2 a transition near. Days outside the window are asked about every time (sentinels, typos).
    private var dayState = [UInt8](repeating: 0, count: TimeZoneGaps.window)
    private var firstDay: Int?
    /// The last day outside the window and its state: a "never" sentinel repeats one day.
    private var outsideDay = Int.min
    private var outsideState: UInt8 = 0
    private static let window = 4096

    init(identifier: String) {
        timeZone = TimeZone(identifier: identifier)
    }

    /// The gap a local time falls in, or nil when the time exists (times in a fold, where the clocks
    /// were turned back, exist twice and are read as the later one, as `InquiryScorer` does).
    mutating func gap(containing time: LocalDateTime) -> Gap? {
        guard let timeZone else { return nil }
        let day = time.dayNumber
        let local = time.secondsSinceEpoch
        let base = firstDay ?? day - TimeZoneGaps.window / 2
        firstDay = base
        let slot = day &- base
        let cached = slot >= 0 && slot < TimeZoneGaps.window
        if cached && dayState[slot] == 1 { return nil }
        if !cached && day == outsideDay && outsideState == 1 { return nil }
        let dayStart = Int64(day) * 86400
        let before = offset(timeZone, atInstant: dayStart - 86400)
        let after = offset(timeZone, atInstant: dayStart + 3 * 86400)
        if cached {
            dayState[slot] = before == after ? 1 : 2
        } else {
            outsideDay = day
            outsideState = before == after ? 1 : 2
        }
        guard before < after else { return nil }  // no change, or clocks turned back: every time exists
        // A local time exists when reading it with one of the offsets gives back that offset.
        let readAsBefore = offset(timeZone, atInstant: local - before) == before
        if readAsBefore || offset(timeZone, atInstant: local - after) == after {
            return nil
        }
        let searchFrom = Date(timeIntervalSince1970: Double(local - after - 1))
        guard let transition = timeZone.nextDaylightSavingTimeTransition(after: searchFrom) else { return nil }
        let instant = Int64(transition.timeIntervalSince1970)
        return Gap(
            start: LocalDateTime(secondsSinceEpoch: instant + before),
            end: LocalDateTime(secondsSinceEpoch: instant + after))
    }

    private func offset(_ timeZone: TimeZone, atInstant seconds: Int64) -> Int64 {
        Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds))))
    }
}
