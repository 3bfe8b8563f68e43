import Foundation

/// An RFC 4180 CSV file held as one byte buffer plus the byte ranges of its fields.
///
/// Fields are not turned into `String`s while reading: a 100× season has tens of millions
/// of cells, and most are small numbers that the loader parses straight from the bytes.
/// Reading rules (season-format.md): UTF-8 with or without a byte-order mark, LF or CRLF,
/// `,` or `;` detected from the header line, quoted fields holding delimiters, `""` and line breaks.
public struct CSVTable: Sendable {
    public let bytes: [UInt8]
    public let delimiter: UInt8
    /// Row r's fields are `rowStart[r] ..< rowStart[r + 1]` in the field arrays. Row 0 is the header.
    private var rowStart: [Int32] = [0]
    private var fieldStart: [Int32] = []
    private var fieldEnd: [Int32] = []
    /// Quoted fields holding `""`, which must be unescaped when read as text.
    private var fieldEscaped: [Bool] = []
    /// 1-based line on which each row starts.
    private var rowLine: [Int32] = []

    public var rowCount: Int { rowLine.count }

    public enum ReadError: Error, Equatable, CustomStringConvertible {
        case unterminatedQuote(line: Int)
        case textAfterClosingQuote(line: Int, column: Int)
        case tooLarge

        public var description: String {
            switch self {
            case let .unterminatedQuote(line): return "a quoted field opened on line \(line) is never closed; expected a closing \""
            case let .textAfterClosingQuote(line, column): return "line \(line), field \(column): text after a closing quote; expected a delimiter or the end of the line"
            case .tooLarge: return "the file is larger than 2 GB"
            }
        }
    }

    public init(bytes input: [UInt8]) throws(ReadError) {
        guard input.count < Int(Int32.max) - 4 else { throw .tooLarge }
        bytes = input
        delimiter = CSVTable.detectDelimiter(input, from: CSVTable.bomLength(input))
        _ = try parse(from: CSVTable.bomLength(input), line: 1, maxRows: Int.max)
    }

    static func bomLength(_ b: [UInt8]) -> Int {
        b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
    }

    private init(bytes: [UInt8], delimiter: UInt8) {
        self.bytes = bytes
        self.delimiter = delimiter
    }

    /// Reads a large file a chunk of rows at a time, so that the field positions of the whole
    /// file are never held at once (at 100× the sample they would take 200 MB).
    public struct Stream: Sendable {
        let bytes: [UInt8]
        let delimiter: UInt8
        var offset: Int
        var line: Int32 = 1
        /// Where this stream stops (a row boundary): the whole file, or one part of it.
        var end: Int
        public let chunkRows: Int

        public init(bytes: [UInt8], chunkRows: Int = 8192) throws(ReadError) {
            guard bytes.count < Int(Int32.max) - 4 else { throw .tooLarge }
            self.bytes = bytes
            offset = CSVTable.bomLength(bytes)
            end = bytes.count
            delimiter = CSVTable.detectDelimiter(bytes, from: offset)
            self.chunkRows = chunkRows
        }

        /// The next rows (the first chunk starts with the header), or nil at the end.
        public mutating func next() throws(ReadError) -> CSVTable? {
            guard offset < end else { return nil }
            var t = CSVTable(bytes: bytes, delimiter: delimiter)
            (offset, line) = try t.parse(from: offset, line: line, maxRows: chunkRows, end: end)
            return t.rowCount == 0 ? nil : t
        }

        /// Splits what is left into two streams at a row boundary near the middle, or nil when
        /// the rest is small. The bytes before the boundary are scanned by the parser's own quoting
        /// rule (a quote opens a quoted field only at the start of a field), so a stray quote inside
        /// an unquoted field cannot put the boundary inside a quoted line break: the two halves
        /// read exactly as the whole file would, with the second's lines counted from the first's.
        public func split() -> (Stream, Stream)? {
            guard end - offset > 4_000_000 else { return nil }
            let middle = offset + (end - offset) / 2
            let delimiter = self.delimiter
            return bytes.withUnsafeBufferPointer { b -> (Stream, Stream)? in
                var scan = RowBoundaryScan()
                for i in offset..<middle {
                    scan.step(b, i, delimiter: delimiter)
                }
                var i = middle
                while i < end {
                    let isBoundary = scan.step(b, i, delimiter: delimiter)
                    if isBoundary { break }
                    i += 1
                }
                guard i + 1 < end else { return nil }
                var first = self, second = self
                first.end = i + 1
                second.offset = i + 1
                second.line = line + scan.lines
                return (first, second)
            }
        }
    }

    /// Follows the parser's quoting one byte at a time: which newlines end a row, and how many
    /// line feeds were passed (the line count the second half starts from).
    struct RowBoundaryScan {
        var inQuotes = false
        var atFieldStart = true
        /// A quote inside a quoted field: either the closing one or the first of a doubled pair.
        var pendingQuote = false
        var lines: Int32 = 0

        /// Takes byte i; true when it is a line feed that ends a row.
        @discardableResult
        mutating func step(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, delimiter: UInt8) -> Bool {
            let c = b[i]
            if c == 10 {
                lines += 1
            }
            if inQuotes {
                if pendingQuote {
                    pendingQuote = false
                    if c == 34 {
                        return false  // a doubled quote: still inside
                    }
                    inQuotes = false  // the previous quote closed the field; read c as outside
                } else {
                    if c == 34 {
                        pendingQuote = true
                    }
                    return false
                }
            }
            if c == 34 && atFieldStart {
                inQuotes = true
                atFieldStart = false
                return false
            }
            atFieldStart = c == delimiter || c == 10 || c == 13
            // A carriage return alone ends a row and a line too (the parser counts it so).
            if c == 13 && (i + 1 >= b.count || b[i + 1] != 10) {
                lines += 1
                return true
            }
            return c == 10
        }
    }

    public init(text: String) throws(ReadError) { try self.init(bytes: Array(text.utf8)) }

    /// `,` or `;`, whichever occurs more often outside quotes on the first line.
    static func detectDelimiter(_ b: [UInt8], from start: Int) -> UInt8 {
        var commas = 0, semicolons = 0, inQuotes = false
        var i = start
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") { inQuotes.toggle() }
            else if !inQuotes {
                if c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") { break }
                if c == UInt8(ascii: ",") { commas += 1 } else if c == UInt8(ascii: ";") { semicolons += 1 }
            }
            i += 1
        }
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// Parses rows from `start` (on `line`) until the end or `maxRows` rows; returns where it stopped.
    private mutating func parse(from start: Int, line firstLine: Int32, maxRows: Int, end: Int? = nil) throws(ReadError) -> (Int, Int32) {
        let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let delim = delimiter
        let n = end ?? bytes.count
        var line: Int32 = firstLine
        var i = start
        // Rough capacity guess to avoid regrowth.
        let guessFields = maxRows == Int.max ? max(16, (n - start) / 6) : min(max(16, (n - start) / 6), maxRows * 64)
        fieldStart.reserveCapacity(guessFields); fieldEnd.reserveCapacity(guessFields); fieldEscaped.reserveCapacity(guessFields)
        try bytes.withUnsafeBufferPointer { (buf) throws(ReadError) in
            while i < n && rowLine.count < maxRows {
                // Start of a row.
                let rowFirstLine = line
                let firstField = fieldStart.count
                var rowDone = false
                while !rowDone {
                    // Start of a field.
                    if i < n && buf[i] == quote {
                        let openLine = line
                        i += 1
                        let s = i
                        var escaped = false
                        while true {
                            guard i < n else { throw .unterminatedQuote(line: Int(openLine)) }
                            let c = buf[i]
                            if c == quote {
                                if i + 1 < n && buf[i + 1] == quote { escaped = true; i += 2; continue }
                                break
                            }
                            if c == lf { line += 1 }
                            i += 1
                        }
                        fieldStart.append(Int32(s)); fieldEnd.append(Int32(i)); fieldEscaped.append(escaped)
                        i += 1  // closing quote
                        // Tolerate spaces after the closing quote.
                        while i < n && buf[i] == UInt8(ascii: " ") { i += 1 }
                        if i >= n { rowDone = true }
                        else if buf[i] == delim { i += 1 }
                        else if buf[i] == lf { i += 1; line += 1; rowDone = true }
                        else if buf[i] == cr { i += 1; if i < n && buf[i] == lf { i += 1 }; line += 1; rowDone = true }
                        else { throw .textAfterClosingQuote(line: Int(line), column: fieldStart.count - firstField) }
                    } else {
                        let s = i
                        while i < n {
                            let c = buf[i]
                            if c == delim || c == lf || c == cr { break }
                            i += 1
                        }
                        fieldStart.append(Int32(s)); fieldEnd.append(Int32(i)); fieldEscaped.append(false)
                        if i >= n { rowDone = true }
                        else if buf[i] == delim { i += 1; if i >= n { fieldStart.append(Int32(i)); fieldEnd.append(Int32(i)); fieldEscaped.append(false); rowDone = true } }
                        else if buf[i] == lf { i += 1; line += 1; rowDone = true }
                        else { i += 1; if i < n && buf[i] == lf { i += 1 }; line += 1; rowDone = true }
                    }
                }
                // A blank line (one empty, unquoted field) is not a row.
                let count = fieldStart.count - firstField
                if count == 1 && fieldEnd[firstField] == fieldStart[firstField] && (firstField == 0 || buf[Int(fieldStart[firstField]) - 1] != quote) {
                    fieldStart.removeLast(); fieldEnd.removeLast(); fieldEscaped.removeLast()
                    continue
                }
                rowStart.append(Int32(fieldStart.count))
                rowLine.append(rowFirstLine)
            }
        }
        return (i, line)
    }

    public func fieldCount(row: Int) -> Int { Int(rowStart[row + 1] - rowStart[row]) }
    public func line(row: Int) -> Int { Int(rowLine[row]) }

    /// The raw bytes of a field (quotes removed, `""` not yet unescaped).
    @inline(__always) public func withFieldBytes<R>(row: Int, column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let f = Int(rowStart[row]) + column
        let s = Int(fieldStart[f]), e = Int(fieldEnd[f])
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[s..<e])) }
    }

    /// The field's bytes with spaces and tabs trimmed.
    @inline(__always) public func withTrimmedFieldBytes<R>(row: Int, column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withFieldBytes(row: row, column: column) { body(trimmed($0)) }
    }

    /// The field as text with spaces and tabs trimmed (cheaper than Foundation's trimming).
    public func trimmedField(row: Int, column: Int) -> String {
        let f = Int(rowStart[row]) + column
        if fieldEscaped[f] { return field(row: row, column: column).trimmingCharacters(in: .whitespaces) }
        return withTrimmedFieldBytes(row: row, column: column) { String(decoding: $0, as: UTF8.self) }
    }

    /// A free-text field: white space and line breaks trimmed at both ends, `""` unescaped,
    /// made into a String once.
    public func text(row: Int, column: Int) -> String {
        let f = Int(rowStart[row]) + column
        return withFieldBytes(row: row, column: column) { b -> String in
            var s = b.startIndex, e = b.endIndex
            func space(_ x: UInt8) -> Bool { x == 32 || x == 9 || x == 10 || x == 13 }
            while s < e && space(b[s]) { s += 1 }
            while e > s && space(b[e - 1]) { e -= 1 }
            let slice = UnsafeBufferPointer(rebasing: b[s..<e])
            guard fieldEscaped[f] else { return String(decoding: slice, as: UTF8.self) }
            var out = [UInt8]()
            out.reserveCapacity(slice.count)
            var i = 0
            while i < slice.count {
                out.append(slice[i])
                i += slice[i] == 34 && i + 1 < slice.count && slice[i + 1] == 34 ? 2 : 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    public func isEmpty(row: Int, column: Int) -> Bool {
        let f = Int(rowStart[row]) + column
        return fieldStart[f] == fieldEnd[f]
    }

    /// A field as text (quotes removed and `""` unescaped). Invalid UTF-8 is replaced by U+FFFD.
    public func field(row: Int, column: Int) -> String {
        let f = Int(rowStart[row]) + column
        let s = Int(fieldStart[f]), e = Int(fieldEnd[f])
        let text = String(decoding: bytes[s..<e], as: UTF8.self)
        return fieldEscaped[f] ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
    }

    public func row(_ r: Int) -> [String] { (0..<fieldCount(row: r)).map { field(row: r, column: $0) } }
}
