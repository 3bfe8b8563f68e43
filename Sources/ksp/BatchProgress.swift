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
    /// The terminal's columns: a line wider would wrap, and `\r` would no longer redraw it.
    private let columns: Int
    private let unicode: Bool
    private let started = Date()
    private let state = Mutex(State())

    /// nil on a pipe or a file: no bar at all.
    static func onTerminal(total: Int) -> BatchProgress? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        var windowSize = winsize()
        let measured = ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &windowSize) == 0 && windowSize.ws_col > 0
        return BatchProgress(total: total, columns: measured ? Int(windowSize.ws_col) : 80, unicode: Terminal.unicode)
    }

    init(total: Int, columns: Int, unicode: Bool) {
        self.total = total
        self.columns = columns
        self.unicode = unicode
    }

    /// One more file written.
    func advance() {
        let line: String? = state.withLock { state in
            state.done += 1
            let elapsed = Date().timeIntervalSince(started)
            guard state.done == total || elapsed - state.lastDrawn >= BatchProgress.redrawInterval else { return nil }
            state.lastDrawn = elapsed
            return BatchProgress.line(
                done: state.done, total: total, elapsed: elapsed, width: columns - 1, unicode: unicode)
        }
        if let line { draw("\r" + line + "\u{1B}[K") }
    }

    /// Takes the bar off the screen, so that what follows starts on a clean line.
    func clear() {
        draw("\r\u{1B}[K")
    }

    /// ` 37/190 [████░░░░░░░░░░░░░░░░░░░░] 12.3/s 0:13 left`; without the bar when that is wider than
    /// `width`, and only the count when even that is; `#` and `-` when the terminal is not UTF-8.
    static func line(done: Int, total: Int, elapsed: Double, width: Int, unicode: Bool) -> String {
        let filled = total > 0 ? min(barWidth, done * barWidth / total) : barWidth
        let bar =
            String(repeating: unicode ? "█" : "#", count: filled)
            + String(repeating: unicode ? "░" : "-", count: barWidth - filled)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let secondsLeft = rate > 0 ? Int((Double(total - done) / rate).rounded(.up)) : nil
        let unknown = unicode ? "–:––" : "-:--"
        let left = secondsLeft.map { "\($0 / 60):" + ($0 % 60 < 10 ? "0" : "") + "\($0 % 60)" } ?? unknown
        let count = String(repeating: " ", count: max(0, String(total).count - String(done).count)) + "\(done)/\(total)"
        let speed = "\(NumberFormat.decimals(rate, 1))/s \(left) left"
        for candidate in ["\(count) [\(bar)] \(speed)", "\(count) \(speed)"] where candidate.count <= width {
            return candidate
        }
        return count
    }

    private func draw(_ text: String) {
        _ = AtomicFile.writeAll(Array(text.utf8), to: STDERR_FILENO)
    }
}
