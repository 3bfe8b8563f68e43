import Foundation
import KSPCore

/// While a season loads for longer than half a second, one line on a terminal's standard error says
/// which file is being read and how far (`reading DIR/inquiries.csv 42%`), rewritten in place and
/// erased when the load ends. Nothing is shown on a pipe or a file, nor for a quick load.
final class ProgressLine: @unchecked Sendable {
    /// Seconds a load runs before the line appears; `KSP_PROGRESS_AFTER` changes it (tests set 0).
    static var delay: Double {
        ProcessInfo.processInfo.environment["KSP_PROGRESS_AFTER"].flatMap(Double.init) ?? 0.5
    }

    private let lock = NSLock()
    private let started = DispatchTime.now().uptimeNanoseconds
    private let delay: Double
    private let write: @Sendable (String) -> Void
    private var shownPercent: Int?

    init(delay: Double, write: @escaping @Sendable (String) -> Void) {
        self.delay = delay
        self.write = write
    }

    /// The line for `file` at `fraction` read, once the delay has passed and when the percent changed.
    func update(file: String, fraction: Double, now: UInt64 = DispatchTime.now().uptimeNanoseconds) {
        lock.withLock {
            guard Double(now &- started) / 1e9 >= delay else { return }
            let percent = Int((fraction * 100).rounded(.down))
            guard percent != shownPercent else { return }
            shownPercent = percent
            write("\r\u{1B}[Kreading \(file) \(percent)%")
        }
    }

    /// Erases the line, if it was shown, so that what follows starts on a clean line.
    func finish() {
        lock.withLock {
            if shownPercent != nil { write("\r\u{1B}[K") }
            shownPercent = nil
        }
    }

    /// Runs a load with the line on standard error when that is a terminal.
    static func around<Result>(_ load: () throws -> Result) rethrows -> Result {
        guard isatty(STDERR_FILENO) == 1 else { return try load() }
        let line = ProgressLine(delay: delay) { text in
            _ = AtomicFile.writeAll(Array(text.utf8), to: STDERR_FILENO)
        }
        defer { line.finish() }
        let progress = LoadProgress { file, fraction in line.update(file: file, fraction: fraction) }
        return try LoadProgress.$current.withValue(progress) { try load() }
    }
}
