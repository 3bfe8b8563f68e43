import Foundation
import Testing

@testable import KSPCore

/// Random inquiry times of the kinds that broke the loader (issue 20, items 9 and 13): far-future
/// "never" sentinels, times in the gap and the fold of a change of the clocks, answers before the
/// contact, waits of years, on every channel's clock and in several timezones. Every load is fast
/// and either scores each inquiry in range or gives exactly the located errors an independent
/// oracle (Foundation's calendar) expects. Fixed seed; `KSP_TIME_FUZZ_INPUTS=N` for longer runs.
@Suite("Fuzzing inquiry times")
struct LoaderTimeFuzzTests {
    static var inputs: Int { ProcessInfo.processInfo.environment["KSP_TIME_FUZZ_INPUTS"].flatMap(Int.init) ?? 1500 }

    /// São Paulo had its gap at midnight, Lord Howe one of half an hour; UTC has none.
    static let timeZones = ["Europe/Oslo", "America/New_York", "America/Sao_Paulo", "Australia/Lord_Howe", "UTC"]
    static let sentinels = ["9999-12-31T23:59:59", "9999-12-31T00:00:00", "3000-01-01T00:00:00", "2100-06-15T12:00:00"]
    static let channels = ["phone", "messenger", "email"]

    /// One time class at random: ordinary, near a change of the clocks (gap or fold), or around New Year.
    static func randomTime(_ zone: TimeZone, _ rng: inout SplitMix64) -> Int64 {
        let year = 2000 + Int(rng.next() % 31)
        let yearStart = Int64(CivilDate.daysFromCivil(year: year, month: 1, day: 1)) * 86400
        switch rng.next() % 4 {
        case 0, 1:
            // Near one of the year's transitions, as local time just before it, ±45 minutes.
            let first = Date(timeIntervalSince1970: Double(yearStart))
            var transition = zone.nextDaylightSavingTimeTransition(after: first)
            if rng.next() % 2 == 0, let t = transition { transition = zone.nextDaylightSavingTimeTransition(after: t) }
            guard let instant = transition else { return yearStart + Int64(rng.next() % (365 * 86400)) }
            let before = Int64(zone.secondsFromGMT(for: instant.addingTimeInterval(-1)))
            return Int64(instant.timeIntervalSince1970) + before + Int64(rng.next() % 5400) - 2700
        case 2:
            return yearStart - 3600 + Int64(rng.next() % 7200)
        default:
            return yearStart + Int64(rng.next() % (365 * 86400))
        }
    }

    static func format(_ seconds: Int64) -> String {
        let time = LocalDateTime(secondsSinceEpoch: seconds)
        let second = time.secondOfDay
        return "\(time.date)T\(pad(second / 3600)):\(pad(second / 60 % 60)):\(pad(second % 60))"
    }

    static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// The oracle: a local time exists when Foundation's calendar gives it back unchanged.
    static func exists(_ seconds: Int64, in zone: TimeZone) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let time = LocalDateTime(secondsSinceEpoch: seconds)
        let second = time.secondOfDay
        let wanted = DateComponents(
            year: time.date.year, month: time.date.month, day: time.date.day,
            hour: second / 3600, minute: second / 60 % 60, second: second % 60)
        guard let date = calendar.date(from: wanted) else { return false }
        let back = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return back.year == wanted.year && back.month == wanted.month && back.day == wanted.day
            && back.hour == wanted.hour && back.minute == wanted.minute && back.second == wanted.second
    }

    @Test func randomTimesLoadFastOrGiveTheExpectedLocatedErrors() throws {
        let header = "id,participant,channel,shopper,contacted_at,answered_at,attempts,V1,V2,K1,T1,X1,X3,comment\n"
        let yamlText = Fixtures.file("season.yaml")
        let participants = Array(Fixtures.file("participants.csv").utf8)
        let definitions = try Self.timeZones.map { zone in
            let text = yamlText.replacingOccurrences(of: "timezone: Europe/Oslo", with: "timezone: \(zone)")
            return try SeasonLoader.definition(Array(text.utf8))
        }
        var rng = SplitMix64(seed: 20_2025)
        var loaded = 0
        var rejected = 0
        var gapErrors = 0
        let clock = ContinuousClock()
        for _ in 0..<Self.inputs {
            let zoneIndex = Int(rng.next() % UInt64(Self.timeZones.count))
            guard let zone = TimeZone(identifier: Self.timeZones[zoneIndex]) else { continue }
            var text = header
            var expectedErrors: [Int: Int] = [:]  // line → errors
            var lateAnswers = 0
            for row in 0..<(1 + Int(rng.next() % 6)) {
                let contacted = Self.randomTime(zone, &rng)
                var answered: Int64?
                switch rng.next() % 6 {
                case 0: answered = nil
                case 1: answered = LocalDateTime.parse(Self.sentinels[Int(rng.next() % 4)])?.secondsSinceEpoch
                case 2: answered = contacted - 1 - Int64(rng.next() % 86400)  // before the contact
                case 3: answered = contacted + Int64(rng.next() % (3 * 366 * 86400))  // up to three years
                case 4: answered = Self.randomTime(zone, &rng)  // anything, often a gap
                default: answered = contacted + Int64(rng.next() % 600)
                }
                let channel = Self.channels[Int(rng.next() % 3)]
                let times = "\(Self.format(contacted)),\(answered.map(Self.format) ?? "")"
                text += "t\(row),p1,\(channel),S\(row),\(times),1,ja,Ingen,5,ja,5,10,\n"
                var errors = Self.exists(contacted, in: zone) ? 0 : 1
                if let answered {
                    if !Self.exists(answered, in: zone) { errors += 1 }
                    if answered < contacted { errors += 1 }
                    if answered - contacted > 366 * 86400 { lateAnswers += 1 }
                }
                if errors > 0 { expectedErrors[row + 2] = errors }
            }
            let started = clock.now
            do {
                let season = try SeasonLoader.load(
                    parsed: definitions[zoneIndex], participants: participants,
                    inquiries: Array(text.utf8))
                let expectedLines = expectedErrors.keys.sorted()
                #expect(expectedErrors.isEmpty, "loaded, but errors expected on lines \(expectedLines):\n\(text)")
                let c = season.inquiries
                for i in 0..<c.count {
                    let limit = season.definition.channels[Int(c.channel[i])].limit
                    if c.answered[i] {
                        let wait = c.waitSeconds[i]
                        #expect(wait >= 0 && wait <= limit, "wait \(wait) scored:\n\(text)")
                    }
                    #expect(c.total[i] >= 0 && c.total[i] <= 100)
                }
                #expect(season.warnings.filter { $0.message.contains("more than a year after") }.count == lateAnswers)
                loaded += 1
            } catch {
                rejected += 1
                var found: [Int: Int] = [:]
                for e in error.errors {
                    #expect(e.file == "inquiries.csv" && (e.column == 5 || e.column == 6), "\(e)")
                    found[e.line, default: 0] += 1
                    if e.message.contains("does not exist") { gapErrors += 1 }
                }
                #expect(found == expectedErrors, "errors \(error.errors.map(\.description)) for:\n\(text)")
            }
            #expect(clock.now - started < .seconds(1), "a load took \(clock.now - started):\n\(text)")
        }
        // Each class turned up: times in gaps among the rejections.
        #expect(loaded > 0 && rejected > 0 && gapErrors > 0)
    }
}
