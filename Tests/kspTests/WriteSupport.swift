import Foundation

/// A scratch folder holding a copy of the fixture season (`season/`), removed by `remove()`.
struct ScratchSeason {
    let root: URL
    var season: URL { root.appendingPathComponent("season") }

    init() throws {
        root = KSP.tempDirectory()
        try FileManager.default.copyItem(atPath: KSP.fixture, toPath: root.appendingPathComponent("season").path)
    }

    func path(_ name: String) -> String { root.appendingPathComponent(name).path }

    /// Every file of the season directory (subfolders included) with its bytes, to compare before and after.
    func snapshot() throws -> [String: Data] {
        var files: [String: Data] = [:]
        let names = FileManager.default.enumerator(atPath: season.path)?.allObjects as? [String] ?? []
        for name in names {
            let url = season.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
            files[name] = isFolder.boolValue ? Data() : try Data(contentsOf: url)
        }
        return files
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// Runs a line of bash (for redirections such as `2>&-` and `<(…)`); its standard output and status.
enum Bash {
    static func run(_ command: String) throws -> (out: String, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", command]
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: data, as: UTF8.self), process.terminationStatus)
    }

    /// The binary, quoted for bash.
    static var ksp: String { "'\(KSP.binary.path)'" }
}
