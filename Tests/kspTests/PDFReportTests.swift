import Foundation
import Testing

/// `report … to x.pdf` and `report participant * … as pdf` through headless Chromium (issue 13), read
/// back with poppler: pdftotext for the words, pdftoppm for the pages. Skipped without them.
@Suite("PDF reports", .serialized)
struct PDFReportTests {
    static var toolsPresent: Bool {
        ["chromium", "pdftotext", "pdftoppm", "pdfinfo"].allSatisfy { TmuxSession.which($0) != nil }
    }

    /// The scored areas of the fixture (weight above 0), by the names the report shows.
    static let scoredAreaNames = ["Svar- og ventetid", "Mottak og velkomst", "Kundebehandleren", "Totalinntrykk"]

    /// A poppler tool's standard output.
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        try Bash.run(([tool] + arguments).map { "'\($0)'" }.joined(separator: " ") + " 2>/dev/null").out
    }

    /// Each page as a greyscale picture (pdftoppm -gray, PGM): how many, and whether each has ink.
    static func pagesWithInk(_ pdf: String, in folder: String) throws -> [Bool] {
        _ = try run("pdftoppm", ["-r", "20", "-gray", pdf, folder + "/page"])
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("page") }.sorted()
        return try pages.map { name in
            let bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
            // P5 header: magic, width, height, maximum — three newlines, then one byte a pixel.
            var newlines = 0
            var start = 0
            for (offset, byte) in bytes.enumerated() where byte == 0x0A {
                newlines += 1
                if newlines == 3 {
                    start = offset + 1
                    break
                }
            }
            return bytes.dropFirst(start).contains { $0 < 128 }
        }
    }

    @Test(.enabled(if: toolsPresent))
    func aParticipantsReportAsPDF() throws {
        let scratch = try ScratchSeason()
        defer { scratch.remove() }
        let pdf = scratch.path("Alfa Bank.pdf")
        // Chromium's private profile and page go into TMPDIR (a short one: Chromium puts a socket there)
        // and are removed afterwards.
        let temporary = "/tmp/ksp-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let r = try KSP.run(
            [scratch.season.path, "-c", "report participant \"Alfa Bank\" to '\(pdf)'"],
            environment: ["TMPDIR": temporary])
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty)
        #expect(r.err == "")
        #expect(r.out == "wrote \(pdf)\n")
        let text = try Self.run("pdftotext", [pdf, "-"])
        #expect(text.contains("Alfa Bank"))
        #expect(text.contains("Totalresultat") || text.contains("Total"))
        for area in Self.scoredAreaNames { #expect(text.contains(area), "\(area) missing from the PDF") }
        // A4 (595.92 × 841.92 pt) unless the report's CSS names another size.
        #expect(try Self.run("pdfinfo", [pdf]).contains("(A4)"))
        let pictures = scratch.path("pictures")
        try FileManager.default.createDirectory(atPath: pictures, withIntermediateDirectories: false)
        let pages = try Self.pagesWithInk(pdf, in: pictures)
        #expect(!pages.isEmpty)
        #expect(pages.allSatisfy { $0 }, "a blank page: \(pages)")
        // Nothing but the PDF beside it: Chromium's temporary file was renamed.
        let left = try FileManager.default.contentsOfDirectory(atPath: scratch.root.path).filter {
            $0.hasPrefix(".ksp-write")
        }
        #expect(left.isEmpty)
    }

    @Test(.enabled(if: toolsPresent))
    func everyClassAsPDF() throws {
        let scratch = try ScratchSeason()
        defer { scratch.remove() }
        let out = scratch.path("pdf")
        // A TMPDIR too long for Chromium's socket: ksp's printer works in /tmp instead.
        let longTemporary = scratch.path(String(repeating: "t", count: 60))
        try FileManager.default.createDirectory(atPath: longTemporary, withIntermediateDirectories: false)
        let r = try KSP.run(
            [scratch.season.path, "-c", "report class * to \(out)/ as pdf"], environment: ["TMPDIR": longTemporary])
        #expect(r.out == "wrote 2 pdf files and \(out)/index.html\n")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out).sorted() == [
                "Bank.pdf", "Forsikring.pdf", "index.html",
            ])
        #expect(try Self.run("pdftotext", [out + "/Forsikring.pdf", "-"]).contains("Gamma Forsikring"))
    }

    /// Without Chromium the error says so and how to get it; nothing is written.
    @Test func withoutChromiumTheErrorSaysHowToInstallIt() throws {
        let scratch = try ScratchSeason()
        defer { scratch.remove() }
        let pdf = scratch.path("r.pdf")
        let missing = ["KSP_CHROMIUM": scratch.path("no-chromium-here")]
        let r = try KSP.run([scratch.season.path, "-c", "report class Bank to \(pdf)"], environment: missing)
        let message =
            "report: Chromium is not installed, and ksp prints PDFs with headless Chromium; "
            + "install it with scripts/setup (or apt-get install chromium), or write .html instead"
        #expect(r.err == "<command>:1: \(message)\n")
        #expect(r.status == 1)
        let batch = try KSP.run(
            [scratch.season.path, "-c", "report class * to \(scratch.path("out"))/ as pdf"], environment: missing)
        #expect(batch.err == "<command>:1: \(message)\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.root.path) == ["season"])
    }

    /// A Chromium that never answers: Ctrl-C (SIGINT, in `-c` mode too) stops ksp's wait, kills it with
    /// its process group, and leaves no file and no temporary behind.
    @Test func ctrlCStopsAChromiumThatHangs() throws {
        let scratch = try ScratchSeason()
        defer { scratch.remove() }
        let fake = scratch.path("chromium")
        let started = scratch.path("chromium.pid")
        try "#!/bin/sh\necho $$ > '\(started)'\nexec sleep 300\n".write(toFile: fake, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake)
        let out = scratch.path("out")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: false)
        let ksp = Process()
        ksp.executableURL = KSP.binary
        ksp.arguments = [scratch.season.path, "-c", "report participant \"Alfa Bank\" to \(out)/alfa.pdf"]
        var environment = ProcessInfo.processInfo.environment
        environment["KSP_CHROMIUM"] = fake
        ksp.environment = environment
        let errors = Pipe()
        ksp.standardError = errors
        ksp.standardOutput = FileHandle.nullDevice
        try ksp.run()
        defer { if ksp.isRunning { ksp.terminate() } }
        #expect(waitUntil { FileManager.default.fileExists(atPath: started) && ksp.isRunning })
        let chromium =
            pid_t(
                (try? String(contentsOfFile: started, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
                    ?? "") ?? 0
        ksp.interrupt()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        ksp.waitUntilExit()
        #expect(message == "<command>:1: report: interrupted; \(out)/alfa.pdf is not written\n")
        #expect(ksp.terminationStatus == 1)
        #expect(chromium > 0 && kill(chromium, 0) != 0, "the hanging Chromium is still running")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty)
    }
}
