import Testing

@testable import KSPCore

/// An unquoted field's end found eight bytes at a time (`CSVTable.unquotedFieldEnd`) is where a byte-by-byte look
/// finds it: for every start and limit in a buffer whose delimiters, line feeds and carriage returns fall at every
/// place of a word, next to bytes that differ from them only in the high bit (0x8A, 0x8D, 0xAC, 0xBB).
@Suite struct UnquotedFieldEndTests {
    static func byteByByte(_ bytes: [UInt8], from start: Int, limit: Int, delimiter: UInt8) -> Int {
        var position = start
        while position < limit && bytes[position] != delimiter && bytes[position] != 10 && bytes[position] != 13 {
            position += 1
        }
        return position
    }

    @Test(arguments: [UInt8(ascii: ","), UInt8(ascii: ";")])
    func everyStartAndLimitAgreesWithTheBytes(delimiter: UInt8) {
        // Fields of 0 to 17 bytes, ended in turn by the delimiter, LF, CR and the other delimiter (field text).
        let filler: [UInt8] = [0x61, 0x8A, 0x8D, 0xAC, 0xBB, 0xC3, 0xA6, 0x20]
        var bytes: [UInt8] = []
        let ends: [UInt8] = [delimiter, 10, 13, delimiter == 44 ? 59 : 44]
        for length in 0...17 {
            for end in ends {
                bytes += (0..<length).map { filler[($0 + length) % filler.count] }
                bytes.append(end)
            }
        }
        bytes.withUnsafeBufferPointer { buffer in
            for start in 0..<bytes.count {
                for limit in start...min(bytes.count, start + 24) {
                    let found = CSVTable.unquotedFieldEnd(buffer, from: start, limit: limit, delimiter: delimiter)
                    let expected = UnquotedFieldEndTests.byteByByte(
                        bytes, from: start, limit: limit, delimiter: delimiter)
                    if found != expected {
                        Issue.record("start \(start), limit \(limit): \(found), expected \(expected)")
                        return
                    }
                }
            }
        }
    }

    /// By hand: "abc,d" ends at 3; "abcdefghij\r" at 10 (past the first word); with the limit at 5, at 5.
    @Test func byHand() {
        let bytes = Array("abcdefghij\r,x".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            #expect(CSVTable.unquotedFieldEnd(buffer, from: 0, limit: bytes.count, delimiter: 44) == 10)
            #expect(CSVTable.unquotedFieldEnd(buffer, from: 0, limit: 5, delimiter: 44) == 5)
            #expect(CSVTable.unquotedFieldEnd(buffer, from: 11, limit: bytes.count, delimiter: 44) == 11)
            #expect(CSVTable.unquotedFieldEnd(buffer, from: 12, limit: bytes.count, delimiter: 44) == 13)
        }
        let short = Array("abc,d".utf8)
        short.withUnsafeBufferPointer { #expect(CSVTable.unquotedFieldEnd($0, from: 0, limit: 5, delimiter: 44) == 3) }
    }
}
