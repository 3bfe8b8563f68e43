import Foundation
import Testing

/// Drives the shell in a real terminal: tmux on a private socket, keys sent, the screen read back.
///
/// Every session is ended by the test that started it (`defer { t.end() }`), which kills its tmux server
/// (and with it the shell) and removes the folders the session owns. A test process that is killed before
/// its defers run leaves a server behind; each server therefore also ends itself after `lifetime` seconds.
final class TmuxSession {
    let socket = "ksp-test-\(UUID().uuidString.prefix(8))"
    let session = "t"
    let dir: URL
    /// The longest a session's server lives, in seconds: far longer than any test, short enough that a
    /// suite killed halfway leaves nothing running for long.
    static let lifetime = 300
    /// Folders removed by `end()`: the home made for the session, or one handed over with `ownsHome`.
    private var ownedFolders: [URL] = []
    /// The tmux server's process, to wait for its end, and its socket, which tmux leaves behind.
    private var serverProcess: pid_t = 0
    private var socketPath = ""
    private var ended = false

    static var available: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") || which("tmux") != nil
    }

    static func which(_ tool: String) -> String? {
        let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in searchPath.split(separator: ":") {
            let path = "\(folder)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: path) {
                return path
            }
        }
        return nil
    }

    static var tool: String { which("tmux") ?? "/usr/bin/tmux" }

    /// Starts `ksp ARGS` in an 120×40 terminal with its own HOME (so its own history).
    /// `home`: nil makes a new folder, removed by `end()`; a folder given stays the caller's to remove unless
    /// `ownsHome` hands it over. `prelude` runs in the terminal's shell first (e.g. `ulimit -n 4;`);
    /// `size` is columns × rows.
    init(
        args: [String], home: URL? = nil, ownsHome: Bool = false, pager: String = "cat", environment: String = "",
        prelude: String = "", size: (columns: Int, rows: Int) = (120, 40)
    ) throws {
        dir = home ?? KSP.tempDirectory()
        if home == nil || ownsHome {
            ownedFolders.append(dir)
        }
        let quoted = ([KSP.binary.path] + args).map { "'\($0)'" }.joined(separator: " ")
        // The watchdog ends the server after its lifetime even when no test is left to do it; it is in the
        // terminal's process group, so it ends with the terminal when the test ends the server first.
        let watchdog =
            "(sleep \(TmuxSession.lifetime); '\(TmuxSession.tool)' -L \(socket) kill-server)"
            + " </dev/null >/dev/null 2>&1 &"
        // Record the terminal settings before and after, and the exit status, for the tests to compare;
        // then keep the terminal open (for its screen) until the test or the watchdog ends the server.
        let script = """
            \(watchdog) cd '\(dir.path)'; stty -g > stty.before; \(prelude) \
            HOME='\(dir.path)' XDG_STATE_HOME= NO_COLOR=1 PAGER='\(pager)' TERM=xterm \(environment) \(quoted); \
            echo "EXIT=$?" > exit.status; stty -g > stty.after; sleep \(TmuxSession.lifetime)
            """
        let geometry = ["-x", "\(size.columns)", "-y", "\(size.rows)"]
        try tmux(["new-session", "-d", "-s", session] + geometry + ["/bin/sh", "-c", script])
        let server = try tmux(["display-message", "-p", "-t", session, "#{pid}"])
        serverProcess = pid_t(server.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        let socketFile = try tmux(["display-message", "-p", "-t", session, "#{socket_path}"])
        socketPath = socketFile.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs tmux with posix_spawn and waitpid: Foundation's Process waits forever here, because the
    /// server that new-session daemonises keeps what it inherited open.
    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        let capturesOutput = ["capture-pane", "display-message"].contains(args.first ?? "")
        let outFile = dir.appendingPathComponent("tmux-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: outFile) }
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let output = capturesOutput ? outFile : "/dev/null"
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // The test runner's threads block most signals, and a spawned process inherits that mask: the
        // server would then never see the SIGTERM that kill-server sends it, and outlive every test.
        // So the child starts with no signal blocked and every signal at its default.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var everySignal = sigset_t()
        sigfillset(&everySignal)
        sigdelset(&everySignal, SIGKILL)
        sigdelset(&everySignal, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &everySignal)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        // Through bash, which closes every inherited descriptor above 2 before it becomes tmux: the
        // server tmux daemonises lives on, and a pipe it inherited from a test running beside this one
        // (another child's standard input) would never see its end — that child would wait forever.
        let closeAndExec =
            "for f in /proc/$$/fd/*; do n=${f##*/}; if [ \"$n\" -gt 2 ] 2>/dev/null; "
            + "then eval \"exec $n>&-\"; fi; done 2>/dev/null; exec \"$0\" \"$@\""
        let command = ["/bin/bash", "-c", closeAndExec, TmuxSession.tool, "-L", socket, "-f", "/dev/null"] + args
        let argv = command.map { strdup($0) } + [nil]
        defer {
            for argument in argv {
                free(argument)
            }
        }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, "/bin/bash", &actions, &attributes, argv, environ)
        guard rc == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EIO)
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (try? String(contentsOfFile: outFile, encoding: .utf8)) ?? ""
    }

    /// Types text literally (UTF-8, so æøå arrive as a terminal sends them).
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", session, "-l", text])
    }

    /// Types a line and presses Enter.
    func enter(_ text: String) throws {
        try type(text)
        try keys("Enter")
    }

    /// Sends named keys: Enter, Tab, BSpace, Up, C-c, C-d.
    func keys(_ names: String...) throws {
        try tmux(["send-keys", "-t", session] + names)
    }

    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", session])
    }

    /// The screen with its colours, as escape sequences (`ESC[31m` for red).
    func screenWithColours() throws -> String {
        try tmux(["capture-pane", "-p", "-e", "-t", session])
    }

    /// The row of the cursor (0 at the top); -1 when tmux cannot tell.
    func cursorRow() throws -> Int {
        let row = try tmux(["display-message", "-p", "-t", session, "#{cursor_y}"])
        return Int(row.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// Waits until the screen satisfies a condition (up to `timeout` seconds); returns the last screen.
    @discardableResult
    func waitFor(_ what: String = "", timeout: Double = 15, _ condition: (String) -> Bool) throws -> String {
        var last = ""
        try waitUntil(timeout: timeout) {
            last = try screen()
            return condition(last)
        }
        return last
    }

    /// Waits for a text on the screen; not seeing it within the time is a test failure.
    @discardableResult
    func waitFor(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let screen = try waitFor(text) { $0.contains(text) }
        if !screen.contains(text) {
            Issue.record("never saw \"\(text)\" on the screen:\n\(screen)", sourceLocation: sourceLocation)
        }
        return screen
    }

    func file(_ name: String) -> String? {
        try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
    }

    /// The shell's exit status line (`EXIT=0`) once it has ended and the terminal settings after it are
    /// recorded; nil if it has not ended within the time.
    func waitForExit(timeout: Double = 15) -> String? {
        let ended = waitUntil(timeout: timeout) {
            file("exit.status")?.contains("EXIT=") == true && file("stty.after")?.isEmpty == false
        }
        return ended ? file("exit.status")?.trimmingCharacters(in: .whitespacesAndNewlines) : nil
    }

    /// Kills the tmux server (the shell in it gets SIGHUP), waits until it is gone, and removes its socket
    /// and the folders the session owns. Safe to call more than once.
    func end() {
        guard !ended else {
            return
        }
        ended = true
        _ = try? tmux(["kill-server"])
        // kill-server returns before the server has gone: wait, so that nothing outlives the test.
        if serverProcess > 0 {
            let server = serverProcess
            waitUntil(timeout: 5) { kill(server, 0) != 0 }
        }
        if socketPath.hasSuffix("/" + socket) {
            try? FileManager.default.removeItem(atPath: socketPath)
        }
        for folder in ownedFolders {
            try? FileManager.default.removeItem(at: folder)
        }
    }

    /// The shell on a copy of the fixture season (which the test may change or delete), at its prompt.
    /// The copy lives in the session's own home, removed by `end()`.
    static func onACopyOfTheFixture() throws -> (URL, TmuxSession) {
        let home = KSP.tempDirectory()
        let dir = home.appendingPathComponent("season")
        do {
            try FileManager.default.copyItem(atPath: KSP.fixture, toPath: dir.path)
        } catch {
            try? FileManager.default.removeItem(at: home)
            throw error
        }
        let t = try TmuxSession(args: [dir.path], home: home, ownsHome: true)
        try t.waitFor("test2024>")
        return (dir, t)
    }

    deinit {
        end()
    }
}
