import Foundation

/// Python with the modules some tests check ksp against (openpyxl reads workbooks, DuckDB reads exports);
/// `scripts/setup --tests` installs them, and a test that needs one is skipped without it.
enum PythonTools {
    static func hasModule(_ name: String) -> Bool {
        (try? run("import \(name)", arguments: []))?.status == 0
    }

    /// Runs a Python program with arguments; its standard output, standard error and status.
    static func run(_ program: String, arguments: [String]) throws -> KSP.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", program] + arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return KSP.Result(
            status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
            err: String(decoding: errData, as: UTF8.self))
    }
}
