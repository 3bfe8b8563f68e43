import CEditLine
import Foundation
import Synchronization

/// Set by SIGINT while the line editor waits; read and cleared by the loop.
let interruptRequested = Atomic<Bool>(false)

/// libedit's readline layer, with history kept in a file across sessions.
final class LineEditor {
    static let interrupted = "\u{3}"
    static let historyLimit = 5000
    let historyPath: String?
    private var last: String?

    init(history: String?) {
        setlocale(LC_CTYPE, "")  // or libedit drops æøå
        LineEditor.catchInterrupts()
        ksp_set_readline_name("ksp")
        historyPath = history
        using_history()
        stifle_history(Int32(LineEditor.historyLimit))
        // The history file is ours (one statement a line, appended as it is typed), read back here.
        if let history, FileManager.default.fileExists(atPath: history) {
            HistoryFile.compact(history, limit: LineEditor.historyLimit)
            if let entries = HistoryFile.read(history) {
                for entry in entries.suffix(LineEditor.historyLimit) { add_history(entry) }
                last = entries.last
            } else {
                StandardError.write("ksp: cannot read history \(history); going on without it")
            }
        }
    }

    /// Ctrl-C must not end the shell: SIGINT only sets a flag, and without SA_RESTART the
    /// editor's read is interrupted so that the half-typed line can be dropped.
    static func catchInterrupts() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in interruptRequested.store(true, ordering: .relaxed) }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }

    /// One line; `interrupted` after Ctrl-C; nil at end of input (Ctrl-D on an empty line).
    func readLine(prompt: String) -> String? {
        interruptRequested.store(false, ordering: .relaxed)
        let raw = readline(prompt)
        if interruptRequested.exchange(false, ordering: .relaxed) {
            if let raw { free(raw) }
            print("^C")
            return LineEditor.interrupted
        }
        guard let raw else { return nil }
        defer { free(raw) }
        return String(cString: raw)
    }

    /// Adds a whole statement to the history, dropping consecutive duplicates, and saves it at once.
    func remember(_ entry: String) {
        let trimmed = entry.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed != last else { return }
        last = trimmed
        add_history(trimmed)
        if let historyPath { HistoryFile.append(trimmed, to: historyPath) }
    }
}

/// The history file: `$XDG_STATE_HOME/ksp/history`, else `~/.ksp_history`.
/// Each entry is appended with one write(2) under O_APPEND, so a crash or a second shell
/// cannot interleave or truncate what the first one wrote.
enum HistoryFile {
    static func defaultPath() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let custom = environment["KSP_HISTORY"] { return custom.isEmpty ? nil : custom }
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty {
            let directory = (state as NSString).appendingPathComponent("ksp")
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            return (directory as NSString).appendingPathComponent("history")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return (home as NSString).appendingPathComponent(".ksp_history")
    }

    nonisolated(unsafe) static var warned = false

    static func append(_ entry: String, to path: String) {
        // One statement a line: a multi-line statement is kept on one line.
        let line = entry.replacingOccurrences(of: "\n", with: " ") + "\n"
        withLock(path) {
            // Opened under the lock: a compaction by another shell renames a new file over the old one, and
            // a descriptor opened before that would write into the replaced (unlinked) file, losing the entry.
            let fileDescriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
            guard fileDescriptor >= 0 else {
                warnOnce(path)
                return
            }
            defer { Foundation.close(fileDescriptor) }
            let bytes = Array(line.utf8)
            let written = bytes.withUnsafeBytes { write(fileDescriptor, $0.baseAddress, $0.count) }
            if written != bytes.count { warnOnce(path) }
        }
    }

    /// Keeps the file to the last `limit` entries once it has grown past twice that: the kept
    /// entries are written to a temporary file that replaces the old one by rename, under the lock,
    /// so a crash leaves either the old file or the new one, and no shell appends meanwhile.
    static func compact(_ path: String, limit: Int) {
        withLock(path) {
            guard let entries = read(path), entries.count > 2 * limit else { return }
            let temporaryPath = path + ".tmp-\(getpid())"
            let text = entries.suffix(limit).joined(separator: "\n") + "\n"
            let attributes: [FileAttributeKey: Any] = [.posixPermissions: 0o600]
            guard
                FileManager.default.createFile(atPath: temporaryPath, contents: Data(text.utf8), attributes: attributes)
            else {
                return
            }
            if rename(temporaryPath, path) != 0 { unlink(temporaryPath) }
        }
    }

    /// Runs `body` holding an exclusive lock on `PATH.lock`, a file that is never replaced (the history file
    /// itself is, by compaction, so a lock on it would not exclude a shell that opened it before). Without a
    /// lock file (a directory that cannot take one) it runs unlocked: the history is a convenience.
    static func withLock(_ path: String, _ body: () -> Void) {
        let lockDescriptor = open(path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard lockDescriptor >= 0 else {
            body()
            return
        }
        defer { Foundation.close(lockDescriptor) }
        while flock(lockDescriptor, LOCK_EX) != 0 && errno == EINTR {}
        defer { flock(lockDescriptor, LOCK_UN) }
        body()
    }

    static func warnOnce(_ path: String) {
        if warned { return }
        warned = true
        StandardError.write(
            "ksp: cannot write history \(path): \(String(cString: strerror(errno))); going on without saving it")
    }

    /// The entries, or nil when the file cannot be read. A torn last line (a crash mid-write) is kept as typed so far.
    static func read(_ path: String) -> [String]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }
}
