import Foundation
import Testing

@testable import ksp

/// `.open` (issue 13): the last written report in the system's viewer when there is a display, else
/// where it is. The viewer here is a fake `xdg-open` on PATH that records what it was given.
@Suite("Open command")
struct OpenCommandTests {
    /// SCRATCH/bin holding an `xdg-open` that writes its argument to `opened` beside it.
    static func fakeViewer(in scratch: ScratchSeason) throws -> String {
        let folder = scratch.path("bin")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let script = "#!/bin/sh\nprintf '%s' \"$1\" > \"$(dirname \"$0\")/opened\"\n"
        let path = folder + "/xdg-open"
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return folder
    }

    @Test func withADisplayTheViewerGetsTheLastReport() throws {
        let scratch = try ScratchSeason()
        defer { scratch.remove() }
        let bin = try Self.fakeViewer(in: scratch)
        let report = scratch.path("alfa.html")
        let real = URL(fileURLWithPath: report).resolvingSymlinksInPath().path
        let r = try KSP.run(
            [scratch.season.path], stdin: "report participant \"Alfa Bank\" to \(report)\n.open\n",
            environment: ["PATH": bin + ":/usr/bin:/bin", "DISPLAY": ":0", "WAYLAND_DISPLAY": ""])
        #expect(r.err == "")
        #expect(r.out == "wrote \(report)\nopened \(real)\n")
        #expect(try String(contentsOfFile: bin + "/opened", encoding: .utf8) == real)
    }

    @Test func withoutADisplayItSaysWhereTheFileIs() throws {
        let scratch = try ScratchSeason()
        defer { scratch.remove() }
        let bin = try Self.fakeViewer(in: scratch)
        let out = scratch.path("all")
        let index = URL(fileURLWithPath: out + "/index.html").resolvingSymlinksInPath().path
        let r = try KSP.run(
            [scratch.season.path], stdin: "report class * to \(out)/\n.open\n",
            environment: ["PATH": bin + ":/usr/bin:/bin", "DISPLAY": "", "WAYLAND_DISPLAY": ""])
        #expect(r.out == "wrote 2 html files and \(out)/index.html\nno display to open it on; the file is \(index)\n")
        #expect(!FileManager.default.fileExists(atPath: bin + "/opened"))
    }

    @Test func nothingWrittenYetOrAMissingFile() throws {
        let r = try KSP.run([KSP.fixture, "--keep-going"], stdin: ".open\n.open /nonexistent/r.html\n.open a b\n")
        #expect(
            r.err == "<stdin>:1: .open: no report written yet; write one with report participant \"NAME\" to FILE\n"
                + "<stdin>:2: .open: /nonexistent/r.html does not exist\n"
                + "<stdin>:3: .open: expected one file name at most, found 2 words\n")
        #expect(r.status == 1)
    }
}

/// The help topics of issue 13's report forms and `.open`.
@Suite("Report help")
struct ReportHelpTests {
    @Test func topicsForTheReportFormsAndOpen() {
        let report = Help.text(topic: "report")
        #expect(report.contains("report participant * [where FILTER] to DIR/ [as html|pdf|md|txt]"))
        #expect(report.contains("report class * [where FILTER] to DIR/ [as html|pdf|md|txt]"))
        #expect(Help.text(topic: "open").contains("xdg-open"))
        #expect(Help.text(topic: "meta").contains(".open [FILE]"))
        #expect(Help.text(topic: nil).contains("| report |"))
    }
}
