import Foundation

/// Whether a season fits in the memory the process may still use, estimated from its files
/// before anything large is allocated: running out half way through a load is a crash with a
/// backtrace (and in the shell it would end the session), a refusal is an ordinary error.
enum LoadMemoryBudget {
    /// Bytes of the inquiries file read to estimate bytes per row and columns per row.
    static let sampleBytes = 65536
    /// Per row and column: the field's place in the chunk, the answer as a Double and its copy when
    /// the two halves of a large file are merged; per row: ids, keys, times, scores and tables.
    /// Measured: a 100× sample season (94 MB of inquiries, 45 columns) needs 620–720 MB of address space.
    static let bytesPerField = 24
    static let bytesPerRow = 160
    /// Address space taken by the threads' stacks and the allocator's arenas while loading.
    static let threadReserve = 48 * 1_048_576

    /// The refusal message, or nil when the season fits (or nothing could be measured).
    static func refusal(directory: String, files: [String], inquiriesFile: String) -> String? {
        let sizes = files.map { fileSize(URL(fileURLWithPath: directory).appendingPathComponent($0).path) }
        let inquiriesPath = URL(fileURLWithPath: directory).appendingPathComponent(inquiriesFile).path
        guard let inquiriesSize = fileSize(inquiriesPath), let shape = sampleShape(inquiriesPath) else { return nil }
        let fileBytes = sizes.reduce(0) { $0 + ($1 ?? 0) }
        let rows = Double(inquiriesSize) / max(1, shape.bytesPerLine)
        let resident = Double(fileBytes) + rows * Double(bytesPerField * shape.fields + bytesPerRow)
        let addressSpace = resident + Double(threadReserve)
        let limits: [(needed: Double, available: Int?)] = [
            (addressSpace, addressSpaceLeft()), (resident, memAvailable()),
        ]
        var shortfall: (needed: Double, available: Int)?
        for limit in limits {
            if let available = limit.available, Double(available) < limit.needed {
                shortfall = (limit.needed, available)
            }
        }
        guard let (needed, available) = shortfall else { return nil }
        return "not enough memory to load \(directory): it needs about \(megabytes(needed)) MB "
            + "(\(megabytes(Double(inquiriesSize))) MB of inquiries), and \(megabytes(Double(available))) MB are "
            + "available (ulimit -v and free memory); expected a smaller season or more memory"
    }

    static func megabytes(_ bytes: Double) -> Int { Int((bytes / 1_048_576).rounded(.up)) }

    static func fileSize(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// Bytes per line and fields per row, from the first bytes of the file.
    static func sampleShape(_ path: String) -> (bytesPerLine: Double, fields: Int)? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: sampleBytes), !data.isEmpty else { return nil }
        let bytes = [UInt8](data)
        let newlines = bytes.reduce(0) { $1 == 10 ? $0 + 1 : $0 }
        let header = bytes.prefix { $0 != 10 }
        let commas = header.reduce(0) { $1 == UInt8(ascii: ",") ? $0 + 1 : $0 }
        let semicolons = header.reduce(0) { $1 == UInt8(ascii: ";") ? $0 + 1 : $0 }
        // A sample without a line break is one line: the file holds at most a row or two.
        let bytesPerLine = newlines > 0 ? Double(bytes.count) / Double(newlines) : Double(bytes.count)
        return (bytesPerLine, max(commas, semicolons) + 1)
    }

    /// The address space left under `ulimit -v`; nil when there is no limit.
    static func addressSpaceLeft() -> Int? {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_AS.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max,
            let used = virtualSize()
        else { return nil }
        let cap = limit.rlim_cur > rlim_t(Int.max) ? Int.max : Int(limit.rlim_cur)
        return max(0, cap - used)
    }

    /// The process's virtual size: what counts against RLIMIT_AS.
    static func virtualSize() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
            let pages = text.split(separator: " ").first.flatMap({ Int($0) })
        else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// MemAvailable of /proc/meminfo in bytes.
    static func memAvailable() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("MemAvailable:") {
            let kilobytes = line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
            return kilobytes.map { $0 * 1024 }
        }
        return nil
    }
}
