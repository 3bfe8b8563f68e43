import Foundation
import KSPQuery
import KSPRender
import Synchronization

/// `report participant|class * [where …] to DIR/ [as pdf|html|md|txt]`: one file per member into a
/// folder (made when missing; its parent must exist; never inside a loaded season), then `index.html`
/// linking them all. The reports are made in parallel, one worker per core (PDF: two Chromiums at
/// most, each a process of its own); every file is written under a temporary name and renamed when
/// complete, so Ctrl-C leaves only whole files.
struct ReportBatchWriter: Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// At most this many Chromiums print at once (each is several processes and much memory).
    static let maximumPrinters = 2

    let batch: ReportBatch
    let evaluator: Evaluator
    let format: ReportFileType
    let seasonDirectories: [String]

    /// The folder made ready; the files' names, in the order of `batch.members`.
    func prepare(_ folderPath: String) throws(Failure) -> (folder: String, files: [String]) {
        var folder = folderPath
        while folder.count > 1 && folder.hasSuffix("/") { folder.removeLast() }
        var isFolder: ObjCBool = false
        do {
            if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
                guard isFolder.boolValue else { throw Failure(description: "\(folderPath) is a file, not a folder") }
            } else {
                _ = try WriteTarget.check(folder, seasonDirectories: seasonDirectories)
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
            }
            // Judged inside the folder: a folder that is (or links into) a season directory is refused.
            _ = try WriteTarget.check(folder + "/index.html", seasonDirectories: seasonDirectories)
        } catch let failure as Failure {
            throw failure
        } catch let refusal as WriteTarget.Refusal {
            throw Failure(description: refusal.description)
        } catch {
            throw Failure(description: "cannot make the folder \(folderPath): \(error.localizedDescription)")
        }
        var names = ReportFileNames(ending: format.ending, reserved: ["index.html"])
        return (folder, batch.members.map { names.next(for: $0.name) })
    }

    /// Writes every member's file, then the index; returns how many were written. On Ctrl-C (or the
    /// first failure) the workers stop after the file in hand and the index is not written.
    func write(
        into folder: String, files: [String], progress: BatchProgress?, isCancelled: @escaping @Sendable () -> Bool
    ) throws(Failure) -> Int {
        let workers = max(
            1, min(ProcessInfo.processInfo.activeProcessorCount, format == .pdf ? Self.maximumPrinters : 64))
        let work = Mutex(WorkState())
        var cancellable = self.evaluator
        cancellable.options.isCancelled = isCancelled
        let evaluator = cancellable
        DispatchQueue.concurrentPerform(iterations: min(workers, batch.members.count)) { _ in
            var printer: PDFPrinter?
            defer { printer?.close() }
            while let k = work.withLock({ $0.take(batch.members.count, isCancelled) }) {
                do {
                    let member = batch.members[k]
                    let report = try evaluator.report(of: member, in: batch)
                    let target = try WriteTarget.check(folder + "/" + files[k], seasonDirectories: seasonDirectories)
                    try format.write(report, to: target) {
                        if let printer { return printer }
                        let started = try PDFPrinter(isCancelled: isCancelled)
                        printer = started
                        return started
                    }
                    work.withLock { $0.written += 1 }
                    progress?.advance()
                } catch let error as EvaluationError where error.isInterruption {
                    work.withLock { $0.stopped = true }
                } catch {
                    let message = isCancelled() ? nil : "\(batch.members[k].name): \(error)"
                    work.withLock { $0.fail(message) }
                }
            }
        }
        progress?.clear()
        let outcome = work.withLock { $0 }
        if let failure = outcome.failure {
            throw Failure(description: "\(failure); \(outcome.written) of \(files.count) files written, no index.html")
        }
        if outcome.stopped || isCancelled() {
            throw Failure(
                description: "interrupted: \(outcome.written) of \(files.count) files written into \(folder)/ "
                    + "(each complete); no index.html")
        }
        do {
            let index = try WriteTarget.check(folder + "/index.html", seasonDirectories: seasonDirectories)
            try AtomicFile.write(ReportBatchIndex.html(batch, files: files), to: index)
        } catch {
            throw Failure(description: "\(error)")
        }
        return outcome.written
    }

    /// What the workers share: the next member to take, how many are written, why they stopped.
    private struct WorkState {
        var next = 0
        var written = 0
        var stopped = false
        var failure: String?

        mutating func take(_ count: Int, _ isCancelled: () -> Bool) -> Int? {
            if isCancelled() { stopped = true }
            guard !stopped && failure == nil && next < count else { return nil }
            next += 1
            return next - 1
        }

        mutating func fail(_ message: String?) {
            if let message, failure == nil { failure = message }
            stopped = true
        }
    }
}
