import Foundation
import Testing

/// Faults around the shell: full disks, vanishing files, closed pipes, two shells at once.
@Suite("Faults", .serialized)
struct FaultTests {
    @Test func outputToAFullDiskGivesAnErrorAndGoesOn() throws {
        let r = try KSP.run([KSP.fixture, "--keep-going", "--format", "csv"], stdin: ".output /dev/full\nn\n.output\nn by attempts\n")
        #expect(r.err.contains("cannot write to /dev/full: No space left on device"))
        #expect(r.out == "attempts,n\n1,6\n2,3\n")
        #expect(r.status == 1)
    }

    @Test func closedPipeEndsWithStatusZero() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", "'\(KSP.binary.path)' '\(KSP.sample)' -c 'questions by participant; questions by participant' | head -c 100 > /dev/null; echo ${PIPESTATUS[0]}"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        let o = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(o.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }

    @Test func seasonFilesVanishingWhileLoadedLoseNothing() throws {
        guard TmuxSession.available else { return }
        let (dir, t) = try TmuxSession.onACopyOfTheFixture()
        defer { t.close() }
        try FileManager.default.removeItem(at: dir)
        try t.enter("n by attempts")
        try t.waitFor("│ 2        │ 3 │")
        // Loading the vanished season again fails and keeps the one in memory.
        try t.enter(".load \(dir.path)")
        try t.waitFor("the season already loaded (Test 2024) stays")
        try t.enter("n")
        try t.waitFor("│ 9 │")
    }

    @Test func twoShellsWritingOneHistoryLoseNoEntry() throws {
        guard TmuxSession.available else { return }
        let home = KSP.tempDirectory()
        let a = try TmuxSession(args: [KSP.fixture], home: home)
        let b = try TmuxSession(args: [KSP.fixture], home: home)
        defer { a.close(); b.close() }
        try a.waitFor("test2024>")
        try b.waitFor("test2024>")
        for k in 0..<20 {
            try a.enter("n where K1 > \(k)")
            try b.enter("n where X1 > \(k)")
        }
        try a.waitFor("n where K1 > 19")
        try b.waitFor("n where X1 > 19")
        Thread.sleep(forTimeInterval: 0.5)
        let lines = Set(try String(contentsOf: home.appendingPathComponent(".ksp_history"), encoding: .utf8).split(separator: "\n").map(String.init))
        for k in 0..<20 {
            #expect(lines.contains("n where K1 > \(k)"))
            #expect(lines.contains("n where X1 > \(k)"))
        }
    }
}
