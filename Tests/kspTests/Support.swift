import Foundation

/// Runs the built `ksp` executable as a user would, and captures what it prints.
enum KSP {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static var fixture: String { repo.appendingPathComponent("Tests/Fixtures/small").path }
    static var sample: String { repo.appendingPathComponent("samples/ksp2024").path }

    static var binary: URL {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("ksp"),
            Bundle.main.bundleURL.appendingPathComponent("ksp"),
            repo.appendingPathComponent(".build/debug/ksp"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }

    struct Result {
        var status: Int32
        var out: String
        var err: String
    }

    static func run(_ args: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> Result {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["COLUMNS"] = "200"
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        // A watchdog: a child that never ends fails its test instead of hanging the suite.
        let child = p
        DispatchQueue.global().asyncAfter(deadline: .now() + 120) { if child.isRunning { child.terminate() } }
        if let stdin { input.fileHandleForWriting.write(stdin.data(using: .utf8)!) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(
            status: p.terminationStatus, out: String(decoding: o, as: UTF8.self),
            err: String(decoding: e, as: UTF8.self))
    }

    /// Whether this build is instrumented with AddressSanitizer (the CI's second run): its shadow memory
    /// alone is far larger than any `ulimit -v`, so tests of memory limits cannot run under it.
    static var builtWithAddressSanitizer: Bool {
        dlsym(nil, "__asan_init") != nil
    }

    static func tempDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ksp-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Checks a condition every tenth of a second until it holds or the time is up; whether it came to hold.
/// Tests wait this way for what they expect (a screen, a file, a process gone), never for a fixed time.
@discardableResult
func waitUntil(timeout: Double = 15, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
        if try condition() {
            return true
        }
        if Date() >= deadline {
            return false
        }
        Thread.sleep(forTimeInterval: 0.1)
    }
}
