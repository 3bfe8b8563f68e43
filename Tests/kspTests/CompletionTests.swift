import Foundation
import KSPCore
import KSPQuery
import Testing

@testable import ksp

/// Tab completion as the line editor asks for it: what replaces the word, for names of every shape.
@Suite("Completion", .serialized)
struct CompletionTests {
    /// Names a season from elsewhere may hold: quotes, spaces, æøå, punctuation, keyword- and number-like names.
    static let participants: [(name: String, className: String)] = [
        ("Fjordbank \"Ny\"", "Bank/Finans"), ("Skjærvik Bank", "Bank/Finans"), ("Skjærvik Bil", "Bil"),
        ("Lyd & Bilde (Oslo)", "Bil"), ("\"Sitat\" AS", "Forsikring \"X\""), ("A--B", "Forsikring \"X\""),
        ("Top", "Bil"), ("100", "Bil"), ("1.50", "Bil"), ("Ærlig, Ålesund", "Å-klassen"), ("it's", "Bil"),
        ("Øy = Land", "Bil"), ("where", "Bil"),
    ]

    /// The small fixture season with the participants above (the inquiries are the fixture's p1…p3).
    static func hostileSeason() throws -> (URL, Season) {
        let dir = KSP.tempDirectory().appendingPathComponent("season")
        try FileManager.default.copyItem(atPath: KSP.fixture, toPath: dir.path)
        func csv(_ field: String) -> String { "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        var text = "id,name,class\n"
        for (index, participant) in participants.enumerated() {
            text += "p\(index + 1),\(csv(participant.name)),\(csv(participant.className))\n"
        }
        try text.write(to: dir.appendingPathComponent("participants.csv"), atomically: true, encoding: .utf8)
        return (dir, try SeasonLoader.load(directory: dir.path))
    }

    /// The name a statement's `DIM = VALUE` filter holds, as the parser reads it.
    static func filterValue(_ statement: String) throws -> String? {
        guard case .select(let select) = try Parser.parse(statement),
            case .comparison(_, _, let value)? = select.filter
        else { return nil }
        return value.value.text
    }

    @Test func everyCompletedNameParsesBackToTheSameName() throws {
        let (dir, season) = try CompletionTests.hostileSeason()
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        Completion.session = Session(season: season, directories: [dir.path], format: .table, interactive: true)
        defer { Completion.session = nil }
        for (dimension, names) in [("participant", season.participants.map(\.name)), ("class", season.classes)] {
            let prefix = "total where \(dimension) = "
            let completed = Completion.completions(prefix: prefix, word: "").replacements
            #expect(completed.count == Set(names).count)
            var readBack: [String] = []
            for completion in completed {
                readBack.append(try CompletionTests.filterValue(prefix + completion) ?? "(no filter)")
            }
            #expect(Set(readBack) == Set(names))
            // Inside an open quote, word by word: the part after the first space completes the same name.
            for name in names {
                guard let space = name.firstIndex(of: " ") else { continue }
                let typed = Completion.quoted(String(name[...space])).dropLast()
                let found = Completion.completions(prefix: prefix + typed, word: "").replacements
                let parsed = try found.map { try CompletionTests.filterValue(prefix + typed + $0) }
                #expect(parsed.contains(name), "\(name): \(found)")
            }
        }
    }

    @Test func aQuoteInANameIsDoubled() throws {
        let (dir, season) = try CompletionTests.hostileSeason()
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        Completion.session = Session(season: season, directories: [dir.path], format: .table, interactive: true)
        defer { Completion.session = nil }
        let found = Completion.completions(prefix: "n where participant = ", word: "Fj").replacements
        #expect(found == ["\"Fjordbank \"\"Ny\"\"\""])
        // Typed so far with the doubled quote, inside the open quote.
        let rest = Completion.completions(prefix: "n where participant = \"Fjordbank ", word: "\"\"N").replacements
        #expect(rest == ["\"\"Ny\"\"\""])
        #expect(Completion.insertion(["Bank\"", "Bil\""], typed: "") == "B")
        #expect(Completion.insertion(["Gamma", "GAMMA"], typed: "gam") == "gam")
    }

    @Test func candidatesAreListedInColumnsByDisplayWidth() {
        // Widest: "Skjærvik Bank" (13 columns, 14 bytes): columns of 15; 40 fit 2 of them.
        let lines = Completion.inColumns(["Åsmyra", "Skjærvik Bank", "Bø", "Ørsta Ål"], width: 40)
        #expect(lines == ["Åsmyra         Bø", "Skjærvik Bank  Ørsta Ål"])
    }
}

/// Completion in a real terminal, on a season with names of every shape.
@Suite("Completion at the prompt", .enabled(if: TmuxSession.available), .serialized)
struct CompletionTerminalTests {
    func start() throws -> (URL, TmuxSession) {
        let (dir, _) = try CompletionTests.hostileSeason()
        let t = try TmuxSession(args: [dir.path], home: dir.deletingLastPathComponent())
        try t.waitFor("test2024>")
        return (dir, t)
    }

    @Test func tabGoesOnInsideAnOpenQuoteAndDoublesAQuote() throws {
        let (dir, t) = try start()
        defer { t.end() }
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        try t.type("n where participant = \"Skjærvik ")
        try t.keys("Tab")
        try t.waitFor("= \"Skjærvik B")
        try t.type("a")
        try t.keys("Tab")
        try t.type("or participant = Fj")
        try t.keys("Tab")
        try t.keys("Enter")
        let screen = try t.waitFor("│ 7 │")  // p1 has 4 inquiries in the fixture, p2 3
        #expect(screen.contains("n where participant = \"Skjærvik Bank\" or participant = \"Fjordbank \"\"Ny\"\"\""))
    }

    @Test func theListOfCandidatesIsAligned() throws {
        let (dir, t) = try start()
        defer { t.end() }
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        try t.type("n where participant = \"Skjærvik B")
        try t.keys("Tab")
        let screen = try t.waitFor("\"Skjærvik Bil\"")
        // Each column as wide as the widest name and two spaces: `"Skjærvik Bank"` is 15 columns.
        #expect(screen.contains("\n\"Skjærvik Bank\"  \"Skjærvik Bil\"\n"))
    }

    @Test func aFolderIsCompletedWithoutASpace() throws {
        let (dir, t) = try start()
        defer { t.end() }
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        try t.type(".load seas")
        try t.keys("Tab")
        try t.type("X")
        try t.waitFor(".load season/X")
    }
}
