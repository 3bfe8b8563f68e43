import Foundation
import Testing

/// A season too large for the memory left is refused before anything large is allocated
/// (issue 20 item 7): exit 2 and a message, not "failed to allocate" and a backtrace.
@Suite("Memory limits", .serialized)
struct MemoryLimitTests {
    /// Runs a shell command line and returns its status and what it printed.
    func shell(_ command: String) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let child = process
        DispatchQueue.global().asyncAfter(deadline: .now() + 120) {
            if child.isRunning { child.terminate() }
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let printed = String(decoding: output, as: UTF8.self)
        return (process.terminationStatus, printed, String(decoding: errors, as: UTF8.self))
    }

    @Test(.disabled(if: KSP.builtWithAddressSanitizer, "AddressSanitizer's shadow memory exceeds any ulimit -v"))
    func aSeasonTooLargeForUlimitIsRefusedWithExit2() throws {
        let directory = KSP.tempDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let season = directory.appendingPathComponent("big").path
        let generated = try KSP.run(["generate", "--scale", "20", season])
        #expect(generated.status == 0)
        // 20 MB of inquiries need about 190 MB; under a 200 MB address space about 120 MB are left.
        let binary = KSP.binary.path
        let check = try shell("ulimit -v 200000; '\(binary)' check '\(season)'")
        #expect(check.status == 2)
        #expect(check.err.contains("not enough memory to load \(season): it needs about"))
        #expect(!check.err.contains("Fatal error"))
        // In the shell, `.load` of it is an error and the season already loaded stays.
        let shellInput = "printf '.load %s\\nn\\n' '\(season)'"
        let session = try shell("\(shellInput) | (ulimit -v 200000; '\(binary)' '\(KSP.fixture)' --keep-going)")
        #expect(session.err.contains("not enough memory to load \(season)"))
        #expect(session.err.contains("the season already loaded (Test 2024) stays"))
        #expect(session.out.contains("│ 9 │"))
    }
}
