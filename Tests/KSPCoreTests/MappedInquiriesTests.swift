import Foundation
import Testing

@testable import KSPCore

/// inquiries.csv mapped instead of read (FileBytes, MappedFileGuard), and the split point of a large
/// file searched eight bytes at a time on another thread.
@Suite("Mapped inquiries")
struct MappedInquiriesTests {
    /// A season directory holding the small fixture's season.yaml and participants.csv and `inquiries`.
    func seasonDirectory(inquiries: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ksp-mapped-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for name in ["season.yaml", "participants.csv"] {
            try Fixtures.file(name).write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try inquiries.write(to: directory.appendingPathComponent("inquiries.csv"), atomically: true, encoding: .utf8)
        return directory
    }

    @Test func largeMappedFileLoadsAsTheReadOne() throws {
        let file = LargeFileLineTests().makeFile(strayRow: 14_000, badRow: nil)
        let directory = try seasonDirectory(inquiries: file.text)
        defer { try? FileManager.default.removeItem(at: directory) }
        let mapped = try SeasonLoader.load(directory: directory.path)
        let read = try Fixtures.load(inquiries: file.text)
        #expect(mapped.inquiries.count == 60_000)
        #expect(mapped.inquiries.ids == read.inquiries.ids)
        #expect(mapped.inquiries.line == read.inquiries.line)
        #expect(mapped.inquiries.total == read.inquiries.total)
        #expect(mapped.comments.map(\.text) == read.comments.map(\.text))
        #expect(mapped.shoppers.contains("S\"x"))
    }

    @Test func errorInTheSecondHalfOfAMappedFileNamesItsRealLine() throws {
        let file = LargeFileLineTests().makeFile(strayRow: 14_000, badRow: 50_000)
        let directory = try seasonDirectory(inquiries: file.text)
        defer { try? FileManager.default.removeItem(at: directory) }
        var errors: [String] = []
        do { _ = try SeasonLoader.load(directory: directory.path) } catch {
            errors = error.errors.map(\.description)
        }
        let message = "error: unknown participant \"p9\"; expected an id from participants.csv"
        #expect(errors == ["inquiries.csv:50102:2: " + message])
    }

    @Test func pagesOfATruncatedMappingReadAsZerosAndTheMappingIsMarked() throws {
        let pageSize = MappedFileGuard.pageSize
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ksp-mapped-\(UUID()).csv").path
        defer { unlink(path) }
        let text = [UInt8](repeating: UInt8(ascii: "x"), count: 3 * pageSize)
        #expect(FileManager.default.createFile(atPath: path, contents: Data(text)))
        var bytes = FileBytes.mapped(path: path)
        let status = try #require(bytes?.mappingStatus)
        #expect(truncate(path, 100) == 0)
        // The first page still holds the file's first 100 bytes (the rest of it reads as zeros); the
        // two pages past the end of the file would raise SIGBUS without the guard.
        let seen = try #require(bytes).buffer
        #expect(seen[0] == UInt8(ascii: "x"))
        #expect(seen[pageSize] == 0)
        #expect(seen[3 * pageSize - 1] == 0)
        bytes = nil
        #expect(status.changedWhileMapped)
    }

    @Test func anUnchangedMappingIsNotMarked() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ksp-mapped-\(UUID()).csv").path
        defer { unlink(path) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data("id,x\n1,2\n".utf8)))
        var bytes = FileBytes.mapped(path: path)
        let status = try #require(bytes?.mappingStatus)
        #expect(try #require(bytes).buffer.count == 9)
        bytes = nil
        #expect(!status.changedWhileMapped)
    }

    /// The split point for a few buffers worked out by hand: (position of the line feed, lines up to it).
    @Test func splitPointSkipsQuotedLineBreaksOnly() {
        func rowEnd(_ text: String, middle: Int) -> (Int, Int32)? {
            Array(text.utf8).withUnsafeBufferPointer { buffer in
                CSVTable.firstRowEnd(buffer, from: 0, after: middle, end: buffer.count, delimiter: UInt8(ascii: ","))
                    .map { ($0.position, $0.lines) }
            }
        }
        // The line feed at 8 is inside a quoted field: the row ends at 11, the third line feed.
        #expect(rowEnd("h,c\n1,\"a\nb\"\n2,x\n", middle: 7).map { [$0.0, Int($0.1)] } == [11, 3])
        // A quote inside an unquoted field (at 6) opens nothing.
        #expect(rowEnd("h,c\n1x\"y,2\n3,4\n", middle: 5).map { [$0.0, Int($0.1)] } == [10, 2])
        // A carriage return alone ends a line; before a line feed it does not.
        #expect(rowEnd("a\rb\r\nc\n", middle: 2).map { [$0.0, Int($0.1)] } == [4, 2])
        // Long runs of plain bytes (read eight at a time) before the middle, then the boundary.
        let plain = String(repeating: "abc,def\n", count: 20)
        #expect(rowEnd(plain, middle: 77).map { [$0.0, Int($0.1)] } == [79, 10])
        // A quoted field open to the end: no boundary.
        #expect(rowEnd("h\n\"" + String(repeating: "x\n", count: 20), middle: 4) == nil)
    }

    /// The word-at-a-time search against the byte-by-byte rule on random buffers of the bytes that matter.
    @Test func splitPointAgreesWithAByteByByteScan() {
        var rng = SplitMix64(seed: 17)
        let alphabet = Array("ab,;\"\n\r".utf8)
        for _ in 0..<3000 {
            let count = Int(rng.next() % 120)
            let bytes = (0..<count).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            let middle = count == 0 ? 0 : Int(rng.next() % UInt64(count))
            let delimiter = rng.next() % 2 == 0 ? UInt8(ascii: ",") : UInt8(ascii: ";")
            let fast = bytes.withUnsafeBufferPointer {
                CSVTable.firstRowEnd($0, from: 0, after: middle, end: count, delimiter: delimiter)
            }
            let slow = byteByByteRowEnd(bytes, after: middle, delimiter: delimiter)
            #expect(fast?.position == slow?.position && fast?.lines == slow?.lines, "\(bytes) middle \(middle)")
        }
    }

    /// The split point found on another core from the whole file (before the first rows are read) and finished from
    /// there is the one the stream finds by itself after its first chunk: the same halves, so the same errors in
    /// the same order as ever (a duplicate id near the middle names its first line either way). Rows of different
    /// lengths, some with quoted line breaks, and one long quoted field across the whole file's middle.
    @Test func theSplitPointFinishedFromTheWholeFilesMiddleIsTheStreamsOwn() throws {
        var rng = SplitMix64(seed: 3)
        for layout in 0..<3 {
            var text = "id,comment\n"
            var row = 0
            while text.utf8.count < 9_000_000 {
                row += 1
                let length = Int(rng.next() % (layout == 0 ? 40 : 400))
                let quoted = rng.next() % 7 == 0
                let body = String(repeating: "x", count: length)
                text += quoted ? "r\(row),\"\(body)\n\(body)\"\n" : "r\(row),\(body)\n"
                if layout == 2 && text.utf8.count > 4_400_000 && text.utf8.count < 4_500_000 {
                    text += "long,\"" + String(repeating: "y\n", count: 100_000) + "\"\n"
                }
            }
            var stream = try CSVTable.Stream(bytes: Array(text.utf8))
            let checkpoint = stream.splitPoint()
            _ = try stream.next()
            _ = try stream.next()
            let own = stream.splitPoint()
            let finished = stream.splitPoint(from: checkpoint)
            #expect(own != nil && checkpoint != nil)
            #expect(finished?.position == own?.position && finished?.line == own?.line, "layout \(layout)")
        }
    }

    /// A file cut short inside its last page raises no bus error (the rest of the page reads as zeros), and a file
    /// rewritten in place keeps its size: the mapping asks the file itself whether it changed since it was mapped.
    @Test func aFileCutShortOrRewrittenWhileMappedIsSeenToHaveChanged() throws {
        let directory = try seasonDirectory(inquiries: String(repeating: "a,b,c\n", count: 1000))
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("inquiries.csv").path
        let cut = try #require(FileBytes.mapped(path: path))
        #expect(!cut.mappingStatus.changedWhileMapped)
        #expect(truncate(path, 5_990) == 0)
        #expect(cut.mappingStatus.changedWhileMapped)
        let rewritten = try #require(FileBytes.mapped(path: path))
        #expect(!rewritten.mappingStatus.changedWhileMapped)
        // The same size, another modification time (as a rewrite in place leaves).
        var times = [timespec(tv_sec: 1_000_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000_000, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        #expect(rewritten.mappingStatus.changedWhileMapped)
    }

    /// The rule as the parser reads it, one byte at a time.
    func byteByByteRowEnd(_ buffer: [UInt8], after middle: Int, delimiter: UInt8) -> (position: Int, lines: Int32)? {
        var lines: Int32 = 0
        var atFieldStart = true
        var position = 0
        while position < buffer.count {
            let byte = buffer[position]
            if byte == UInt8(ascii: "\"") && atFieldStart {
                position += 1
                while true {
                    guard position < buffer.count else { return nil }
                    let inside = buffer[position]
                    position += 1
                    if inside == UInt8(ascii: "\"") {
                        if position < buffer.count && buffer[position] == UInt8(ascii: "\"") {
                            position += 1
                            continue
                        }
                        break
                    }
                    if inside == UInt8(ascii: "\n") { lines += 1 }
                }
                atFieldStart = false
                continue
            }
            if byte == UInt8(ascii: "\n") {
                lines += 1
                if position >= middle { return (position, lines) }
                atFieldStart = true
            } else if byte == UInt8(ascii: "\r") {
                if position + 1 >= buffer.count || buffer[position + 1] != UInt8(ascii: "\n") {
                    lines += 1
                    if position >= middle { return (position, lines) }
                }
                atFieldStart = true
            } else {
                atFieldStart = byte == delimiter
            }
            position += 1
        }
        return nil
    }
}
