import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where results go: standard output or a file from `.output`. Writes go straight to the file
/// descriptor so that a closed pipe (`| head`) ends the program quietly instead of crashing it.
final class OutputSink {
    private(set) var fileDescriptor: Int32 = STDOUT_FILENO
    private(set) var path: String?

    var isTerminal: Bool { fileDescriptor == STDOUT_FILENO && isatty(STDOUT_FILENO) == 1 }

    enum WriteError: Error, CustomStringConvertible {
        case failed(String)

        var description: String {
            switch self {
            case .failed(let message): return message
            }
        }
    }

    func write(_ text: String) throws {
        if fileDescriptor == STDOUT_FILENO && StandardStreams.outputWasClosed {
            throw WriteError.failed("cannot write to standard output: it is closed")
        }
        var bytes = Array(text.utf8)
        if bytes.last != 10 { bytes.append(10) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes {
                Glibc.write(fileDescriptor, $0.baseAddress! + offset, $0.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE && fileDescriptor == STDOUT_FILENO { exit(0) }  // the reader went away: end quietly
                throw WriteError.failed(
                    "cannot write to \(path ?? "standard output"): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    /// Sends results to a file (created or truncated); nil goes back to standard output. The target has
    /// passed `WriteTarget.check`. A FIFO nobody reads is refused instead of waiting forever in `open`.
    func redirect(to target: WriteTarget?) throws {
        if fileDescriptor != STDOUT_FILENO { close(fileDescriptor) }
        fileDescriptor = STDOUT_FILENO
        path = nil
        guard let target else { return }
        let opened = open(target.resolved, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NONBLOCK, 0o666)
        guard opened >= 0 else {
            let reason = errno == ENXIO ? "no program is reading that pipe" : String(cString: strerror(errno))
            throw WriteError.failed("cannot open \(target.path) for writing: \(reason)")
        }
        // Blocking again: results are written whole, the reader of a pipe sets the pace.
        let flags = fcntl(opened, F_GETFL)
        if flags >= 0 { _ = fcntl(opened, F_SETFL, flags & ~O_NONBLOCK) }
        fileDescriptor = opened
        path = target.path
    }
}

enum Terminal {
    /// Columns of the terminal on standard output; for files and pipes, $COLUMNS or no limit.
    static func width() -> Int {
        var windowSize = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &windowSize) == 0, windowSize.ws_col > 0 {
            return Int(windowSize.ws_col)
        }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"], let count = Int(columns), count > 0 {
            return count
        }
        return 10_000
    }

    static func height() -> Int {
        var windowSize = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &windowSize) == 0, windowSize.ws_row > 0 {
            return Int(windowSize.ws_row)
        }
        return 24
    }

    /// Whether the locale can show Unicode (block characters); otherwise charts fall back to ASCII.
    static var unicode: Bool {
        let locale = localeName
        if locale.isEmpty { return true }  // no locale set: assume a modern terminal
        let lowercased = locale.lowercased()
        return lowercased.contains("utf-8") || lowercased.contains("utf8")
    }

    /// The locale that decides the character set: LC_ALL, else LC_CTYPE, else LANG ("" when none is set).
    static var localeName: String {
        let environment = ProcessInfo.processInfo.environment
        let set = { (name: String) in environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        return set("LC_ALL") ?? set("LC_CTYPE") ?? set("LANG") ?? ""
    }

    /// Shown at the prompt when the locale is not UTF-8: libedit then drops typed æøå without a word.
    static var localeWarning: String? {
        unicode
            ? nil
            : "ksp: the locale \(localeName) is not UTF-8, so Norwegian letters cannot be typed and tables "
                + "are drawn in ASCII; set LANG=C.UTF-8 (or nb_NO.UTF-8) for æøå"
    }

    /// Colour only on a terminal that can show it (TERM is not `dumb`) and when NO_COLOR is unset or empty.
    static var colorAllowed: Bool {
        let environment = ProcessInfo.processInfo.environment
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let dumb = environment["TERM"] == "dumb"
        return isatty(STDOUT_FILENO) == 1 && !noColor && !dumb
    }
}

/// Standard input, output and error started closed (`2>&-`) would let the next file ksp opens take their
/// number — results or errors would then land in a report's temporary file. /dev/null holds each free slot;
/// a closed standard output is remembered so that results sent there still fail as before.
enum StandardStreams {
    nonisolated(unsafe) static var outputWasClosed = false

    static func reserve() {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) < 0 {
            if descriptor == STDOUT_FILENO { outputWasClosed = true }
            let opened = open("/dev/null", descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY)
            if opened >= 0 && opened != descriptor {
                dup2(opened, descriptor)
                close(opened)
            }
        }
    }
}
