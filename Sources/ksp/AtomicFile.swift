import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a file whole or not at all: a temporary file in the same folder, every byte written and
/// checked, fsync, then a rename over the target. The rename only ever replaces a regular file: a
/// device, a FIFO or a socket at the target is refused (renaming over `/dev/null` would destroy it,
/// and a stream cannot hold a file "whole or not at all").
enum AtomicFile {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func write(_ text: String, to target: WriteTarget) throws(Failure) {
        try write(bytes: Array(text.utf8), to: target)
    }

    /// The same for bytes (a workbook).
    static func write(bytes: [UInt8], to target: WriteTarget) throws(Failure) {
        switch target.existing {
        case .folder:
            throw Failure(description: "cannot write \(target.path): it is a folder")
        case .special(let kind):
            throw Failure(
                description: "cannot write \(target.path): it is \(kind), not a regular file; "
                    + "ksp writes files whole and only replaces regular files")
        case .nothing, .regularFile:
            break
        }
        let folder = (target.resolved as NSString).deletingLastPathComponent
        var template = Array((folder + "/.ksp-write-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else { throw failure(target, errno) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var written = false
        defer {
            if !written { unlink(temporary) }
        }
        fchmod(descriptor, permissions(for: target))
        if let code = writeAll(bytes, to: descriptor) {
            close(descriptor)
            throw failure(target, code)
        }
        if fsync(descriptor) != 0 {
            let code = errno
            close(descriptor)
            throw failure(target, code)
        }
        guard close(descriptor) == 0 else { throw failure(target, errno) }
        guard rename(temporary, target.resolved) == 0 else { throw failure(target, errno) }
        written = true
    }

    /// Every byte, retried on EINTR and short writes; the errno of a failure, nil when all went.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if count == 0 { return EIO }
            offset += count
        }
        return nil
    }

    /// A replaced file keeps its permissions; a new one gets 0666 less the umask, as `open` would give it.
    private static func permissions(for target: WriteTarget) -> mode_t {
        var info = stat()
        if target.existing == .regularFile && stat(target.resolved, &info) == 0 { return info.st_mode & 0o7777 }
        let mask = umask(0)
        umask(mask)
        return 0o666 & ~mask
    }

    private static func failure(_ target: WriteTarget, _ code: Int32) -> Failure {
        let kept = target.existing == .regularFile ? "the file is as it was" : "nothing was written"
        return Failure(description: "cannot write \(target.path): \(String(cString: strerror(code))); \(kept)")
    }
}
