import Foundation
import Testing

/// A batch of PDF reports in a real terminal (issue 13): the progress bar on standard error, and Ctrl-C
/// stopping it with only complete files left, no temporaries, no index and no Chromium running.
@Suite("Report batches in a terminal", .serialized)
struct ReportBatchTerminalTests {
    static var toolsPresent: Bool { TmuxSession.available && TmuxSession.which("chromium") != nil }

    /// Processes whose command line names the folder (Chromium printing into it).
    static func processes(naming folder: String) -> [String] {
        let ids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return ids.filter { Int($0) != nil }.compactMap { id in
            guard let data = FileManager.default.contents(atPath: "/proc/\(id)/cmdline") else { return nil }
            let command = String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
            return command.contains(folder) ? command : nil
        }
    }

    @Test(.enabled(if: toolsPresent))
    func ctrlCLeavesOnlyCompleteFiles() throws {
        let t = try TmuxSession(args: [KSP.sample])
        defer { t.end() }
        try t.waitFor("ksp2024>")
        let out = t.dir.appendingPathComponent("pdf").path
        try t.enter("report participant * to \(out)/ as pdf")
        // The bar: count of the 190, rate and time left; Ctrl-C once a file or two are written.
        let bar = try t.waitFor("the progress bar", timeout: 60) { $0.contains("/190 [") }
        #expect(bar.contains("/s ") && bar.contains(" left"), "no rate or time left: \(bar)")
        try t.keys("C-c")
        let screen = try t.waitFor("interrupted:")
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(!files.isEmpty)
        #expect(files.count < 190)
        #expect(screen.contains("interrupted: \(files.count) of 190 files written into \(out)/"))
        #expect(!files.contains("index.html"))
        for file in files {
            #expect(file.hasSuffix(".pdf") && !file.hasPrefix("."), "not a finished report: \(file)")
            let bytes = FileManager.default.contents(atPath: out + "/" + file) ?? Data()
            let tail = String(decoding: bytes.suffix(16), as: UTF8.self)
            #expect(bytes.prefix(5) == Data("%PDF-".utf8) && tail.contains("%%EOF"), "\(file) is not whole")
        }
        #expect(Self.processes(naming: out).isEmpty)
        // The shell goes on.
        try t.enter("n")
        try t.waitFor("│ 4750 │")
    }
}
