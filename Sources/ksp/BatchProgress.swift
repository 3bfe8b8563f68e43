import Foundation
import KSPRender
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The progress bar of a batch of reports on standard error: count, bar, rate and time left, redrawn
/// at most ten times a second and cleared at the end. Only on a terminal: a pipe gets nothing.
final class BatchProgress: Sendable {
    static let redrawInterval = 0.1
    static let barWidth = 24

    private struct State {
        var done = 0
        var lastDrawn = 0.0
    }

    private let total: Int
    private let started = Date()
    private let state = Mutex(State())

    /// nil on a pipe or a file: no bar at all.
    static func onTerminal(total: Int) -> BatchProgress? {
        isatty(STDERR_FILENO) == 1 ? BatchProgress(total: total) : nil
    }

    init(total: Int) {
        self.total = total
    }

    /// One more file written.
    func advance() {
        let line: String? = state.withLock { state in
            state.done += 1
            let elapsed = Date().timeIntervalSince(started)
            guard state.done == total || elapsed - state.lastDrawn >= BatchProgress.redrawInterval else { return nil }
            state.lastDrawn = elapsed
            return BatchProgress.line(done: state.done, total: total, elapsed: elapsed)
        }
        if let line { draw("\r" + line + "\u{1B}[K") }
    }

    /// Takes the bar off the screen, so that what follows starts on a clean line.
    func clear() {
        draw("\r\u{1B}[K")
    }

    /// ` 37/190 [██████░░░░░░░░] 12.3/s 0:12 left`
    static func line(done: Int, total: Int, elapsed: Double) -> String {
        let filled = total > 0 ? min(barWidth, done * barWidth / total) : barWidth
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let left = rate > 0 ? Int((Double(total - done) / rate).rounded(.up)) : nil
        let timeLeft = left.map { "\($0 / 60):" + String(format: "%02d", $0 % 60) + " left" } ?? "–:–– left"
        let width = String(total).count
        let count = String(repeating: " ", count: max(0, width - String(done).count)) + "\(done)/\(total)"
        return "\(count) [\(bar)] \(NumberFormat.decimals(rate, 1))/s \(timeLeft)"
    }

    private func draw(_ text: String) {
        _ = AtomicFile.writeAll(Array(text.utf8), to: STDERR_FILENO)
    }
}
