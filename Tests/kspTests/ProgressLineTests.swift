import Foundation
import Testing

@testable import ksp

/// Issue 17: a load that takes longer than half a second shows the file being read and how far,
/// on a terminal's standard error only.
@Suite("Progress line")
struct ProgressLineTests {
    /// What a progress line wrote, in order.
    final class Written: @unchecked Sendable {
        private let lock = NSLock()
        private var texts: [String] = []
        func append(_ text: String) { lock.withLock { texts.append(text) } }
        var all: [String] { lock.withLock { texts } }
    }

    @Test func showsTheFileAndPercentOnceEachAndErasesItself() {
        let written = Written()
        let line = ProgressLine(delay: 0) { written.append($0) }
        line.update(file: "x10/inquiries.csv", fraction: 0.104)
        line.update(file: "x10/inquiries.csv", fraction: 0.109)
        line.update(file: "x10/inquiries.csv", fraction: 0.5)
        line.update(file: "x10/inquiries.csv", fraction: 1)
        line.finish()
        #expect(
            written.all == [
                "\r\u{1B}[Kreading x10/inquiries.csv 10%", "\r\u{1B}[Kreading x10/inquiries.csv 50%",
                "\r\u{1B}[Kreading x10/inquiries.csv 100%", "\r\u{1B}[K",
            ])
    }

    @Test func aLoadQuickerThanTheDelayShowsNothing() {
        let written = Written()
        let line = ProgressLine(delay: 0.5) { written.append($0) }
        line.update(file: "inquiries.csv", fraction: 0.5)
        line.update(file: "inquiries.csv", fraction: 1)
        line.finish()
        #expect(written.all.isEmpty)
    }

    @Test func theLineAppearsOnceTheDelayHasPassed() {
        let written = Written()
        let line = ProgressLine(delay: 0.5) { written.append($0) }
        let later = DispatchTime.now().uptimeNanoseconds + 600_000_000
        line.update(file: "inquiries.csv", fraction: 0.25, now: later)
        #expect(written.all == ["\r\u{1B}[Kreading inquiries.csv 25%"])
    }

    /// A generated season of 10× the sample's 25 inquiries per participant for 40 participants
    /// (10 000 inquiries: two chunks of rows, so the line shows a percent between 0 and 100).
    static func largeSeason(in folder: URL) throws -> String {
        let season = folder.appendingPathComponent("x10").path
        _ = try KSP.run(["generate", "--participants", "40", "--scale", "10", season])
        return season
    }

    @Test func nothingOnAPipe() throws {
        let folder = KSP.tempDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let season = try ProgressLineTests.largeSeason(in: folder)
        let result = try KSP.run([season, "-c", "n by channel"], environment: ["KSP_PROGRESS_AFTER": "0"])
        #expect(result.status == 0)
        #expect(result.err.isEmpty)
    }

    /// In a terminal, with the delay set to 0 (the test hook): everything the terminal received is
    /// recorded by tmux's pipe-pane, started in the terminal before ksp.
    @Test(.enabled(if: TmuxSession.available)) func onATerminalWhileLoading() throws {
        let home = KSP.tempDirectory()
        let season = try ProgressLineTests.largeSeason(in: home)
        let log = home.appendingPathComponent("pane.log").path
        let t = try TmuxSession(
            args: [season, "-c", "n by channel"], home: home, ownsHome: true, environment: "KSP_PROGRESS_AFTER=0",
            prelude: "'\(TmuxSession.tool)' pipe-pane 'cat >> \(log)';")
        defer { t.end() }
        #expect(t.waitForExit() == "EXIT=0")
        let received = try #require(waitUntilRead(log) { $0.contains("n\u{1B}") || $0.contains("phone") })
        let file = "\(season)/inquiries.csv"
        #expect(received.contains("\r\u{1B}[Kreading \(file) 100%"))
        // Rows are read in chunks of 8192: the first chunk of the 10 000 inquiries is 81 % of the file.
        #expect(received.contains("\r\u{1B}[Kreading \(file) 8"))
        // Erased before the answer is written.
        let erased = try #require(received.range(of: "100%\r\u{1B}[K"))
        let answer = try #require(received.range(of: "phone"))
        #expect(erased.upperBound <= answer.lowerBound)
    }

    /// The file's text once `condition` holds for it (tmux's pipe may still be writing).
    func waitUntilRead(_ path: String, _ condition: (String) -> Bool) -> String? {
        var text: String?
        waitUntil {
            text = try? String(contentsOfFile: path, encoding: .utf8)
            return text.map(condition) ?? false
        }
        return text
    }
}
