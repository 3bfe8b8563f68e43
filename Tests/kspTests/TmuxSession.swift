import Foundation
import Testing

/// Drives the shell in a real terminal: tmux on a private socket, keys sent, the screen read back.
final class TmuxSession {
    let socket = "ksp-test-\(UUID().uuidString.prefix(8))"
    let session = "t"
    let dir: URL

    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") || which("tmux") != nil }

    static func which(_ tool: String) -> String? {
        for p in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(p)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Starts `ksp ARGS` in an 120×40 terminal with its own HOME (so its own history).
    /// `prelude` runs in the terminal's shell first (e.g. `ulimit -n 4;`); `size` is columns × rows.
    init(args: [String], home: URL? = nil, pager: String = "cat", environment: String = "", prelude: String = "",
         size: (columns: Int, rows: Int) = (120, 40)) throws {
        dir = home ?? KSP.tempDirectory()
        let quoted = ([KSP.binary.path] + args).map { "'\($0)'" }.joined(separator: " ")
        // Record the terminal settings before and after, and the exit status, for the tests to compare.
        let script = """
        cd '\(dir.path)'; stty -g > stty.before; \(prelude) \
        HOME='\(dir.path)' XDG_STATE_HOME= NO_COLOR=1 PAGER='\(pager)' TERM=xterm \(environment) \(quoted); echo "EXIT=$?" > exit.status; \
        stty -g > stty.after; sleep 600
        """
        let geometry = ["-x", "\(size.columns)", "-y", "\(size.rows)"]
        try tmux(["new-session", "-d", "-s", session] + geometry + ["/bin/sh", "-c", script])
    }

    /// Runs tmux with posix_spawn and waitpid: Foundation's Process waits forever here, because the
    /// server that new-session daemonises keeps what it inherited open.
    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        let tool = TmuxSession.which("tmux") ?? "/usr/bin/tmux"
        let outFile = dir.appendingPathComponent("tmux-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: outFile) }
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, args.first == "capture-pane" ? outFile : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // Through bash, which closes every inherited descriptor above 2 before it becomes tmux: the
        // server tmux daemonises lives on, and a pipe it inherited from a test running beside this one
        // (another child's standard input) would never see its end — that child would wait forever.
        let closeAndExec = "for f in /proc/$$/fd/*; do n=${f##*/}; if [ \"$n\" -gt 2 ] 2>/dev/null; then eval \"exec $n>&-\"; fi; done 2>/dev/null; exec \"$0\" \"$@\""
        let argv = (["/bin/bash", "-c", closeAndExec, tool, "-L", socket, "-f", "/dev/null"] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, "/bin/bash", &actions, nil, argv, environ)
        guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EIO) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (try? String(contentsOfFile: outFile, encoding: .utf8)) ?? ""
    }

    /// Types text literally (UTF-8, so æøå arrive as a terminal sends them).
    func type(_ text: String) throws { try tmux(["send-keys", "-t", session, "-l", text]) }
    /// Types a line and presses Enter.
    func enter(_ text: String) throws { try type(text); try keys("Enter") }
    /// Sends named keys: Enter, Tab, BSpace, Up, C-c, C-d.
    func keys(_ names: String...) throws { try tmux(["send-keys", "-t", session] + names) }

    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", session]) }
    /// The screen with its colours, as escape sequences (`ESC[31m` for red).
    func screenWithColours() throws -> String { try tmux(["capture-pane", "-p", "-e", "-t", session]) }

    /// Waits until the screen satisfies a condition (up to 15 s); returns the last screen.
    @discardableResult
    func waitFor(_ what: String = "", timeout: Double = 15, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return last
    }

    /// Waits for a text on the screen; not seeing it within the time is a test failure.
    @discardableResult
    func waitFor(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let screen = try waitFor(text) { $0.contains(text) }
        if !screen.contains(text) { Issue.record("never saw \"\(text)\" on the screen:\n\(screen)", sourceLocation: sourceLocation) }
        return screen
    }

    func file(_ name: String) -> String? { try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8) }

    func waitForExit(timeout: Double = 15) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let s = file("exit.status"), s.contains("EXIT=") { Thread.sleep(forTimeInterval: 0.3); return s.trimmingCharacters(in: .whitespacesAndNewlines) }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return nil
    }

    func close() { _ = try? tmux(["kill-server"]) }

    /// The shell on a copy of the fixture season (which the test may change or delete), at its prompt.
    static func onACopyOfTheFixture() throws -> (URL, TmuxSession) {
        let dir = KSP.tempDirectory().appendingPathComponent("season")
        try FileManager.default.copyItem(atPath: KSP.fixture, toPath: dir.path)
        let t = try TmuxSession(args: [dir.path])
        try t.waitFor("test2024>")
        return (dir, t)
    }
    deinit { close() }
}
