import Foundation
import Testing

@testable import ksp

/// Issue 16: `--set`, `.set`, `.unset`, `${name}`, `.title`, `--titles` and tsv.
@Suite("Script parameters, titles and tsv")
struct ScriptParameterTests {
    @Test func aParameterGoesInAsOneQuotedValue() throws {
        var parameters = ScriptParameters()
        try parameters.set("p", to: "Alfa \"Nord\" Bank")
        try parameters.set("n", to: "3")
        #expect(
            try parameters.substitute(inStatement: "n where participant = ${p}")
                == #"n where participant = "Alfa ""Nord"" Bank""#)
        // Inside a quoted text: the value's quotes doubled, no quotes added.
        #expect(
            try parameters.substitute(inStatement: #"quotes contains "${p} x""#)
                == #"quotes contains "Alfa ""Nord"" Bank x""#)
        // A whole number goes in bare (top ${n}); a comment is left alone.
        #expect(try parameters.substitute(inStatement: "total top ${n} -- ${x}") == "total top 3 -- ${x}")
        #expect(try parameters.substitute(inText: ".output ${n}.csv") == ".output 3.csv")
        // Not a reference: `$`, `${` without a closing brace, `${a b}`.
        #expect(try parameters.substitute(inStatement: "$ ${ ${a b}") == "$ ${ ${a b}")
        #expect(
            throws: ScriptParameters.Failure(
                description: "the parameter ${month} is not set; "
                    + "set it with --set month=VALUE or .set month VALUE")
        ) {
            try parameters.substitute(inStatement: "n where month = ${month}")
        }
    }

    @Test func setOnTheCommandLineAndTheUnsetErrorNamesTheLine() throws {
        let fixture = KSP.fixture
        let r = try KSP.run([
            fixture, "--format", "csv", "--set", "p=Beta Bank", "-c", "total where participant = ${p}",
        ])
        #expect(r.out == "total,n_total,n\n19.9,3,3\n")
        let scratch = try ScratchSeason()
        defer { scratch.remove() }
        let script = scratch.path("monthly.ksq")
        try "n\n-- the class\nn where class = ${class}\n".write(toFile: script, atomically: true, encoding: .utf8)
        let unset = try KSP.run([fixture, "--format", "csv", "-f", script])
        #expect(unset.status == 1)
        #expect(unset.out == "n\n9\n")
        #expect(
            unset.err == "\(script):3: the parameter ${class} is not set; "
                + "set it with --set class=VALUE or .set class VALUE\n")
        let set = try KSP.run([fixture, "--format", "csv", "-f", script, "--set", "class=Forsikring"])
        #expect(set.out == "n\n9\nn\n2\n")
        let bad = try KSP.run([fixture, "--set", "class", "-c", "n"])
        #expect(bad.status == 64)
        #expect(bad.err.contains("Error: --set expects NAME=VALUE, found \"class\"\n"))
        let badName = try KSP.run([fixture, "--set", "a b=1", "-c", "n"])
        #expect(
            badName.err.contains(
                "Error: \"a b\" is not a parameter name; use letters, digits and _ (participant, month)"))
    }

    @Test func setUnsetAndListInTheShell() throws {
        let input = """
            .set
            .set p "Gamma Forsikring"
            .set n 2
            .set
            total where participant = ${p}
            .unset p
            .set
            .unset p
            .set x
            total by participant top ${n}
            """
        let r = try KSP.run([KSP.fixture, "--format", "csv", "--keep-going"], stdin: input + "\n")
        #expect(
            r.out == """
                no parameters set (.set NAME VALUE, or --set NAME=VALUE)
                n = "2"
                p = "Gamma Forsikring"
                total,n_total,n
                60.8,2,2
                n = "2"
                participant,total,total_sig,n_total,n
                Alfa Bank,74.8,untested,4,4
                Gamma Forsikring,60.8,untested,2,2

                """)
        #expect(
            r.err == """
                <stdin>:8: .unset: the parameter p is not set
                <stdin>:9: .set: expected a value after x (quote a value with spaces: .set x "A B")

                """)
    }

    @Test func titlesInEveryFormat() throws {
        let statements = ".set c Bank; .title Class ${c}; n where class = ${c}; n by attempts"
        let table = try KSP.run([KSP.fixture, "-c", statements])
        #expect(table.out.hasPrefix("Class Bank\n\n┌"))
        let markdown = try KSP.run([KSP.fixture, "--format", "markdown", "-c", ".title A; n; .title B; n"])
        #expect(markdown.out == "## A\n\n| n |\n|---:|\n| 9 |\n\n## B\n\n| n |\n|---:|\n| 9 |\n")
        let json = try KSP.run([KSP.fixture, "--format", "json", "-c", statements])
        #expect(
            json.out == """
                {"title": "Class Bank", "rows": [
                  {"n": 7}
                ]}
                [
                  {"attempts": "1", "n": 6},
                  {"attempts": "2", "n": 3}
                ]

                """)
        // csv: titles and the blank line between tables only with --titles.
        let csv = try KSP.run([KSP.fixture, "--format", "csv", "-c", statements])
        #expect(csv.out == "n\n7\nattempts,n\n1,6\n2,3\n")
        let titled = try KSP.run([KSP.fixture, "--format", "csv", "--titles", "-c", statements])
        #expect(titled.out == "# Class Bank\nn\n7\n\nattempts,n\n1,6\n2,3\n")
        let missing = try KSP.run([KSP.fixture, "-c", ".title"])
        #expect(missing.err == "<command>:1: .title: expected the title's text\n")
    }

    @Test func tsvQuotesOnlyWhatNeedsIt() throws {
        let r = try KSP.run([KSP.fixture, "--format", "tsv", "-c", "total by participant where class = Bank"])
        #expect(
            r.out
                == "participant\ttotal\ttotal_sig\tn_total\tn\nAlfa Bank\t74.8\tuntested\t4\t4\n"
                + "Beta Bank\t19.9\tuntested\t3\t3\n")
        let mode = try KSP.run([KSP.fixture], stdin: ".mode tsv\n.mode\n")
        #expect(mode.out == "mode: tsv\n")
        let bad = try KSP.run([KSP.fixture], stdin: ".mode xls\n")
        #expect(bad.err == "<stdin>:1: .mode: expected table, markdown, csv, tsv, json or xlsx, found \"xls\"\n")
    }
}
