import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Prints HTML reports to PDF with headless Chromium, kept running between pages and driven over
/// the DevTools protocol (`DevToolsPipe`). Each printer has its own private folder for the page and
/// Chromium's profile (`--user-data-dir`), removed by `close()`, so two can run side by side and
/// nothing of the user's browser is touched; no network is needed (the report is self-contained).
/// The PDF is written whole under a temporary name beside the target and renamed (`AtomicFile`).
final class PDFPrinter {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Names Chromium goes by on $PATH; `KSP_CHROMIUM` names another.
    static let chromiumNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
    static let macChrome = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"
    /// Starting Chromium or printing one page takes seconds at most; this long means it hangs.
    static let timeLimit = 90.0

    static let missing = Failure(
        description: "Chromium is not installed, and ksp prints PDFs with headless Chromium; "
            + "install it with scripts/setup (or apt-get install chromium), or write .html instead")

    let chromium: String
    private let workFolder: String
    private let isCancelled: () -> Bool
    private var browser: DevToolsPipe?

    init(isCancelled: @escaping () -> Bool = { false }) throws(Failure) {
        let environment = ProcessInfo.processInfo.environment
        let names = environment["KSP_CHROMIUM"].map { [$0] } ?? PDFPrinter.chromiumNames
        guard
            let found = (names + [PDFPrinter.macChrome]).lazy.compactMap({
                ChildProcess.find($0, environment: environment)
            }).first
        else {
            throw PDFPrinter.missing
        }
        chromium = found
        self.isCancelled = isCancelled
        var template = Array((PDFPrinter.temporaryRoot() + "/ksp-pdf-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkdtemp($0) } ?? nil }
        guard made != nil else {
            let reason = String(cString: strerror(errno))
            throw Failure(description: "cannot make a temporary folder for Chromium: \(reason)")
        }
        workFolder = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Chromium puts a socket in its temporary folder, and a socket's path may not be longer than 107
    /// bytes: a long $TMPDIR gives way to /tmp.
    static let longestTemporaryRoot = 48

    static func temporaryRoot() -> String {
        var root = NSTemporaryDirectory()
        while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
        return root.utf8.count <= longestTemporaryRoot ? root : "/tmp"
    }

    /// Stops Chromium and removes the private folder.
    func close() {
        browser?.end()
        browser = nil
        try? FileManager.default.removeItem(atPath: workFolder)
    }

    /// The HTML as a PDF at the target; throws with the reason, leaving nothing behind.
    func print(html: String, to target: WriteTarget) throws(Failure) {
        let page = URL(fileURLWithPath: workFolder + "/report.html")
        do { try html.write(to: page, atomically: false, encoding: .utf8) } catch {
            throw Failure(description: "cannot write the page for Chromium: \(error.localizedDescription)")
        }
        let pdf: Data
        do {
            if browser == nil {
                browser = try DevToolsPipe(
                    chromium: chromium, workFolder: workFolder, timeLimit: PDFPrinter.timeLimit,
                    isCancelled: isCancelled)
            }
            pdf = try browser?.printPage(page, timeLimit: PDFPrinter.timeLimit) ?? Data()
        } catch {
            // A Chromium that failed once is not trusted with the next page: a new one starts.
            browser?.end()
            browser = nil
            throw Failure(
                description: error.isInterruption
                    ? "interrupted; \(target.path) is not written" : "\(target.path): \(error)")
        }
        guard pdf.starts(with: Data("%PDF-".utf8)) else {
            throw Failure(description: "Chromium printed no PDF for \(target.path)")
        }
        do { try AtomicFile.write(bytes: Array(pdf), to: target) } catch {
            throw Failure(description: error.description)
        }
    }
}
