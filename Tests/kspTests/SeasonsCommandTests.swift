import Foundation
import Testing

@Suite("Several seasons from the command line", .serialized)
struct SeasonsCommandTests {
    var older: String { KSP.repo.appendingPathComponent("Tests/Fixtures/small2023").path }

    @Test func twoSeasonsSideBySide() throws {
        let r = try KSP.run([older, KSP.fixture, "-c", "n by season", "--format", "csv"])
        #expect(r.status == 0)
        #expect(r.out == "season,n\nTest 2023,3\nTest 2024,9\n")
        let schema = try KSP.run([older, KSP.fixture, "-c", ".schema"])
        #expect(schema.out.contains("question K2: only in Test 2023; empty in Test 2024"))
    }

    @Test func loadSeveralAtThePrompt() throws {
        let r = try KSP.run([KSP.fixture, "--format", "csv"], stdin: ".load \(older) \(KSP.fixture)\nn by season\n")
        #expect(r.out.hasSuffix("season,n\nTest 2023,3\nTest 2024,9\n"))
    }

    @Test(.enabled(if: TmuxSession.available))
    func reloadAfterTheFilesChangeAndAfterTheyBreak() throws {
        let (dir, t) = try TmuxSession.onACopyOfTheFixture()
        defer { t.end() }
        let file = dir.appendingPathComponent("inquiries.csv")
        // Fieldwork goes on: one inquiry more.
        let handle = try FileHandle(forWritingTo: file)
        handle.seekToEndOfFile()
        handle.write(
            "q10,p3,phone,S9,2024-03-01T09:00:00,2024-03-01T09:00:20,1,ja,Ingen,5,ja,5,10,\n".data(using: .utf8)!)
        try handle.close()
        try t.enter(".reload")
        try t.waitFor("loaded Test 2024: 3 participants, 10 inquiries (+1 inquiries)")
        // Now it breaks: the seasons already loaded stay.
        let broken = try String(contentsOf: file, encoding: .utf8) + "q11,p9,fax,S9,yesterday,,1,,,,,,,\n"
        try broken.write(to: file, atomically: true, encoding: .utf8)
        try t.enter(".reload")
        try t.waitFor("the season already loaded (Test 2024) stays")
        try t.enter("n")
        try t.waitFor("│ 10 │")
    }
}
