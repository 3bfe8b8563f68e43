import Foundation
import Testing

/// Issue 16: `export inquiries … to FILE` and `ksp export`: one row per scored inquiry for other tools.
@Suite("Export of scored inquiries")
struct ExportTests {
    static let header =
        "season,inquiry,participant_id,participant,class,channel,shopper,contacted_at,date,answered_at,attempts,"
        + "answered,wait_seconds,total,wait,welcome,agent,impression,cx,V1,V1_raw,V2,V2_raw,K1,K1_raw,T1,T1_raw,"
        + "X1,X1_raw,X3,X3_raw,comment"

    @Test func exportToCsvAndJsonLinesByTheFilesEnding() throws {
        let scratch = try ScratchSeason()
        defer { scratch.remove() }
        let csv = scratch.path("forsikring.csv")
        let jsonl = scratch.path("all.jsonl")
        let statements = "export inquiries where class = Forsikring to \(csv); export inquiries to \"\(jsonl)\""
        let r = try KSP.run([KSP.fixture, "-c", statements])
        #expect(r.err == "")
        #expect(r.out == "wrote 2 inquiries to \(csv)\nwrote 9 inquiries to \(jsonl)\n")
        let lines = try String(contentsOfFile: csv, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first.map(String.init) == ExportTests.header)
        #expect(lines.count == 4)  // the header, two inquiries, the final line end
        // q7, by hand: V1 nei (0 points, weight 2) and V2 "Firmanavn og eget navn" (100, weight 1) make welcome
        // 200/6 = 33.333333; K1 N/A and T1 "-" leave agent and impression undefined; X1 1 of 1–5 and X3 0 of
        // 0–10 give cx 0; 150 s on the phone give wait 50. Total over the defined areas (wait 5, welcome 20,
        // cx 0): (50 · 5 + 33.333333 · 20) / 25 = 36.666667.
        let q7 =
            "Test 2024,q7,p3,Gamma Forsikring,Forsikring,phone,S4,2024-01-10T09:00:00,2024-01-10,"
            + "2024-01-10T09:02:30,1,1,150,36.666667,50,33.333333,,,0,0,0,100,Firmanavn og eget navn,,,,,0,1,0,0,"
        #expect(lines.count > 1 && lines[1] == q7)
        let objects = try String(contentsOfFile: jsonl, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
        #expect(objects.count == 9)
        // q5 was never answered: no answered_at, no wait, total 0, no area scores.
        let unanswered = objects.first { $0["inquiry"] as? String == "q5" } ?? [:]
        #expect(unanswered["answered"] as? Int == 0)
        #expect(unanswered["answered_at"] is NSNull)
        #expect(unanswered["total"] as? Int == 0)
        #expect(unanswered["agent"] is NSNull)
        let q2 = objects.first { $0["inquiry"] as? String == "q2" } ?? [:]
        #expect(q2["total"] as? Double == 31.25)
        #expect(q2["K1"] as? Int == 50)
        #expect(q2["K1_raw"] as? Int == 3)
        #expect(q2["wait_seconds"] as? Int == 50)
        // A choice's raw answer is its option's text; a yes/no's is 1/0.
        #expect(q2["V2"] as? Int == 60)
        #expect(q2["V2_raw"] as? String == "Kun eget navn")
        #expect(q2["V1_raw"] as? Int == 0)
    }

    @Test func exportErrors() throws {
        let scratch = try ScratchSeason()
        defer { scratch.remove() }
        let season = scratch.season.path
        let before = try scratch.snapshot()
        let statements = [
            "export inquiries to x.txt", "export inquiries", "export inquiries to \(season)/x.csv", "export rows",
        ]
        let r = try KSP.run([season, "--keep-going", "-c", statements.joined(separator: "; ")])
        let errors = r.err.split(separator: "\n").filter { $0.hasPrefix("<command>") }
        #expect(
            errors == [
                "<command>:1: export: ksp cannot export to .txt files; end the name with .csv, .jsonl or .xlsx",
                "<command>:1: export: expected to FILE at the end (export inquiries where … to inquiries.csv)",
                "<command>:1: export: \(season)/x.csv is inside the season directory \(season); "
                    + "ksp never writes there — choose another place",
                "<command>:1: expected inquiries after export (export inquiries [where …] to FILE), found \"rows\"",
            ])
        #expect(try scratch.snapshot() == before)
    }

    @Test func theExportCommandWritesToStandardOutput() throws {
        let csv = try KSP.run(["export", KSP.fixture, "--where", "participant = \"Beta Bank\""])
        #expect(csv.status == 0)
        #expect(csv.out.hasPrefix(ExportTests.header + "\nTest 2024,q4,p2,Beta Bank,Bank,phone,S1,"))
        let jsonl = try KSP.run(["export", KSP.fixture, "--format", "jsonl"])
        #expect(jsonl.out.split(separator: "\n").count == 9)
        let bad = try KSP.run(["export", KSP.fixture, "--where", "clas = Bank"])
        #expect(bad.status == 1)
        #expect(
            bad.err.hasPrefix("ksp export: expected a dimension, date or metric, found \"clas\"; did you mean class?\n")
        )
        let format = try KSP.run(["export", KSP.fixture, "--format", "xml"])
        #expect(format.status == 64)
        #expect(format.err.contains("--format must be csv or jsonl, not \"xml\""))
    }

    /// The README's DuckDB example: `total by class` from the export equals ksp's own figures.
    @Test(.enabled(if: PythonTools.hasModule("duckdb"))) func duckDBReproducesTotalByClass() throws {
        let folder = KSP.tempDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let export = try KSP.run(["export", KSP.sample])
        let file = folder.appendingPathComponent("inquiries.csv").path
        try export.out.write(toFile: file, atomically: true, encoding: .utf8)
        // The README's query, as written there.
        let program = """
            import duckdb, sys
            rows = duckdb.sql(
                "select class, round(avg(total), 1) as total, count(*) as n "
                "from read_csv_auto(?) group by class order by class", params=[sys.argv[1]]).fetchall()
            for name, total, n in rows: print(f"{name},{total:.1f},{n}")
            """
        let duck = try PythonTools.run(program, arguments: [file])
        #expect(duck.status == 0, "\(duck.err)")
        // ksp's own figures, without the significance column.
        let ours = try KSP.run([KSP.sample, "--format", "csv", "-c", "total by class"])
        let lines = ours.out.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let header = try #require(lines.first)
        let wanted = try ["class", "total", "n"].map { name in try #require(header.firstIndex(of: Substring(name))) }
        let expected = lines.dropFirst().map { fields in wanted.map { String(fields[$0]) }.joined(separator: ",") }
        #expect(expected.count >= 20)
        #expect(duck.out.split(separator: "\n").map(String.init).sorted() == expected.sorted())
    }
}
