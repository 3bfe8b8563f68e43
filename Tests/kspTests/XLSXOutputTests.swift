import Foundation
import Testing

/// Issue 16: workbooks out (`.mode xlsx`, `--format xlsx`, `report … to x.xlsx`, `export … to x.xlsx`), read
/// back by an independent reader (openpyxl) and compared cell by cell with the csv of the same statement.
@Suite("xlsx output", .enabled(if: PythonTools.hasModule("openpyxl")))
struct XLSXOutputTests {
    /// Compares the first sheet of a workbook (shown as Excel shows it: the cell's number format decides the
    /// decimals, rounded half away from zero as ksp rounds) with a csv file; prints the differences.
    static let compare = """
        import csv, sys, openpyxl
        from decimal import Decimal, ROUND_HALF_UP
        sheet = openpyxl.load_workbook(sys.argv[1]).worksheets[int(sys.argv[3])]
        def shown(cell):
            v = cell.value
            if v is None: return ""
            if isinstance(v, str): return v
            if cell.number_format == "[<0.0001]0.00E+00;0.0000" and v < 0.0001: return "%.2e" % v
            places = {"0": 0, "0.0": 1, "[<0.0001]0.00E+00;0.0000": 4}.get(cell.number_format)
            if places is None: return repr(v)
            text = str(Decimal(repr(float(v))).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))
            # csv writes a value that rounds to zero without its sign (-0.04 is 0.0), as the tables do.
            return text[1:] if text.startswith("-") and Decimal(text) == 0 else text
        rows = [[shown(c) for c in row] for row in sheet.iter_rows()]
        table = []
        for row in rows:
            if all(v == "" for v in row): break
            table.append(row)
        notes = [row[0] for row in rows[len(table) + 1:]]
        expected = list(csv.reader(open(sys.argv[2], encoding="utf-8", newline="")))
        width = max(len(r) for r in expected)
        table = [r + [""] * (width - len(r)) for r in table]
        if table != expected:
            for a, b in zip(table, expected):
                if a != b: print("xlsx", a, "\\ncsv ", b)
            print("rows", len(table), len(expected))
            sys.exit(1)
        header_bold = all(c.font.b for c in next(sheet.iter_rows(max_row=1)))
        print("bold" if header_bold else "not bold")
        for note in notes: print("note:", note)
        """

    @Test func everyCellMatchesTheCsvOfTheSameStatement() throws {
        let folder = KSP.tempDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let statements = [
            "total by class", "compare participant \"Skjærvik Sparebank\" vs class",
            "total by class across channel", "quotes where class = Bank top 5", "rank within class Bank top 3",
            "noanswer, wait_median by channel", "chart total by channel",
        ]
        for (index, statement) in statements.enumerated() {
            let workbook = folder.appendingPathComponent("r\(index).xlsx").path
            let csv = folder.appendingPathComponent("r\(index).csv").path
            let written = try KSP.run([
                KSP.sample, "-c",
                ".mode xlsx; .output \(workbook); \(statement); .mode csv; .output \(csv); \(statement)",
            ])
            #expect(written.err == "")
            let compared = try PythonTools.run(XLSXOutputTests.compare, arguments: [workbook, csv, "0"])
            #expect(compared.status == 0, "\(statement): \(compared.out) \(compared.err)")
            #expect(compared.out.hasPrefix("bold\n"), "\(statement)")
            if statement == "total by class" {
                let note =
                    "note: ▲ ▼ significantly above / below the rest of the table (95 %, Holm over all 23 cells tested"
                    + " in this table; .help compare)"
                #expect(compared.out == "bold\n\(note)\n")
            }
        }
    }

    @Test func sheetsAreNamedByTitlesAndGoToStandardOutput() throws {
        let folder = KSP.tempDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbook = folder.appendingPathComponent("status.xlsx").path
        let script = ".title Bank: ranking [2024]; total by participant where class = Bank; n by channel; .classes"
        let r = try KSP.run([KSP.fixture, "--format", "xlsx", "-c", ".output \(workbook); " + script])
        #expect(r.err == "")
        let names = "import openpyxl, sys; print(openpyxl.load_workbook(sys.argv[1]).sheetnames)"
        #expect(
            try PythonTools.run(names, arguments: [workbook]).out
                == "['Bank ranking 2024', 'Result 2', 'Result 3']\n")
        // Without .output: the workbook goes to standard output at the end (not to a terminal).
        let piped = folder.appendingPathComponent("piped.xlsx").path
        let command = "\(Bash.ksp) '\(KSP.fixture)' --format xlsx -c 'n by attempts' > '\(piped)'"
        #expect(try Bash.run(command + "; echo $?").out == "0\n")
        let cells =
            "import openpyxl, sys; print([[c.value for c in r] for r in openpyxl.load_workbook(sys.argv[1]).active.iter_rows()])"
        #expect(try PythonTools.run(cells, arguments: [piped]).out == "[['attempts', 'n'], ['1', 6], ['2', 3]]\n")
        // A result for standard output stays there when a later .output starts a file's own workbook.
        let file = folder.appendingPathComponent("later.xlsx").path
        let mixed = "\(Bash.ksp) '\(KSP.fixture)' --format xlsx -c 'n; .output \(file); n by attempts' > '\(piped)'"
        #expect(try Bash.run(mixed + "; echo $?").out == "0\n")
        #expect(try PythonTools.run(cells, arguments: [piped]).out == "[['n'], [9]]\n")
        #expect(try PythonTools.run(cells, arguments: [file]).out == "[['attempts', 'n'], ['1', 6], ['2', 3]]\n")
    }

    @Test func reportsAndExportsAsWorkbooksAndTheErrors() throws {
        let scratch = try ScratchSeason()
        defer { scratch.remove() }
        let report = scratch.path("bank.xlsx")
        let export = scratch.path("inquiries.xlsx")
        let r = try KSP.run([
            scratch.season.path, "--keep-going", "-c",
            "report class Bank to \(report); export inquiries to \(export); .mode xlsx; .output \(scratch.path("x.csv")); n",
        ])
        #expect(r.out == "wrote \(report)\nwrote 9 inquiries to \(export)\n")
        #expect(
            r.err
                == "<command>:1: xlsx: results go to \(scratch.path("x.csv")); name a .xlsx file with .output (.output results.xlsx)\n"
        )
        let read = """
            import openpyxl, sys
            book = openpyxl.load_workbook(sys.argv[1])
            print(book.sheetnames)
            sheet = openpyxl.load_workbook(sys.argv[2]).active
            rows = [[c.value for c in r] for r in sheet.iter_rows()]
            print(len(rows), rows[0][:4], [v for v in rows[rows.index(next(r for r in rows if r[1] == "q7"))][11:14]])
            """
        let out = try PythonTools.run(read, arguments: [report, export])
        #expect(out.err == "")
        #expect(
            out.out == "['Summary', 'Ranking', 'Areas per participant', 'Channels and waits']\n"
                + "10 ['season', 'inquiry', 'participant_id', 'participant'] [1, 150, 36.66666666666667]\n")
        let unknown = try KSP.run([scratch.season.path, "-c", "report class Bank to x.docx"])
        #expect(
            unknown.err
                == "<command>:1: report: ksp cannot write .docx files; "
                + "end the name with .html (or .htm), .pdf, .md, .txt or .xlsx\n")
    }
}

/// `ksp generate --xlsx`: the sample season as workbooks, which load to the same figures as the CSV files.
@Suite("generate --xlsx")
struct GenerateWorkbookTests {
    @Test func theWorkbookSeasonLoadsAsTheCsvSeason() throws {
        let folder = KSP.tempDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbooks = folder.appendingPathComponent("xlsx").path
        let csv = folder.appendingPathComponent("csv").path
        let arguments = ["--seed", "5", "--participants", "30"]
        #expect(try KSP.run(["generate", "--xlsx"] + arguments + [workbooks]).status == 0)
        #expect(try KSP.run(["generate"] + arguments + [csv]).status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: workbooks).sorted()
        #expect(files == ["inquiries.xlsx", "participants.xlsx", "season.yaml"])
        let fromWorkbooks = try KSP.run(["export", workbooks])
        let fromCSV = try KSP.run(["export", csv])
        #expect(fromWorkbooks.err == "")
        #expect(!fromWorkbooks.out.isEmpty && fromWorkbooks.out == fromCSV.out)
    }
}
