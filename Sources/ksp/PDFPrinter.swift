import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Prints an HTML report to PDF with headless Chromium. Each printer has its own private profile
/// folder (`--user-data-dir`, removed by `close()`), so two can run side by side and nothing of the
/// user's browser is touched; no network is needed (the report is self-contained). The PDF is
/// written under a temporary name beside the target and renamed when Chromium has finished it.
final class PDFPrinter {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Names Chromium goes by on $PATH; `KSP_CHROMIUM` names another.
    static let chromiumNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
    static let macChrome = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"
    /// One page is a second or two; a minute means Chromium hangs.
    static let timeLimit = 90.0

    static let missing = Failure(
        description: "Chromium is not installed, and ksp prints PDFs with headless Chromium; "
            + "install it with scripts/setup (or apt-get install chromium), or write .html instead")

    let chromium: String
    private let workFolder: String

    init() throws(Failure) {
        let environment = ProcessInfo.processInfo.environment
        let candidates = (environment["KSP_CHROMIUM"].map { [$0] } ?? PDFPrinter.chromiumNames) + [PDFPrinter.macChrome]
        guard let found = candidates.lazy.compactMap({ ChildProcess.find($0, environment: environment) }).first else {
            throw PDFPrinter.missing
        }
        chromium = found
        var template = Array((NSTemporaryDirectory() + "/ksp-pdf-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkdtemp($0) } ?? nil }
        guard made != nil else {
            throw Failure(
                description: "cannot make a temporary folder for Chromium: \(String(cString: strerror(errno)))")
        }
        workFolder = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Removes the private profile and the page files.
    func close() {
        try? FileManager.default.removeItem(atPath: workFolder)
    }

    /// The HTML as a PDF at the target; throws with the reason, leaving nothing behind.
    func print(html: String, to target: WriteTarget, isCancelled: () -> Bool) throws(Failure) {
        switch target.existing {
        case .folder: throw Failure(description: "cannot write \(target.path): it is a folder")
        case .special(let kind):
            throw Failure(description: "cannot write \(target.path): it is \(kind), not a regular file")
        case .nothing, .regularFile: break
        }
        let page = workFolder + "/report.html"
        do { try html.write(toFile: page, atomically: false, encoding: .utf8) } catch {
            throw Failure(description: "cannot write the page for Chromium: \(error.localizedDescription)")
        }
        let folder = (target.resolved as NSString).deletingLastPathComponent
        let temporary = folder + "/.ksp-write-\(UUID().uuidString.prefix(8)).pdf"
        var renamed = false
        defer {
            if !renamed { unlink(temporary) }
        }
        let arguments = [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--disable-dev-shm-usage", "--user-data-dir=\(workFolder)/profile", "--no-pdf-header-footer",
            "--print-to-pdf=\(temporary)", URL(fileURLWithPath: page).absoluteString,
        ]
        switch ChildProcess.run(chromium, arguments, timeLimit: PDFPrinter.timeLimit, isCancelled: isCancelled) {
        case .exited(0): break
        case .exited(let code): throw Failure(description: "Chromium failed printing \(target.path) (exit \(code))")
        case .timedOut:
            throw Failure(description: "Chromium took over \(Int(PDFPrinter.timeLimit)) s on \(target.path); stopped")
        case .interrupted: throw Failure(description: "interrupted")
        case .failedToStart(let code):
            throw Failure(description: "cannot start \(chromium): \(String(cString: strerror(code)))")
        }
        guard let head = FileManager.default.contents(atPath: temporary)?.prefix(5), head == Data("%PDF-".utf8) else {
            throw Failure(description: "Chromium wrote no PDF for \(target.path)")
        }
        guard rename(temporary, target.resolved) == 0 else {
            throw Failure(description: "cannot write \(target.path): \(String(cString: strerror(errno)))")
        }
        renamed = true
    }
}
