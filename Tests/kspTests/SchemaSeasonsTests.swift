import Foundation
import Testing

/// Issue 19, item 5: `.schema` of seasons side by side shows each season's own weights and wait rules.
@Suite("Schema of several seasons", .serialized)
struct SchemaSeasonsTests {
    var older: String { KSP.repo.appendingPathComponent("Tests/Fixtures/small2023").path }

    @Test func eachSeasonWithItsOwnSharesAndChannels() throws {
        let r = try KSP.run([older, KSP.fixture, "-c", ".schema"])
        #expect(r.status == 0)
        let heading = "Test 2023: scored areas (share of the total), and the channels' wait rules\n"
        #expect(r.out.hasPrefix("seasons loaded: Test 2023, Test 2024\n\n" + heading))
        #expect(r.out.contains("Test 2024: scored areas (share of the total), and the channels' wait rules\n"))
        // 2023 scores agent 50 of 75 (66.7 %); 2024 50 of 100 (50.0 %): not one halved share.
        #expect(r.out.contains("│ agent   │ Kundebehandleren   │   50.0 │ 66.7 % │"))
        #expect(r.out.contains("│ agent      │ Kundebehandleren   │   50.0 │ 50.0 % │"))
        // Messenger is a 2024 channel only; its rules are listed in the 2024 part.
        let parts = r.out.components(separatedBy: "Test 2024: scored areas")
        #expect(parts.count == 2 && !parts[0].contains("Messenger") && parts[1].contains("Messenger"))
        #expect(r.out.contains("what differs between them:\n  area impression: only in Test 2024; empty in Test 2023"))
    }
}
