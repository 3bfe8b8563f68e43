import Foundation
import Testing

/// The executable end to end through subprocesses: -c, -f, piped input, exit statuses, check.
@Suite("Command line")
struct CommandLineTests {
    @Test func oneStatement() throws {
        let r = try KSP.run([KSP.fixture, "-c", "total by class", "--format", "csv"])
        #expect(r.status == 0)
        #expect(r.out == "class,total,total_sig,n_total,n\nBank,51.3,untested,7,7\nForsikring,60.8,untested,2,2\n")
        #expect(r.err == "")
    }

    @Test func errorInCommandGoesToStandardErrorWithStatus1() throws {
        let r = try KSP.run([KSP.fixture, "-c", "totl by class"])
        #expect(r.status == 1)
        #expect(r.out == "")
        #expect(r.err.hasPrefix("<command>:1: unknown metric \"totl\""))
        #expect(r.err.contains("did you mean total?"))
        #expect(r.err.contains("\n^^^^ "))
    }

    @Test func scriptStopsAtItsFirstError() throws {
        let dir = KSP.tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("monthly.ksq")
        try "n by channel\n\ntotal by clas\nwinners\n".write(to: script, atomically: true, encoding: .utf8)
        let r = try KSP.run([KSP.fixture, "-f", script.path, "--format", "csv"])
        #expect(r.status == 1)
        #expect(r.err.hasPrefix("\(script.path):3: expected a dimension"))
        #expect(r.out.contains("channel,n"))
        #expect(!r.out.contains("award"))  // winners never ran
        let going = try KSP.run([KSP.fixture, "-f", script.path, "--format", "csv", "--keep-going"])
        #expect(going.status == 1)
        #expect(going.out.contains("award"))
    }

    @Test func pipedStatementsWithoutPrompt() throws {
        let r = try KSP.run([KSP.fixture, "--format", "json"], stdin: "n by attempts;\n.mode csv\nn\n")
        #expect(r.status == 0)
        #expect(r.out == "[\n  {\"attempts\": \"1\", \"n\": 6},\n  {\"attempts\": \"2\", \"n\": 3}\n]\nn\n9\n")
        let bad = try KSP.run([KSP.fixture], stdin: "n\nn by nothing\n")
        #expect(bad.status == 1)
        #expect(bad.err.hasPrefix("<stdin>:2: "))
    }

    @Test func scriptFromStandardInput() throws {
        let r = try KSP.run([KSP.fixture, "-f", "-", "--format", "csv"], stdin: "n\n")
        #expect(r.status == 0)
        #expect(r.out == "n\n9\n")
    }

    @Test func multiLineStatementInAScript() throws {
        let r = try KSP.run([KSP.fixture, "--format", "csv"], stdin: "n where class in (Bank,\n  Forsikring)\n")
        #expect(r.out == "n\n9\n")
    }

    @Test func badFormatIsAUsageError() throws {
        let r = try KSP.run([KSP.fixture, "-c", "n", "--format", "xml"])
        #expect(r.status != 0)
        #expect(r.err.contains("--format must be table, markdown, csv, tsv, json or xlsx"))
    }

    @Test func brokenSeasonExitsWith2AndNamesTheProblem() throws {
        let r = try KSP.run(["/nonexistent/season", "-c", "n"])
        #expect(r.status == 2)
        #expect(r.err.contains("no such season directory"))
    }

    @Test func closedPipeEndsQuietly() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = [
            "-c",
            "'\(KSP.binary.path)' '\(KSP.sample)' -c 'total by participant; total by participant; questions by participant' | head -n 2; echo \"status ${PIPESTATUS:-}\"",
        ]
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(o.split(separator: "\n").count == 3)
        #expect(e == "")
    }

    @Test func metaCommands() throws {
        let dir = KSP.tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out.csv")
        let r = try KSP.run(
            [KSP.fixture],
            stdin: """
                .mode csv
                .output \(out.path)
                total by class
                .output
                .classes
                .participants Bank
                .questions agent
                .timer on
                n
                .help compare
                """)
        #expect(r.status == 0)
        #expect(
            try String(contentsOf: out, encoding: .utf8)
                == "class,total,total_sig,n_total,n\nBank,51.3,untested,7,7\nForsikring,60.8,untested,2,2\n")
        #expect(r.out.contains("class,participants,n\nBank,2,7\nForsikring,1,2\n"))
        #expect(r.out.contains("id,participant,class,n\np1,Alfa Bank,Bank,4\np2,Beta Bank,Bank,3\n"))
        #expect(r.out.contains("K1,agent,scale 1–5,1.0,,Hvor godt lyttet kundebehandleren?"))
        #expect(r.err.contains("time: "))
        #expect(r.out.contains("Welch's t-test"))
    }

    @Test func outputToAnUnwritablePathKeepsGoing() throws {
        let r = try KSP.run([KSP.fixture, "--keep-going"], stdin: ".output /nonexistent/dir/x.csv\n.mode csv\nn\n")
        #expect(r.status == 1)
        #expect(r.err.contains("cannot write /nonexistent/dir/x.csv: the folder /nonexistent/dir does not exist"))
        #expect(r.out == "n\n9\n")
    }

    @Test func loadOfABrokenSeasonKeepsTheLoadedOne() throws {
        let r = try KSP.run([KSP.fixture, "--keep-going", "--format", "csv"], stdin: ".load /nonexistent\nn\n")
        #expect(r.err.contains("the season already loaded (Test 2024) stays"))
        #expect(r.out == "n\n9\n")
    }

    @Test func checkTheSample() throws {
        let r = try KSP.run(["check", KSP.sample])
        #expect(r.status == 0)
        #expect(r.out.contains("KSP 2024: "))
        #expect(r.out.contains("23 classes"))
        #expect(r.out.contains("ok: "))
    }

    @Test func checkAMalformedCopyNamesEachProblem() throws {
        let dir = KSP.tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for f in ["season.yaml", "participants.csv", "inquiries.csv"] {
            try FileManager.default.copyItem(atPath: KSP.fixture + "/" + f, toPath: dir.appendingPathComponent(f).path)
        }
        var inquiries = try String(contentsOf: dir.appendingPathComponent("inquiries.csv"), encoding: .utf8)
        inquiries = inquiries.replacingOccurrences(of: "q2,p1,phone", with: "q2,p1,fax")
            .replacingOccurrences(of: "q8,p3,phone,S5,2024-01-11T09:00:00", with: "q8,p3,phone,S5,2024-01-32T09:00:00")
        try inquiries.write(to: dir.appendingPathComponent("inquiries.csv"), atomically: true, encoding: .utf8)
        let r = try KSP.run(["check", dir.path])
        #expect(r.status == 2)
        #expect(r.err.contains("inquiries.csv:3:3: error: unknown channel \"fax\""))
        #expect(r.err.contains("inquiries.csv:10:5: error: unreadable date-time \"2024-01-32T09:00:00\""))
    }

    @Test func generateIsDeterministic() throws {
        let a = KSP.tempDirectory()
        defer { try? FileManager.default.removeItem(at: a) }
        let b = KSP.tempDirectory()
        defer { try? FileManager.default.removeItem(at: b) }
        _ = try KSP.run(["generate", "--seed", "5", "--participants", "30", a.path])
        _ = try KSP.run(["generate", "--seed", "5", "--participants", "30", b.path])
        let x = try Data(contentsOf: a.appendingPathComponent("inquiries.csv"))
        let y = try Data(contentsOf: b.appendingPathComponent("inquiries.csv"))
        #expect(x == y)
        #expect(try KSP.run(["check", a.path]).status == 0)
    }

    /// Issue 15: a generated season with one lenient shopper planted (15 points, default seed): `shoppers`
    /// flags that shopper, above, and no other.
    @Test func aPlantedLenientShopperIsFoundAndNoOther() throws {
        let directory = KSP.tempDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try KSP.run(["generate", "--lenient-shopper", "S017:15", directory.path]).status == 0)
        let result = try KSP.run([directory.path, "--format", "csv", "-c", "shoppers"])
        #expect(result.status == 0, "\(result.err)")
        let rows = result.out.split(separator: "\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        #expect(rows.count == 80)
        let flagged = rows.filter { $0.count > 4 && ["above", "below"].contains($0[4]) }.map { "\($0[0]) \($0[4])" }
        #expect(flagged == ["S017 above"])
        // The other formats carry the same finding: json's leniency_sig, the marker in table and markdown.
        let json = try KSP.run([directory.path, "--format", "json", "-c", "shoppers"]).out
        #expect(json.components(separatedBy: "\"leniency_sig\": \"above\"").count == 2)
        #expect(json.contains("\"leniency_sig\": \"below\"") == false)
        for format in ["table", "markdown"] {
            let text = try KSP.run([directory.path, "--format", format, "-c", "shoppers"]).out
            let marked = text.split(separator: "\n").filter { $0.contains("▲") || $0.contains("▼") }
            #expect(marked.count == 2, "\(format)")  // S017's row and the legend
            #expect(marked.first?.contains("S017") == true, "\(format)")
        }
        let bad = try KSP.run(["generate", "--lenient-shopper", "S999:10", directory.path])
        #expect(bad.status != 0)
        #expect(bad.err.contains("--lenient-shopper: no shopper S999; expected S001–S080"))
        let malformed = try KSP.run(["generate", "--lenient-shopper", "S017", directory.path])
        #expect(malformed.err.contains("--lenient-shopper must be ID:POINTS with POINTS from -50 to 50 (S017:10)"))
    }

    @Test func sampleQueriesRunClean() throws {
        let dir = KSP.repo.appendingPathComponent("samples/queries")
        let scripts = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".ksq") }
        #expect(scripts.count >= 4)
        for s in scripts {
            // Issue 16: the scripts take the class and the participant as parameters.
            let parameters = ["--set", "class=Bank", "--set", "participant=Skjærvik Sparebank"]
            let r = try KSP.run([KSP.sample, "-f", dir.appendingPathComponent(s).path] + parameters)
            #expect(r.status == 0, "\(s): \(r.err)")
        }
    }
}

@Suite("Reports from the command line")
struct ReportCommandTests {
    @Test func reportToHTMLAndMarkdown() throws {
        let dir = KSP.tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = dir.appendingPathComponent("r.html").path
        let md = dir.appendingPathComponent("c.md").path
        let r = try KSP.run([
            KSP.fixture, "-c", "report participant \"Alfa Bank\" to \(html); report class Bank to \"\(md)\"",
        ])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out == "wrote \(html)\nwrote \(md)\n")
        #expect(try String(contentsOfFile: html, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        #expect(try String(contentsOfFile: md, encoding: .utf8).hasPrefix("# Bank — Test 2024"))
    }

    @Test func neverIntoTheSeasonDirectory() throws {
        let r = try KSP.run([KSP.fixture, "-c", "report class Bank to \(KSP.fixture)/report.md"])
        #expect(r.status == 1)
        #expect(r.err.contains("is inside the season directory"))
        #expect(!FileManager.default.fileExists(atPath: KSP.fixture + "/report.md"))
    }

    @Test func reportOnTheScreen() throws {
        let r = try KSP.run([KSP.fixture, "-c", "report participant \"Alfa Bank\""])
        #expect(r.out.hasPrefix("Alfa Bank — Test 2024\nBank · 4 inquiries"))
        #expect(r.out.contains("── The shoppers' own words"))
    }
}
