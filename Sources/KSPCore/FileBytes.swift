import Foundation
import Synchronization

/// A file's bytes, held either as a copy of an array's (read, or made in memory by tests and the workbook reader)
/// or as a read-only mapping of the file itself.
///
/// Mapping inquiries.csv instead of reading it saves the copy into fresh memory that the kernel must
/// first clear (at 100× the sample, 100 MB: about 60 ms on one core before any row is read); the
/// pages come from the page cache as the two halves of the file are parsed, on both cores. A mapped
/// file that is truncated while loading would end the process with SIGBUS: `MappedFileGuard` puts a
/// page of zeros in place of a vanished page and marks the mapping as changed, and the loader then
/// reads the file again (see `SeasonLoader.load(directory:)`).
public final class FileBytes: @unchecked Sendable {
    /// Valid as long as this object lives; never written.
    let buffer: UnsafeBufferPointer<UInt8>
    /// The mapping, or nil where `buffer` is this object's own copy of an array's bytes.
    private let mapping: MappedFileGuard.Registration?
    /// Outlives the mapping: whether the file changed while mapped (see `MappingStatus.changedWhileMapped`).
    let mappingStatus: MappingStatus

    /// Whether a mapped file changed while it was read. A file cut short inside its last page raises no bus
    /// error (the rest of that page reads as zeros), and the bytes of a page may be read before and after a
    /// change, so the file itself is asked: its size and modification time, through the descriptor it was mapped
    /// from (the same file even if another is renamed over its name), against what they were when it was mapped.
    public final class MappingStatus: @unchecked Sendable {
        let changed = Atomic<Bool>(false)
        /// The descriptor the file was mapped from (-1 for bytes that are not a mapping); closed with this object.
        private let descriptor: Int32
        private let mappedSize: Int
        private let mappedTime: timespec

        init(descriptor: Int32 = -1, size: Int = 0, time: timespec = timespec()) {
            self.descriptor = descriptor
            mappedSize = size
            mappedTime = time
        }

        deinit {
            if descriptor >= 0 { close(descriptor) }
        }

        /// Whether the bytes read may not be the file's: a bus error was caught in the mapping (pages past a new
        /// end read as zeros), or the file's size or modification time is not what it was when mapped.
        var changedWhileMapped: Bool {
            if changed.load(ordering: .sequentiallyConsistent) { return true }
            guard descriptor >= 0 else { return false }
            var status = stat()
            guard fstat(descriptor, &status) == 0 else { return true }
            return Int(status.st_size) != mappedSize || status.st_mtim.tv_sec != mappedTime.tv_sec
                || status.st_mtim.tv_nsec != mappedTime.tv_nsec
        }
    }

    /// A copy of `bytes` (an array's storage may only be addressed inside `withUnsafeBufferPointer`; the parser
    /// holds the address for the whole load). Arrays come from workbooks, tests and a file read again.
    public init(_ bytes: [UInt8]) {
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = copy.initialize(from: bytes)
        buffer = UnsafeBufferPointer(copy)
        mapping = nil
        mappingStatus = MappingStatus()
    }

    private init(
        mapped base: UnsafeRawPointer, count: Int, registration: MappedFileGuard.Registration, status: MappingStatus
    ) {
        buffer = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count)
        mapping = registration
        mappingStatus = status
    }

    deinit {
        if let mapping {
            if MappedFileGuard.changed(mapping) { mappingStatus.changed.store(true, ordering: .sequentiallyConsistent) }
            MappedFileGuard.unregister(mapping)
            munmap(UnsafeMutableRawPointer(mutating: buffer.baseAddress), buffer.count)
        } else {
            buffer.deallocate()
        }
    }

    public var count: Int { buffer.count }

    /// Lets the pages wholly inside `range` go from this process's memory once they have been read
    /// (a mapped file: they stay in the page cache, and a later read of them maps them again), so that
    /// the file and the columns read from it are not both held whole. Nothing for a copy.
    func release(_ range: Range<Int>) {
        guard mapping != nil, let base = buffer.baseAddress else { return }
        let pageSize = MappedFileGuard.pageSize
        // The mapping starts on a page boundary: whole pages are those from the first boundary at or
        // after the start to the last at or before the end.
        let first = (range.lowerBound + pageSize - 1) / pageSize * pageSize
        let last = range.upperBound / pageSize * pageSize
        guard first < last else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + first), last - first, MADV_DONTNEED)
    }

    /// A regular file mapped read-only, or nil when it cannot be (not a regular file, empty, or the
    /// mapping fails): the caller reads it instead.
    static func mapped(path: String) -> FileBytes? {
        // Only a regular file is opened here: opening a FIFO would wait for a writer (the read path says what it is).
        var pathStatus = stat()
        guard stat(path, &pathStatus) == 0, (pathStatus.st_mode & S_IFMT) == S_IFREG else { return nil }
        let fileDescriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fileDescriptor >= 0 else { return nil }
        var status = stat()
        guard fstat(fileDescriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_size > 0,
            status.st_size < Int(Int32.max)
        else {
            close(fileDescriptor)
            return nil
        }
        let count = Int(status.st_size)
        guard let base = mmap(nil, count, PROT_READ, MAP_PRIVATE, fileDescriptor, 0), base != MAP_FAILED else {
            close(fileDescriptor)
            return nil
        }
        guard let registration = MappedFileGuard.register(base: UnsafeRawPointer(base), count: count) else {
            munmap(base, count)
            close(fileDescriptor)
            return nil
        }
        // The descriptor stays open (owned by the status) to ask the file, after the load, whether it changed.
        let mappingStatus = MappingStatus(descriptor: fileDescriptor, size: count, time: status.st_mtim)
        return FileBytes(
            mapped: UnsafeRawPointer(base), count: count, registration: registration, status: mappingStatus)
    }
}
