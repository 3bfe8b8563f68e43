import Foundation
import Testing

/// `report participant|class * … to DIR/` end to end (issue 13): one complete file each, an index
/// with each Totalresultat, nothing on a pipe but the summary, never into a season.
@Suite("Report batches")
struct ReportBatchCommandTests {
    /// The fixture with names that are hard on file systems: quotes, a slash, a colon, æøå, and two
    /// names that become the same file name.
    static func awkwardSeason() throws -> ScratchSeason {
        let scratch = try ScratchSeason()
        let participants = """
            id,name,class
            p1,"Alfa ""Bank"" A/S: Ærlig",Bank
            p2,Alfa <Bank> A\\S* Ærlig,Bank
            p3,Gamma Forsikring,Forsikring

            """
        try participants.write(toFile: scratch.season.path + "/participants.csv", atomically: true, encoding: .utf8)
        return scratch
    }

    static func files(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    @Test func everyParticipantIntoAFolderWithAnIndex() throws {
        let scratch = try Self.awkwardSeason()
        defer { scratch.remove() }
        let out = scratch.path("reports")
        let r = try KSP.run([scratch.season.path, "-c", "report participant * to \(out)/"])
        #expect(r.err == "")
        #expect(r.out == "wrote 3 html files and \(out)/index.html\n")
        #expect(r.status == 0)
        #expect(
            Self.files(out) == [
                "Alfa _Bank_ A_S_ Ærlig (2).html", "Alfa _Bank_ A_S_ Ærlig.html", "Gamma Forsikring.html",
                "index.html",
            ])
        let report = try String(contentsOfFile: out + "/Alfa _Bank_ A_S_ Ærlig.html", encoding: .utf8)
        #expect(report.contains("Alfa &quot;Bank&quot; A/S: Ærlig"))
        let index = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        // Totals by hand (Tests/Fixtures/README.md): 74.8125, 19.9444, 60.75.
        #expect(
            index.contains(
                "<tr><td><a href=\"Alfa%20_Bank_%20A_S_%20%C3%86rlig.html\">Alfa &quot;Bank&quot; A/S: Ærlig</a>"
                    + "</td><td>Bank</td><td class=\"num\">74.8</td></tr>"))
        #expect(
            index.contains(
                "<a href=\"Alfa%20_Bank_%20A_S_%20%C3%86rlig%20(2).html\">Alfa &lt;Bank&gt; A\\S* Ærlig</a>"
                    + "</td><td>Bank</td><td class=\"num\">19.9</td>"))
        #expect(index.contains("<td class=\"num\">60.8</td>"))
    }

    @Test func aClassAtATimeAsMarkdownIntoAFolderMadeForIt() throws {
        let scratch = try ScratchSeason()
        defer { scratch.remove() }
        let out = scratch.path("classes")
        let r = try KSP.run([scratch.season.path, "-c", "report class * where class = Bank to \(out) as md"])
        #expect(r.out == "wrote 1 md file and \(out)/index.html\n")
        #expect(Self.files(out) == ["Bank.md", "index.html"])
        let markdown = try String(contentsOfFile: out + "/Bank.md", encoding: .utf8)
        #expect(markdown.hasPrefix("# Bank — Test 2024"))
        let index = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(index.contains("<a href=\"Bank.md\">Bank</a></td><td class=\"num\">51.3</td>"))
    }

    @Test func neverIntoTheSeasonNorAMissingParent() throws {
        let scratch = try ScratchSeason()
        defer { scratch.remove() }
        let before = try scratch.snapshot()
        let inside = scratch.season.path + "/reports"
        let r = try KSP.run([scratch.season.path, "-c", "report participant * to \(inside)/"])
        #expect(
            r.err == "<command>:1: report: \(inside) is inside the season directory \(scratch.season.path); "
                + "ksp never writes there — choose another place\n")
        #expect(r.status == 1)
        #expect(try scratch.snapshot() == before)
        let orphan = scratch.path("missing/reports")
        let missing = try KSP.run([scratch.season.path, "-c", "report participant * to \(orphan)/"])
        #expect(
            missing.err == "<command>:1: report: cannot write \(orphan): the folder \(scratch.path("missing")) "
                + "does not exist\n")
        let file = scratch.path("a-file")
        try "x".write(toFile: file, atomically: true, encoding: .utf8)
        let notFolder = try KSP.run([scratch.season.path, "-c", "report participant * to \(file)"])
        #expect(notFolder.err == "<command>:1: report: \(file) is a file, not a folder\n")
    }

    @Test func nobodyPassesTheFilter() throws {
        let scratch = try ScratchSeason()
        defer { scratch.remove() }
        let out = scratch.path("none")
        let r = try KSP.run([scratch.season.path, "-c", "report participant * where total > 100 to \(out)/"])
        #expect(r.err == "<command>:1: report: no participant has an inquiry that passes the filter\n")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
