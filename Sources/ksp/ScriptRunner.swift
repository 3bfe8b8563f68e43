import Foundation
import KSPQuery

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the statements of a script without a prompt: shared by `-c`, `-f`, piped input and `.read`.
struct ScriptRunner {
    let session: Session
    /// Go on after a failed statement (the failure is still counted).
    let keepGoing: Bool

    /// Runs every statement of the text in order; stops at the first error unless `keepGoing`, and at `.quit`.
    func run(_ text: String) -> (failed: Bool, quit: Bool) {
        var splitter = StatementSplitter()
        var failed = false
        // Whether to go on after this piece.
        func handle(_ piece: StatementSplitter.Piece) -> (goOn: Bool, quit: Bool) {
            switch session.run(piece) {
            case .quit:
                return (false, true)
            case .error:
                failed = true
                return (keepGoing, false)
            case .ok:
                return (true, false)
            }
        }
        // "\r\n" is one Character in Swift: Windows line ends are split on explicitly.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for line in lines {
            for piece in splitter.feed(String(line)) {
                let step = handle(piece)
                if !step.goOn { return (failed, step.quit) }
            }
        }
        if let piece = splitter.finish() {
            let step = handle(piece)
            return (failed, step.quit)
        }
        return (failed, false)
    }
}

/// The text of a script: read with plain read(2), so FIFOs and `-f <(…)` work, and checked to be UTF-8.
enum ScriptText {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func read(path: String) throws(Failure) -> String {
        var info = stat()
        if stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR {
            throw Failure(description: "\(path) is a folder, not a script")
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw Failure(description: "cannot read script \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        return try read(descriptor: descriptor, name: path)
    }

    /// Everything up to end of file; then the UTF-8 check.
    static func read(descriptor: Int32, name: String) throws(Failure) -> String {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EISDIR { throw Failure(description: "\(name) is a folder, not a script") }
                throw Failure(description: "cannot read script \(name): \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return try decode(bytes, name: name)
    }

    /// UTF-8 text (a leading byte-order mark dropped); otherwise an error naming the line and byte of the
    /// first byte that is not UTF-8 — guessing another encoding would silently change names with æøå.
    static func decode(_ bytes: [UInt8], name: String) throws(Failure) -> String {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = body.makeIterator()
        var offset = 0
        var line = 1
        var lineStart = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1 && encoded.first == 10 {
                    line += 1
                    lineStart = offset + 1
                }
                offset += encoded.count
            case .emptyInput:
                return String(decoding: body, as: UTF8.self)
            case .error:
                let byte = String(body[offset], radix: 16, uppercase: true)
                let inFile = offset + bytes.count - body.count + 1
                let inLine = offset - lineStart + 1
                throw Failure(
                    description: "\(name):\(line): not UTF-8 text: byte 0x\(byte) at byte \(inLine) "
                        + "of the line (byte \(inFile) of the file); save the script as UTF-8")
            }
        }
    }
}
