import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs `$PAGER` (else `less -SRX`) on a text.
///
/// The pager is started with posix_spawn in the shell's own process group, so it is in the terminal's
/// foreground group and can read the keyboard through /dev/tty. (Foundation's Process starts its child in a
/// new session, without a controlling terminal: less then could not read a key and quit after one screen.)
enum Pager {
    /// Whether the text was shown; false when the pager could not be started (no descriptors left, no
    /// shell): the caller then prints the text itself.
    static func show(_ text: String) -> Bool {
        let configured = ProcessInfo.processInfo.environment["PAGER"].flatMap { $0.isEmpty ? nil : $0 }
        let command = configured ?? "less -SRX"
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return false }
        let readEnd = ends[0]
        let writeEnd = ends[1]
        // The shell's end is not the pager's: it must not inherit it, or it would never see the end of the text.
        _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)
        guard let child = spawn(command, input: readEnd) else {
            close(readEnd)
            close(writeEnd)
            return false
        }
        close(readEnd)
        writeAll(text + "\n", to: writeEnd)
        close(writeEnd)
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 && errno == EINTR {}
        return true
    }

    /// `/bin/sh -c COMMAND` with standard input from `input`, signals at their defaults.
    private static func spawn(_ command: String, input: Int32) -> pid_t? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input, STDIN_FILENO)
        posix_spawn_file_actions_addclose(&actions, input)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The shell ignores SIGPIPE; the pager must not inherit that (nor a blocked signal).
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU] {
            sigaddset(&defaults, signal)
        }
        var noneBlocked = sigset_t()
        sigemptyset(&noneBlocked)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &noneBlocked)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let words: [String] = ["/bin/sh", "-c", command]
        let arguments: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer {
            for argument in arguments {
                free(argument)
            }
        }
        var child: pid_t = 0
        let result = posix_spawn(&child, "/bin/sh", &actions, &attributes, arguments, environ)
        return result == 0 ? child : nil
    }

    /// Plain write(2): a pager quit early must not take the shell down (SIGPIPE is ignored at start).
    private static func writeAll(_ text: String, to descriptor: Int32) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return -1 }
                return write(descriptor, base + offset, buffer.count - offset)
            }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }
}
