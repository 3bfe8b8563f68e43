import Foundation
import Testing

/// Faults around the shell: full disks, vanishing files, closed pipes, two shells at once.
@Suite("Faults", .serialized)
struct FaultTests {
    @Test func outputToAFullDiskGivesAnErrorAndGoesOn() throws {
        let r = try KSP.run(
            [KSP.fixture, "--keep-going", "--format", "csv"], stdin: ".output /dev/full\nn\n.output\nn by attempts\n")
        #expect(r.err.contains("cannot write to /dev/full: No space left on device"))
        #expect(r.out == "attempts,n\n1,6\n2,3\n")
        #expect(r.status == 1)
    }

    @Test func closedPipeEndsWithStatusZero() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = [
            "-c",
            "'\(KSP.binary.path)' '\(KSP.sample)' -c 'questions by participant; questions by participant' | head -c 100 > /dev/null; echo ${PIPESTATUS[0]}",
        ]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        let o = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(o.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }

    @Test(.enabled(if: TmuxSession.available))
    func seasonFilesVanishingWhileLoadedLoseNothing() throws {
        let (dir, t) = try TmuxSession.onACopyOfTheFixture()
        defer { t.end() }
        try FileManager.default.removeItem(at: dir)
        try t.enter("n by attempts")
        try t.waitFor("│ 2        │ 3 │")
        // Loading the vanished season again fails and keeps the one in memory.
        try t.enter(".load \(dir.path)")
        try t.waitFor("the season already loaded (Test 2024) stays")
        try t.enter("n")
        try t.waitFor("│ 9 │")
    }

    @Test(.enabled(if: TmuxSession.available))
    func twoShellsWritingOneHistoryLoseNoEntry() throws {
        let home = KSP.tempDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let a = try TmuxSession(args: [KSP.fixture], home: home)
        defer { a.end() }
        let b = try TmuxSession(args: [KSP.fixture], home: home)
        defer { b.end() }
        try a.waitFor("test2024>")
        try b.waitFor("test2024>")
        for k in 0..<20 {
            try a.enter("n where K1 > \(k)")
            try b.enter("n where X1 > \(k)")
        }
        try a.waitFor("n where K1 > 19")
        try b.waitFor("n where X1 > 19")
        // The screen shows a statement before the shell writes it to the history: wait for the file.
        let history = home.appendingPathComponent(".ksp_history")
        var lines: Set<String> = []
        waitUntil {
            let text = (try? String(contentsOf: history, encoding: .utf8)) ?? ""
            lines = Set(text.split(separator: "\n").map(String.init))
            return lines.isSuperset(of: ["n where K1 > 19", "n where X1 > 19"])
        }
        for k in 0..<20 {
            #expect(lines.contains("n where K1 > \(k)"))
            #expect(lines.contains("n where X1 > \(k)"))
        }
    }
}
