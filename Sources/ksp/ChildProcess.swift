import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Helper programs: Chromium (started, talked to, and ended with its whole process group, for it
/// starts helpers of its own that must not outlive it) and the system viewer (run and left to show
/// the file). Each runs in a process group of its own with its standard streams on /dev/null, so
/// Ctrl-C at the terminal reaches ksp, which decides what to stop.
enum ChildProcess {
    enum Outcome: Equatable {
        case exited(Int32)
        /// Still running at the time limit: left to run (a viewer may stay open).
        case stillRunning
        case failedToStart(Int32)
    }

    /// How often a running child is looked at.
    static let pollInterval: useconds_t = 20_000

    /// Runs a program that hands something over and returns (`xdg-open`): its exit status, or
    /// `stillRunning` after the time limit.
    static func run(_ executable: String, _ arguments: [String], timeLimit: Double) -> Outcome {
        guard let child = spawn(executable, arguments) else { return .failedToStart(errno) }
        let deadline = Date().addingTimeInterval(timeLimit)
        var status: Int32 = 0
        while Date() < deadline {
            let waited = waitpid(child, &status, WNOHANG)
            if waited < 0 && errno != EINTR { return .exited(-1) }
            // Exited normally: the low 7 bits are 0 and the code is in the next 8; else killed by a signal.
            if waited == child { return .exited(status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)) }
            usleep(pollInterval)
        }
        return .stillRunning
    }

    /// Starts a child that ksp talks to: `descriptors` maps the child's descriptor numbers (3, 4) to
    /// ours. End it with `end`.
    /// `temporaryFolder`: the child's TMPDIR (Chromium leaves its singleton socket there when killed).
    static func start(
        _ executable: String, _ arguments: [String], descriptors: [Int32: Int32], temporaryFolder: String
    ) -> pid_t? {
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = temporaryFolder
        return spawn(executable, arguments, descriptors: descriptors, environment: environment)
    }

    /// Kills the child's whole process group and waits for the child.
    static func end(_ child: pid_t) {
        kill(-child, SIGKILL)
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 && errno == EINTR {}
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
    private static func spawn(
        _ executable: String, _ arguments: [String], descriptors: [Int32: Int32] = [:],
        environment: [String: String]? = nil
    ) -> pid_t? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] {
            posix_spawn_file_actions_addopen(
                &actions, descriptor, "/dev/null", descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY, 0)
        }
        for (childDescriptor, ours) in descriptors.sorted(by: { $0.key < $1.key }) {
            posix_spawn_file_actions_adddup2(&actions, ours, childDescriptor)
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
        let variables: [UnsafeMutablePointer<CChar>?]? = environment.map {
            $0.map { strdup("\($0.key)=\($0.value)") } + [nil]
        }
        defer {
            for variable in variables ?? [] { free(variable) }
        }
        let result =
            variables.map { posix_spawn(&child, executable, &actions, &attributes, words, $0) }
            ?? posix_spawn(&child, executable, &actions, &attributes, words, environ)
        guard result == 0 else {
            errno = result
            return nil
        }
        return child
    }
}
