import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `.copy`: text onto the clipboard. A clipboard program when there is one for the session's display
/// (pbcopy on macOS, wl-copy under Wayland, xclip under X); otherwise the terminal's OSC 52 escape, which
/// reaches the local clipboard over SSH too, and through tmux (with `set-clipboard on`).
enum Clipboard {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The escape that asks the terminal to put the text on the clipboard (`c`), base64 encoded.
    static func osc52(_ text: String) -> String {
        "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }

    /// The program to use, with its arguments: nil when none fits this session.
    static func program(environment: [String: String]) -> [String]? {
        func set(_ name: String) -> Bool { !(environment[name] ?? "").isEmpty }
        if let pbcopy = executable("pbcopy", environment: environment) { return [pbcopy] }
        if set("WAYLAND_DISPLAY"), let wlCopy = executable("wl-copy", environment: environment) { return [wlCopy] }
        if set("DISPLAY"), let xclip = executable("xclip", environment: environment) {
            return [xclip, "-selection", "clipboard"]
        }
        return nil
    }

    static func executable(_ name: String, environment: [String: String]) -> String? {
        for folder in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Copies the text; returns how it went (`the terminal (OSC 52)`, `wl-copy`).
    static func copy(_ text: String) throws(Failure) -> String {
        let environment = ProcessInfo.processInfo.environment
        if let program = program(environment: environment) {
            try run(program, input: text)
            return (program[0] as NSString).lastPathComponent
        }
        // The terminal itself, even when results go to a file (.output).
        let terminal = open("/dev/tty", O_WRONLY | O_NOCTTY | O_CLOEXEC)
        let descriptor = terminal >= 0 ? terminal : (isatty(STDOUT_FILENO) == 1 ? STDOUT_FILENO : -1)
        defer { if terminal >= 0 { close(terminal) } }
        guard descriptor >= 0 else {
            throw Failure(
                description: "no clipboard here: no terminal for the OSC 52 escape, and no pbcopy, wl-copy or xclip "
                    + "with a display; use .mode tsv and .output FILE instead")
        }
        if let code = AtomicFile.writeAll(Array(osc52(text).utf8), to: descriptor) {
            throw Failure(description: "cannot write to the terminal: \(String(cString: strerror(code)))")
        }
        return "the terminal (OSC 52)"
    }

    private static func run(_ program: [String], input: String) throws(Failure) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program[0])
        process.arguments = Array(program.dropFirst())
        let pipe = Pipe()
        process.standardInput = pipe
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let name = (program[0] as NSString).lastPathComponent
        do {
            try process.run()
        } catch {
            throw Failure(description: "\(name) could not be started: \(error)")
        }
        _ = AtomicFile.writeAll(Array(input.utf8), to: pipe.fileHandleForWriting.fileDescriptor)
        try? pipe.fileHandleForWriting.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(name) failed (exit status \(process.terminationStatus))")
        }
    }
}
