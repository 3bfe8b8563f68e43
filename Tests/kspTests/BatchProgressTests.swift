import Testing

@testable import ksp

/// The progress bar of a batch: count, bar, rate and time left, fitted to the terminal.
@Suite("Batch progress bar")
struct BatchProgressTests {
    @Test func countBarRateAndTimeLeft() {
        // 37 of 190 in 3 s: 24 × 37 / 190 = 4.67 → 4 cells; 12.33/s; 153 left / 12.33 = 12.4 → 13 s.
        #expect(
            BatchProgress.line(done: 37, total: 190, elapsed: 3, width: 79, unicode: true)
                == " 37/190 [████░░░░░░░░░░░░░░░░░░░░] 12.3/s 0:13 left")
        #expect(
            BatchProgress.line(done: 37, total: 190, elapsed: 3, width: 79, unicode: false)
                == " 37/190 [####--------------------] 12.3/s 0:13 left")
        // 100 of 190 in 50 s: 2/s, 45 s left; 150 of 190 in 10 s: 15/s, 40 / 15 = 2.67 → 3 s.
        #expect(
            BatchProgress.line(done: 100, total: 190, elapsed: 50, width: 79, unicode: true)
                == "100/190 [████████████░░░░░░░░░░░░] 2.0/s 0:45 left")
        #expect(
            BatchProgress.line(done: 150, total: 190, elapsed: 10, width: 79, unicode: false).hasSuffix("0:03 left"))
        #expect(
            BatchProgress.line(done: 0, total: 3, elapsed: 0, width: 79, unicode: false)
                == "0/3 [------------------------] 0.0/s -:-- left")
    }

    @Test func aNarrowTerminalDropsTheBarThenTheRate() {
        #expect(
            BatchProgress.line(done: 37, total: 190, elapsed: 3, width: 40, unicode: true) == " 37/190 12.3/s 0:13 left"
        )
        #expect(BatchProgress.line(done: 37, total: 190, elapsed: 3, width: 20, unicode: true) == " 37/190")
    }
}
