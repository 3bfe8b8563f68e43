import Foundation
import Testing

/// Issue 17: past the first 1000 warnings the rest are counted, not listed; `ksp check` and `.load` say the
/// true count.
@Suite("Warning count")
struct WarningCountTests {
    /// The fixture with 1200 inquiries of shopper S1 at participant p1: 1199 repeat contacts, and p2 and p3
    /// without inquiries: 1201 warnings, the first 1000 (repeat contacts) kept.
    static func season() throws -> URL {
        let dir = KSP.tempDirectory()
        for file in ["season.yaml", "participants.csv"] {
            try FileManager.default.copyItem(
                atPath: KSP.fixture + "/" + file, toPath: dir.appendingPathComponent(file).path)
        }
        var inquiries = "id,participant,channel,shopper,contacted_at,answered_at,attempts,V1,V2,K1,T1,X1,X3,comment\n"
        for k in 0..<1200 {
            inquiries += "r\(k),p1,phone,S1,2024-01-15T09:00:00,2024-01-15T09:00:30,1,ja,Ingen,5,ja,5,10,\n"
        }
        try inquiries.write(to: dir.appendingPathComponent("inquiries.csv"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test func checkSaysTheTrueCountAndHowManyAreListed() throws {
        let dir = try WarningCountTests.season()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try KSP.run(["check", dir.path])
        #expect(r.status == 0)
        #expect(r.out.contains("\n1201 warnings (the first 1000 listed):\n"))
        let listed = r.out.split(separator: "\n").filter { $0.contains(": warning: ") }
        #expect(listed.count == 1000)
    }

    @Test func loadSaysTheTrueCount() throws {
        let dir = try WarningCountTests.season()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try KSP.run([KSP.fixture], stdin: ".load \(dir.path)\n")
        #expect(r.out.contains("1200 inquiries (1201 warnings; see ksp check)"))
    }
}
