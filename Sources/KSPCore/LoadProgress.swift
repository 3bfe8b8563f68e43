import Foundation

/// How far a season load has come: the file being read and the share of its bytes done.
///
/// Bound for the duration of a load with `LoadProgress.$current.withValue(…)`, so the loader's
/// functions keep their shape; the loader reads it once and reports as it goes, from whichever
/// thread reads the rows (the report must be safe to call from any thread).
public final class LoadProgress: @unchecked Sendable {
    @TaskLocal public static var current: LoadProgress?

    /// The file (`DIR/inquiries.csv`) and the share read, 0 to 1.
    public typealias Report = @Sendable (_ file: String, _ fraction: Double) -> Void

    private let lock = NSLock()
    private let report: Report
    private var directory = ""
    private var doneBytes = 0
    private var totalBytes = 0

    public init(_ report: @escaping Report) {
        self.report = report
    }

    /// A season directory starts loading.
    func begin(directory: String) {
        lock.withLock { self.directory = directory }
    }

    /// inquiries.csv, `totalBytes` long, starts being read.
    func startReading(totalBytes: Int) {
        lock.withLock {
            doneBytes = 0
            self.totalBytes = max(1, totalBytes)
        }
    }

    /// `bytes` more of inquiries.csv have been read.
    func advance(_ bytes: Int) {
        let (file, fraction) = lock.withLock { () -> (String, Double) in
            doneBytes += bytes
            let file = directory.isEmpty ? SeasonLoader.inquiriesFile : directory + "/" + SeasonLoader.inquiriesFile
            return (file, min(1, Double(doneBytes) / Double(totalBytes)))
        }
        report(file, fraction)
    }
}
