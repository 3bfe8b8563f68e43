import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A helper program (Chromium, the system viewer) run in its own process group with its output
/// discarded, waited for with a time limit. When the time is up or the user presses Ctrl-C the whole
/// group is killed — Chromium starts helpers of its own that must not outlive it.
enum ChildProcess {
    enum Outcome: Equatable {
        case exited(Int32)
        case timedOut
        case interrupted
        case failedToStart(Int32)
    }

    /// How often the child is looked at while it runs.
    static let pollInterval: useconds_t = 20_000

    /// `ownsGroup`: the child's group is ksp's to end (Chromium); false for a viewer that is handed the
    /// file and must go on showing it (it is left running when it outlasts the time limit).
    static func run(
        _ executable: String, _ arguments: [String], timeLimit: Double, ownsGroup: Bool = true,
        isCancelled: () -> Bool
    ) -> Outcome {
        guard let child = spawn(executable, arguments) else { return .failedToStart(errno) }
        let deadline = Date().addingTimeInterval(timeLimit)
        var status: Int32 = 0
        while true {
            let waited = waitpid(child, &status, WNOHANG)
            if waited == child { break }
            if waited < 0 && errno != EINTR { return .exited(-1) }
            let stop: Outcome? = isCancelled() ? .interrupted : Date() >= deadline ? .timedOut : nil
            if let stop {
                guard ownsGroup else { return stop }
                kill(-child, SIGKILL)
                while waitpid(child, &status, 0) < 0 && errno == EINTR {}
                return stop
            }
            usleep(pollInterval)
        }
        // Helpers the child left behind in its group go with it.
        if ownsGroup { kill(-child, SIGKILL) }
        // Exited normally: the low 7 bits are 0 and the code is in the next 8; else killed by a signal.
        return .exited(status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F))
    }

    /// The executable found on $PATH (or the path itself when it holds a `/`).
    static func find(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        for folder in (environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Started in a new process group, standard streams on /dev/null, signals at their defaults.
    private static func spawn(_ executable: String, _ arguments: [String]) -> pid_t? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] {
            posix_spawn_file_actions_addopen(
                &actions, descriptor, "/dev/null", descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY, 0)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The shell ignores SIGPIPE and catches SIGINT; the child gets neither.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGQUIT] { sigaddset(&defaults, signal) }
        var noneBlocked = sigset_t()
        sigemptyset(&noneBlocked)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &noneBlocked)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP))
        let words: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer {
            for word in words { free(word) }
        }
        var child: pid_t = 0
        let result = posix_spawn(&child, executable, &actions, &attributes, words, environ)
        guard result == 0 else {
            errno = result
            return nil
        }
        return child
    }
}
