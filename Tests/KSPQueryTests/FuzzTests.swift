import Foundation
import KSPCore
import KSPRender
import KSPTestSupport
import Testing

@testable import KSPQuery

/// Random statements built from the grammar's pieces, run against the fixture season: nothing may
/// crash or hang, and every failure must be a located query error. The seed is fixed, so a run is
/// reproducible; `KSP_FUZZ_INPUTS=1000000 swift test --filter Fuzz` runs longer.
@Suite("Fuzzing the statement parser and evaluator")
struct StatementFuzzTests {
    static var inputs: Int { ProcessInfo.processInfo.environment["KSP_FUZZ_INPUTS"].flatMap(Int.init) ?? 100_000 }

    static let pieces: [String] = [
        "total", "total_answered", "areas", "questions", "n", "noanswer", "noanswer1", "csat", "ces", "nps", "ves1",
        "ves2",
        "wait_median", "wait", "welcome", "agent", "impression", "cx", "V1", "V2", "K1", "T1", "X1", "X3", "totl",
        "by", "across", "where", "order", "top", "compare", "vs", "on", "all", "class", "winners", "quotes", "rank",
        "within",
        "contains", "and", "or", "not", "in", "asc", "desc", "answered", "area", "date", "participant", "channel",
        "shopper",
        "month", "week", "attempts", ",", "(", ")", "=", "!=", "<", "<=", ">", ">=", ";", "\"", "Bank", "Forsikring",
        "\"Alfa Bank\"", "\"Gamma Forsikring\"", "phone", "telefon", "e-post", "messenger", "2024-01-15", "2024-02-30",
        "2024-01",
        "2024-W03", "0", "1", "2", "50", "-3", "1e309", "99999999999999999999", "10.5", "\"æøå\"", "Åpen", "\"\"", "--",
        "日本",
        "\u{0}", "\u{301}", ".", "S1", "q1",
    ]

    /// Mostly grammatical shapes with random substitutions, so that the evaluator is reached too.
    static let shapes: [String] = [
        "M by D", "M, M by D where F", "M by D across D", "M by D, D where F order by M desc top N",
        "questions by D where area = A",
        "compare D V vs V on M", "compare participant P vs class", "winners where F",
        "quotes contains \"x\" where F top N",
        "rank within class C by M", "M where F", "M by D where (F or F) and not F",
    ]

    static func statement(_ rng: inout SplitMix64) -> String {
        func pick(_ a: [String]) -> String { a[Int(rng.next() % UInt64(a.count))] }
        if rng.next() % 3 == 0 {
            // Pure noise from the pieces.
            return (0..<Int(rng.next() % 12)).map { _ in pick(pieces) }.joined(
                separator: rng.next() % 4 == 0 ? "" : " ")
        }
        var s = pick(shapes)
        let subs: [(String, [String])] = [
            (
                "M",
                [
                    "total", "nps", "csat", "agent", "K1", "X3", "n", "noanswer", "wait_median", "areas", "totl",
                    "total_answered",
                ]
            ),
            ("D", ["class", "participant", "channel", "shopper", "month", "week", "attempts", "clas", "area"]),
            (
                "F",
                [
                    "class = Bank", "channel != email", "date < 2024-02-01", "total < 50", "answered", "not answered",
                    "participant in (\"Alfa Bank\", \"Beta Bank\")", "class = Bnak", "K1 >= 75", "nps <= 6",
                    "date = 2024-02-30",
                    "channel not in (telefon)", "contains \"bra\"", "month = 2024-01", "week = 2024-W03",
                    "attempts = 2",
                ]
            ),
            ("V", ["phone", "email", "Bank", "\"Alfa Bank\"", "all", "(phone, email)", "nothing"]),
            ("P", ["\"Alfa Bank\"", "\"Beta Bank\"", "p3", "\"Ingen\""]),
            ("C", ["Bank", "Forsikring", "Nowhere"]),
            ("A", ["agent", "welcome", "cx", "wait", "none"]),
            ("N", ["1", "3", "10", "0", "1e309"]),
        ]
        for (placeholder, options) in subs {
            while let r = s.range(of: placeholder, options: .literal) {
                // Only whole-word placeholders (not letters inside keywords already substituted).
                s.replaceSubrange(r, with: pick(options))
            }
        }
        // Now and then a random cut or insertion.
        if rng.next() % 5 == 0, !s.isEmpty {
            var chars = Array(s)
            let at = Int(rng.next() % UInt64(chars.count))
            if rng.next() % 2 == 0 {
                chars.removeSubrange(at..<min(chars.count, at + Int(rng.next() % 4) + 1))
            } else {
                chars.insert(contentsOf: Array(pick(pieces)), at: at)
            }
            s = String(chars)
        }
        return s
    }

    @Test func randomStatementsNeverCrash() throws {
        var rng = SplitMix64(seed: 20_241_122)
        var evaluator = Evaluator(season: Fixture.small)
        var ok = 0
        var failed = 0
        for _ in 0..<Self.inputs {
            let s = Self.statement(&rng)
            evaluator.options.confidenceIntervals = rng.next() % 2 == 0
            do {
                let table = try evaluator.run(s)
                for format in OutputFormat.allCases { _ = format.render(table, width: 80) }
                ok += 1
            } catch let e as any QueryDiagnostic {
                failed += 1
                let length = s.count
                #expect(e.range.start >= 0 && e.range.start <= length + 1, "\(s)")
                _ = e.rendered(statement: s)
            } catch {
                Issue.record("not a query error for \(s): \(error)")
            }
        }
        // Both paths were exercised.
        #expect(ok > Self.inputs / 10)
        #expect(failed > Self.inputs / 10)
    }
}
