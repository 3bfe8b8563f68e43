import Foundation
import KSPCore
import KSPTestSupport
import Testing

@testable import KSPQuery

/// Counts the times a statement asks whether to stop, and says yes from a chosen call on.
final class CancellationProbe: @unchecked Sendable {
    private let lock = NSLock()
    private var calls = 0
    /// Calls answered "go on" before the answer flips to "stop"; nil never stops.
    let stopAfter: Int?

    init(stopAfter: Int?) { self.stopAfter = stopAfter }

    var count: Int { lock.withLock { calls } }

    func ask() -> Bool {
        lock.withLock {
            calls += 1
            guard let stopAfter else { return false }
            return calls > stopAfter
        }
    }
}

/// Issue 20 item 25: every statement that can run long stops when asked (Ctrl-C), with a typed
/// interruption, wherever in its work the question comes.
@Suite("Cancellation")
struct CancellationTests {
    static let statements = [
        "total, agent by participant",
        "total by class across channel",
        "questions by channel",
        "total by participant where contains \"e\"",
        "compare channel phone vs chat on areas",
        "quotes contains \"e\"",
        "quotes where total < 50",
        "winners where class = Bank",
        "rank within class Bank",
        "chart total by participant",
        "trend total by month by channel",
        "report participant \"Skjærvik Sparebank\"",
        "report class Bank",
    ]

    func evaluate(_ statement: String, _ probe: CancellationProbe) throws {
        var options = EvaluationOptions()
        options.isCancelled = { probe.ask() }
        _ = try Evaluator(season: SampleSeason.season, options: options).runAny(statement)
    }

    @Test(arguments: statements)
    func stopsWhereverItIsAsked(_ statement: String) throws {
        let counting = CancellationProbe(stopAfter: nil)
        try evaluate(statement, counting)
        let calls = counting.count
        #expect(calls >= 1, "\(statement) never asks whether to stop")
        // Stop at the first question, in the middle, and at the last.
        for stopAfter in Set([0, calls / 2, calls - 1]) {
            do {
                try evaluate(statement, CancellationProbe(stopAfter: stopAfter))
                Issue.record("\(statement) went on after being asked to stop at call \(stopAfter + 1) of \(calls)")
            } catch let error as EvaluationError {
                #expect(error.isInterruption, "\(statement): \(error.message)")
                #expect(error.kind == .interrupted)
            }
        }
    }

    @Test func aFaultIsNotAnInterruption() {
        let error = Fixture.error("totl by class") as? EvaluationError
        #expect(error?.isInterruption == false)
        #expect(EvaluationError.interrupted.isInterruption)
    }
}
