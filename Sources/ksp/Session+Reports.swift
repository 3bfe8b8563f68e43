import Foundation
import KSPQuery
import KSPRender

#if canImport(Glibc)
    import Glibc
#endif

/// Reports as PDF and every participant's (class's) report at once (issue 13).
extension Session {
    /// One report to a file in the form its ending asks for; a PDF printed by headless Chromium,
    /// which Ctrl-C stops.
    static func writeReportFile(_ report: Report, as type: ReportFileType, to target: WriteTarget) throws {
        var printer: PDFPrinter?
        defer { printer?.close() }
        try InterruptFlag.catching {
            try type.write(report, to: target) {
                let started = try PDFPrinter { interruptRequested.load(ordering: .relaxed) }
                printer = started
                return started
            }
        }
    }

    /// `report participant|class * [where …] to DIR/ [as FORMAT]`.
    func writeReports(_ statement: ReportStatement) throws {
        guard let folder = statement.file?.value else { return }
        if interactive { interruptRequested.store(false, ordering: .relaxed) }
        let batch = try Evaluator(season: season, options: options).reportBatch(statement)
        guard !batch.members.isEmpty else {
            throw ShellError("report: no \(statement.subject.value.lowercased()) has an inquiry that passes the filter")
        }
        let format = statement.format.flatMap { ReportFileType(batchFormat: $0.value) } ?? .html
        let writer = ReportBatchWriter(
            batch: batch, evaluator: Evaluator(season: season, options: options), format: format,
            seasonDirectories: seasonDirectories)
        let written: Int
        let prepared: (folder: String, files: [String])
        do {
            if format == .pdf { try PDFPrinter().close() }  // Chromium missing: say so before making anything
            prepared = try writer.prepare(folder)
            let progress = BatchProgress.onTerminal(total: batch.members.count)
            written = try InterruptFlag.catching {
                try writer.write(into: prepared.folder, files: prepared.files, progress: progress) {
                    interruptRequested.load(ordering: .relaxed)
                }
            }
        } catch {
            throw ShellError("report: \(error)")
        }
        let index = prepared.folder + "/index.html"
        lastWritten = index
        try? output.write("wrote \(written) \(format.ending) \(written == 1 ? "file" : "files") and \(index)")
    }

    /// `.open [FILE]`: the last written report (or the file named) in the system's viewer when there
    /// is a display; otherwise where it is.
    func openInViewer(_ call: MetaInvocation) throws -> Outcome {
        guard call.arguments.count <= 1 else {
            return call.fail(".open: expected one file name at most, found \(call.arguments.count) words")
        }
        guard let path = call.arguments.first ?? lastWritten else {
            return call.fail(".open: no report written yet; write one with report participant \"NAME\" to FILE")
        }
        guard FileManager.default.fileExists(atPath: path) else { return call.fail(".open: \(path) does not exist") }
        let absolute = RealPath.resolve(path)
        let environment = ProcessInfo.processInfo.environment
        guard SystemViewer.hasDisplay(environment) else {
            try output.write("no display to open it on; the file is \(absolute)")
            return .ok
        }
        guard let viewer = ChildProcess.find(SystemViewer.command, environment: environment) else {
            return call.fail(".open: \(SystemViewer.command) not found; the file is \(absolute)")
        }
        let outcome = ChildProcess.run(viewer, [absolute], timeLimit: SystemViewer.timeLimit)
        guard outcome == .exited(0) || outcome == .stillRunning else {
            return call.fail(".open: \(SystemViewer.command) could not open \(absolute)")
        }
        try output.write("opened \(absolute)")
        return .ok
    }
}

/// The system's viewer for `.open`.
enum SystemViewer {
    #if os(macOS)
        static let command = "open"
    #else
        static let command = "xdg-open"
    #endif
    /// xdg-open hands the file to the viewer and returns; a viewer that blocks is left to run.
    static let timeLimit = 10.0

    static func hasDisplay(_ environment: [String: String]) -> Bool {
        #if os(macOS)
            return true
        #else
            return !(environment["DISPLAY"] ?? "").isEmpty || !(environment["WAYLAND_DISPLAY"] ?? "").isEmpty
        #endif
    }
}

/// Ctrl-C during a long write: in the shell SIGINT already only sets `interruptRequested`; in a
/// script or `-c` it would end ksp at once and leave temporary files and Chromium behind, so the
/// flag is set instead for the duration and the default comes back afterwards.
enum InterruptFlag {
    static func catching<T>(_ work: () throws -> T) throws -> T {
        var previous = sigaction()
        sigaction(SIGINT, nil, &previous)
        LineEditor.catchInterrupts()
        // A parent may have started ksp with SIGINT blocked (a test runner does): unblocked here, so
        // that Ctrl-C reaches the wait for Chromium.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        var previousMask = sigset_t()
        pthread_sigmask(SIG_UNBLOCK, &interrupt, &previousMask)
        defer {
            pthread_sigmask(SIG_SETMASK, &previousMask, nil)
            sigaction(SIGINT, &previous, nil)
        }
        return try work()
    }
}
