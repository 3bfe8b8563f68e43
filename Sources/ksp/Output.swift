import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where results go: standard output or a file from `.output`. Writes go straight to the file
/// descriptor so that a closed pipe (`| head`) ends the program quietly instead of crashing it.
final class OutputSink {
    private(set) var fd: Int32 = STDOUT_FILENO
    private(set) var path: String?

    var isTerminal: Bool { fd == STDOUT_FILENO && isatty(STDOUT_FILENO) == 1 }

    enum WriteError: Error { case failed(String) }

    func write(_ text: String) throws {
        var bytes = Array(text.utf8)
        if bytes.last != 10 { bytes.append(10) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE && fd == STDOUT_FILENO { exit(0) }  // the reader went away: end quietly
                throw WriteError.failed("cannot write to \(path ?? "standard output"): \(String(cString: strerror(errno)))")
            }
            offset += n
        }
    }

    /// Sends results to a file (created or truncated); nil goes back to standard output.
    func redirect(to newPath: String?) throws {
        if fd != STDOUT_FILENO { close(fd) }
        fd = STDOUT_FILENO
        path = nil
        guard let newPath else { return }
        let f = open(newPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard f >= 0 else { throw WriteError.failed("cannot open \(newPath) for writing: \(String(cString: strerror(errno)))") }
        fd = f
        path = newPath
    }
}

enum Terminal {
    /// Columns of the terminal on standard output; for files and pipes, $COLUMNS or no limit.
    static func width() -> Int {
        var ws = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 { return Int(ws.ws_col) }
        if let c = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(c), n > 0 { return n }
        return 10_000
    }

    static func height() -> Int {
        var ws = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_row > 0 { return Int(ws.ws_row) }
        return 24
    }

    /// Whether the locale can show Unicode (block characters); otherwise charts fall back to ASCII.
    static var unicode: Bool {
        let env = ProcessInfo.processInfo.environment
        let locale = env["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 } ?? env["LC_CTYPE"].flatMap { $0.isEmpty ? nil : $0 } ?? env["LANG"] ?? ""
        if locale.isEmpty { return true }  // no locale set: assume a modern terminal
        let l = locale.lowercased()
        return l.contains("utf-8") || l.contains("utf8")
    }

    /// Colour only on a terminal and when NO_COLOR is unset.
    static var colorAllowed: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}
