import Foundation

/// An RFC 4180 CSV file held as one byte buffer plus the byte ranges of its fields.
///
/// Fields are not turned into `String`s while reading: a 100× season has tens of millions
/// of cells, and most are small numbers that the loader parses straight from the bytes.
/// Reading rules (season-format.md): UTF-8 with or without a byte-order mark, LF or CRLF,
/// `,` or `;` detected from the header line, quoted fields holding delimiters, `""` and line breaks.
public struct CSVTable: Sendable {
    /// The file's bytes (read or mapped), shared by every chunk of a stream.
    let source: FileBytes
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
    /// The bytes of the file this table's rows were read from (a chunk's share of the whole).
    public private(set) var bytesSpanned = 0

    public enum ReadError: Error, Equatable, CustomStringConvertible {
        case unterminatedQuote(line: Int)
        case textAfterClosingQuote(line: Int, column: Int)
        case tooLarge

        public var description: String {
            switch self {
            case .unterminatedQuote(let line):
                return "a quoted field opened on line \(line) is never closed; expected a closing \""
            case .textAfterClosingQuote(let line, let column):
                return
                    "line \(line), field \(column): text after a closing quote; expected a delimiter or the end of the line"
            case .tooLarge: return "the file is larger than 2 GB"
            }
        }
    }

    public init(bytes input: [UInt8]) throws(ReadError) {
        guard input.count < Int(Int32.max) - 4 else { throw .tooLarge }
        source = FileBytes(input)
        delimiter = CSVTable.detectDelimiter(source.buffer, from: CSVTable.bomLength(source.buffer))
        _ = try parse(from: CSVTable.bomLength(source.buffer), line: 1, maxRows: Int.max)
    }

    static func bomLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    private init(source: FileBytes, delimiter: UInt8) {
        self.source = source
        self.delimiter = delimiter
    }

    /// Reads a large file a chunk of rows at a time, so that the field positions of the whole
    /// file are never held at once (at 100× the sample they would take 200 MB).
    public struct Stream: Sendable {
        let source: FileBytes
        let delimiter: UInt8
        var offset: Int
        var line: Int32 = 1
        /// Where this stream stops (a row boundary): the whole file, or one part of it.
        var end: Int
        public let chunkRows: Int

        public init(bytes: [UInt8], chunkRows: Int = 8192) throws(ReadError) {
            try self.init(source: FileBytes(bytes), chunkRows: chunkRows)
        }

        public init(source: FileBytes, chunkRows: Int = 8192) throws(ReadError) {
            guard source.count < Int(Int32.max) - 4 else { throw .tooLarge }
            self.source = source
            offset = CSVTable.bomLength(source.buffer)
            end = source.count
            delimiter = CSVTable.detectDelimiter(source.buffer, from: offset)
            self.chunkRows = chunkRows
        }

        /// The next rows (the first chunk starts with the header), or nil at the end.
        public mutating func next() throws(ReadError) -> CSVTable? {
            guard offset < end else { return nil }
            var table = CSVTable(source: source, delimiter: delimiter)
            let start = offset
            (offset, line) = try table.parse(from: offset, line: line, maxRows: chunkRows, end: end)
            table.bytesSpanned = offset - start
            return table.rowCount == 0 ? nil : table
        }

        /// Whether what is left is large enough to be read as two halves on two cores.
        public var isWorthSplitting: Bool { end - offset > 4_000_000 }

        /// Where a stream may be split: the row after the line break at `position` starts on `line`.
        public struct SplitPoint: Sendable {
            let position: Int
            let line: Int32
        }

        /// A row boundary near the middle of what is left, or nil when the rest is small: the end of the first
        /// row that ends at or after the middle. The bytes before the boundary are scanned by the parser's own
        /// quoting rule (a quote opens a quoted field only at the start of a field), so a stray quote inside an
        /// unquoted field cannot put the boundary inside a quoted line break. Reads only: it may run on another
        /// thread while this stream's first rows are read.
        public func splitPoint() -> SplitPoint? {
            guard isWorthSplitting else { return nil }
            return rowEnd(from: offset, line: line, after: middle)
        }

        /// `splitPoint()` of this stream, finished from `checkpoint`: the split point an earlier state of it found
        /// (a row boundary near the middle of the whole file, looked for on another core while the first rows were
        /// read). The middle of what is left now lies at or after the earlier middle, and no row ends between that
        /// and the checkpoint, so the first row end at or after the middle is the checkpoint itself or lies beyond
        /// it: only the bytes from the checkpoint on are read again. The same boundary as `splitPoint()`, so the
        /// halves, and which errors each half finds, are as they always were.
        public func splitPoint(from checkpoint: SplitPoint?) -> SplitPoint? {
            guard isWorthSplitting else { return nil }
            guard let checkpoint, checkpoint.position >= offset else { return splitPoint() }
            let middle = middle
            if checkpoint.position >= middle { return checkpoint }
            return rowEnd(from: checkpoint.position + 1, line: checkpoint.line, after: middle)
        }

        /// Where the stream is split: half of what is left (the last byte kept for the second half).
        private var middle: Int { offset + min(end - offset, 2 * (end - offset) - 2) / 2 }

        /// The first row end at or after `middle`, reading from `start` (a row's start, on line `line`).
        private func rowEnd(from start: Int, line: Int32, after middle: Int) -> SplitPoint? {
            let boundary = withExtendedLifetime(source) {
                CSVTable.firstRowEnd(source.buffer, from: start, after: middle, end: end, delimiter: delimiter)
            }
            guard let boundary else { return nil }
            return SplitPoint(position: boundary.position, line: line + boundary.lines)
        }

        /// Splits what is left into two streams at a split point found by this stream or by an earlier
        /// state of it (nil when the point is no longer ahead, or is the last byte): the two halves read
        /// exactly as the whole file would, with the second's lines counted from the first's.
        public func split(at point: SplitPoint?) -> (Stream, Stream)? {
            guard let point, point.position >= offset, point.position + 1 < end else { return nil }
            var first = self
            var second = self
            first.end = point.position + 1
            second.offset = point.position + 1
            second.line = point.line
            return (first, second)
        }

        /// Splits what is left into two streams at a row boundary near the middle, or nil when the rest
        /// is small (see `splitPoint`).
        public func split() -> (Stream, Stream)? { split(at: splitPoint()) }
    }

    /// The first line break at or after `middle` that ends a row, read from `start` (a row's start),
    /// and the lines passed up to and including it; nil when there is none before `end`. It reads half
    /// the file alone, so it is one tight loop that looks at eight bytes at a time where it can: a word
    /// with no quote and no carriage return only adds its line feeds to the count. A quoted field is
    /// skipped to its closing quote (counting its line feeds); a quote opens one only at the start of a
    /// field, that is at `start` or after a delimiter, a line feed or a carriage return.
    static func firstRowEnd(
        _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, after middle: Int, end: Int, delimiter: UInt8
    ) -> (position: Int, lines: Int32)? {
        guard let base = buffer.baseAddress else { return nil }
        let quote = UInt8(ascii: "\"")
        let lineFeed = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        let quotes = UInt64(quote) &* 0x0101_0101_0101_0101
        let lineFeeds = UInt64(lineFeed) &* 0x0101_0101_0101_0101
        let carriageReturns = UInt64(carriageReturn) &* 0x0101_0101_0101_0101
        func word(_ position: Int) -> UInt64 { UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self) }
        var lines = 0
        var position = start
        while position < end {
            // Eight bytes before the middle with no quote or carriage return: only line feeds to count.
            if position + 8 <= middle {
                let bytes = word(position)
                if zeroBytes(bytes ^ quotes) | zeroBytes(bytes ^ carriageReturns) == 0 {
                    lines += zeroBytes(bytes ^ lineFeeds).nonzeroBitCount
                    position += 8
                    continue
                }
            }
            let byte = buffer[position]
            let atFieldStart =
                position == start || buffer[position - 1] == delimiter || buffer[position - 1] == lineFeed
                || buffer[position - 1] == carriageReturn
            if byte == quote && atFieldStart {
                // A quoted field: to its closing quote; `""` inside is a quote, line feeds are lines.
                position += 1
                while true {
                    if position + 8 <= end {
                        let bytes = word(position)
                        if zeroBytes(bytes ^ quotes) == 0 {
                            lines += zeroBytes(bytes ^ lineFeeds).nonzeroBitCount
                            position += 8
                            continue
                        }
                    }
                    guard position < end else { return nil }
                    let inside = buffer[position]
                    position += 1
                    if inside == quote {
                        if position < end && buffer[position] == quote {
                            position += 1
                            continue
                        }
                        break
                    }
                    if inside == lineFeed { lines += 1 }
                }
                continue
            }
            if byte == lineFeed {
                lines += 1
                if position >= middle { return (position, Int32(truncatingIfNeeded: lines)) }
            } else if byte == carriageReturn {
                // A carriage return alone ends a row and a line too (the parser counts it so).
                if position + 1 >= buffer.count || buffer[position + 1] != lineFeed {
                    lines += 1
                    if position >= middle { return (position, Int32(truncatingIfNeeded: lines)) }
                }
            }
            position += 1
        }
        return nil
    }

    /// The first delimiter, line feed or carriage return at or after `start`, or `limit`: where an unquoted field
    /// ends. Eight bytes at a time: most fields are a few bytes, so the word that holds the end is usually the
    /// first one read, and the loop's exit is predicted instead of a branch on every byte mispredicted at every
    /// field's end (a quarter of the load's time in the tokenizer at 100×, issue 17).
    @inline(__always) static func unquotedFieldEnd(
        _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int, delimiter: UInt8
    ) -> Int {
        var position = start
        if let base = buffer.baseAddress {
            let delimiters = UInt64(delimiter) &* 0x0101_0101_0101_0101
            let lineFeeds = UInt64(UInt8(ascii: "\n")) &* 0x0101_0101_0101_0101
            let carriageReturns = UInt64(UInt8(ascii: "\r")) &* 0x0101_0101_0101_0101
            while position &+ 8 <= limit {
                let bytes = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
                let ends =
                    zeroBytes(bytes ^ delimiters) | zeroBytes(bytes ^ lineFeeds) | zeroBytes(bytes ^ carriageReturns)
                // Little-endian: the lowest set bit is the first such byte.
                if ends != 0 { return position &+ ends.littleEndian.trailingZeroBitCount / 8 }
                position &+= 8
            }
        }
        while position < limit {
            let byte = buffer[position]
            if byte == delimiter || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
            position += 1
        }
        return position
    }

    /// The high bit of each byte of `x` that is zero, and no other bit (exact: no borrow runs from one
    /// byte into the next, unlike the usual shorter test).
    @inline(__always) static func zeroBytes(_ x: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((x & low7) &+ low7) | x | low7)
    }

    public init(text: String) throws(ReadError) { try self.init(bytes: Array(text.utf8)) }

    /// `,` or `;`, whichever occurs more often outside quotes on the first line.
    static func detectDelimiter(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt8 {
        var commas = 0
        var semicolons = 0
        var inQuotes = false
        var position = start
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes {
                if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
                if byte == UInt8(ascii: ",") { commas += 1 } else if byte == UInt8(ascii: ";") { semicolons += 1 }
            }
            position += 1
        }
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// Parses rows from `start` (on `line`) until the end or `maxRows` rows; returns where it stopped.
    private mutating func parse(from start: Int, line firstLine: Int32, maxRows: Int, end: Int? = nil) throws(ReadError)
        -> (Int, Int32)
    {
        let quote = UInt8(ascii: "\"")
        let lineFeed = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        let delimiter = self.delimiter
        let limit = end ?? source.count
        var line: Int32 = firstLine
        var position = start
        // Rough capacity guess to avoid regrowth.
        let guessFields =
            maxRows == Int.max ? max(16, (limit - start) / 6) : min(max(16, (limit - start) / 6), maxRows * 64)
        // The rows are added to local arrays, put back when done: appended to as properties of `self` they
        // were checked for a single owner at every field, unless the optimizer happened to inline this
        // function into its caller.
        var fieldStart = self.fieldStart
        var fieldEnd = self.fieldEnd
        var fieldEscaped = self.fieldEscaped
        var rowStart = self.rowStart
        var rowLine = self.rowLine
        self.fieldStart = []
        self.fieldEnd = []
        self.fieldEscaped = []
        self.rowStart = []
        self.rowLine = []
        defer {
            self.fieldStart = fieldStart
            self.fieldEnd = fieldEnd
            self.fieldEscaped = fieldEscaped
            self.rowStart = rowStart
            self.rowLine = rowLine
        }
        fieldStart.reserveCapacity(guessFields)
        fieldEnd.reserveCapacity(guessFields)
        fieldEscaped.reserveCapacity(guessFields)
        // `source` is held by `self` throughout: its buffer stays valid.
        let buffer = source.buffer
        do {
            while position < limit && rowLine.count < maxRows {
                // Start of a row.
                let rowFirstLine = line
                let firstField = fieldStart.count
                var rowDone = false
                while !rowDone {
                    // Start of a field.
                    if position < limit && buffer[position] == quote {
                        let openLine = line
                        position += 1
                        let contentStart = position
                        var escaped = false
                        while true {
                            guard position < limit else { throw .unterminatedQuote(line: Int(openLine)) }
                            let byte = buffer[position]
                            if byte == quote {
                                if position + 1 < limit && buffer[position + 1] == quote {
                                    escaped = true
                                    position += 2
                                    continue
                                }
                                break
                            }
                            if byte == lineFeed { line += 1 }
                            position += 1
                        }
                        fieldStart.append(Int32(contentStart))
                        fieldEnd.append(Int32(position))
                        fieldEscaped.append(escaped)
                        position += 1  // closing quote
                        // Tolerate spaces after the closing quote.
                        while position < limit && buffer[position] == UInt8(ascii: " ") { position += 1 }
                        if position >= limit {
                            rowDone = true
                        } else if buffer[position] == delimiter {
                            position += 1
                        } else if buffer[position] == lineFeed {
                            position += 1
                            line += 1
                            rowDone = true
                        } else if buffer[position] == carriageReturn {
                            position += 1
                            if position < limit && buffer[position] == lineFeed { position += 1 }
                            line += 1
                            rowDone = true
                        } else {
                            throw .textAfterClosingQuote(line: Int(line), column: fieldStart.count - firstField)
                        }
                    } else {
                        let contentStart = position
                        position = CSVTable.unquotedFieldEnd(buffer, from: position, limit: limit, delimiter: delimiter)
                        fieldStart.append(Int32(contentStart))
                        fieldEnd.append(Int32(position))
                        fieldEscaped.append(false)
                        if position >= limit {
                            rowDone = true
                        } else if buffer[position] == delimiter {
                            position += 1
                            if position >= limit {
                                fieldStart.append(Int32(position))
                                fieldEnd.append(Int32(position))
                                fieldEscaped.append(false)
                                rowDone = true
                            }
                        } else if buffer[position] == lineFeed {
                            position += 1
                            line += 1
                            rowDone = true
                        } else {
                            position += 1
                            if position < limit && buffer[position] == lineFeed { position += 1 }
                            line += 1
                            rowDone = true
                        }
                    }
                }
                // A blank line (one empty, unquoted field) is not a row.
                let count = fieldStart.count - firstField
                if count == 1 && fieldEnd[firstField] == fieldStart[firstField]
                    && (firstField == 0 || buffer[Int(fieldStart[firstField]) - 1] != quote)
                {
                    fieldStart.removeLast()
                    fieldEnd.removeLast()
                    fieldEscaped.removeLast()
                    continue
                }
                rowStart.append(Int32(fieldStart.count))
                rowLine.append(rowFirstLine)
            }
        }
        return (position, line)
    }

    public func fieldCount(row: Int) -> Int { Int(rowStart[row + 1] - rowStart[row]) }
    public func line(row: Int) -> Int { Int(rowLine[row]) }

    /// The bounds of every field seen through pointers, for a loop over many cells of every row (the
    /// inquiries' answers): no bounds check, retain or release per cell. Valid only inside `body`.
    public struct FieldBounds {
        let bytes: UnsafeBufferPointer<UInt8>
        let rowStart: UnsafeBufferPointer<Int32>
        let fieldStart: UnsafeBufferPointer<Int32>
        let fieldEnd: UnsafeBufferPointer<Int32>

        /// A field's bytes with spaces and tabs trimmed (quotes removed, `""` not yet unescaped).
        @inline(__always) public func trimmedField(row: Int, column: Int) -> UnsafeBufferPointer<UInt8> {
            let fieldIndex = Int(rowStart[row]) &+ column
            let start = Int(fieldStart[fieldIndex])
            let end = Int(fieldEnd[fieldIndex])
            return trimmed(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        }
    }

    public func withFieldBounds<Result>(_ body: (FieldBounds) -> Result) -> Result {
        withExtendedLifetime(source) {
            let bytes = source.buffer
            return rowStart.withUnsafeBufferPointer { rowStart in
                fieldStart.withUnsafeBufferPointer { fieldStart in
                    fieldEnd.withUnsafeBufferPointer { fieldEnd in
                        body(FieldBounds(bytes: bytes, rowStart: rowStart, fieldStart: fieldStart, fieldEnd: fieldEnd))
                    }
                }
            }
        }
    }

    /// The raw bytes of a field (quotes removed, `""` not yet unescaped).
    @inline(__always) public func withFieldBytes<R>(row: Int, column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R)
        -> R
    {
        let fieldIndex = Int(rowStart[row]) + column
        let start = Int(fieldStart[fieldIndex])
        let end = Int(fieldEnd[fieldIndex])
        return withExtendedLifetime(source) { body(UnsafeBufferPointer(rebasing: source.buffer[start..<end])) }
    }

    /// The field's bytes with spaces and tabs trimmed.
    @inline(__always) public func withTrimmedFieldBytes<R>(
        row: Int, column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R
    ) -> R {
        withFieldBytes(row: row, column: column) { body(trimmed($0)) }
    }

    /// The field as text with spaces and tabs trimmed (cheaper than Foundation's trimming).
    public func trimmedField(row: Int, column: Int) -> String {
        let fieldIndex = Int(rowStart[row]) + column
        if fieldEscaped[fieldIndex] { return field(row: row, column: column).trimmingCharacters(in: .whitespaces) }
        return withTrimmedFieldBytes(row: row, column: column) { String(decoding: $0, as: UTF8.self) }
    }

    /// A free-text field: white space and line breaks trimmed at both ends, `""` unescaped,
    /// made into a String once.
    public func text(row: Int, column: Int) -> String {
        let fieldIndex = Int(rowStart[row]) + column
        return withFieldBytes(row: row, column: column) { fieldBytes -> String in
            var start = fieldBytes.startIndex
            var end = fieldBytes.endIndex
            func space(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 }
            while start < end && space(fieldBytes[start]) { start += 1 }
            while end > start && space(fieldBytes[end - 1]) { end -= 1 }
            let slice = UnsafeBufferPointer(rebasing: fieldBytes[start..<end])
            guard fieldEscaped[fieldIndex] else { return String(decoding: slice, as: UTF8.self) }
            var unescaped = [UInt8]()
            unescaped.reserveCapacity(slice.count)
            var position = 0
            while position < slice.count {
                unescaped.append(slice[position])
                position += slice[position] == 34 && position + 1 < slice.count && slice[position + 1] == 34 ? 2 : 1
            }
            return String(decoding: unescaped, as: UTF8.self)
        }
    }

    public func isEmpty(row: Int, column: Int) -> Bool {
        let fieldIndex = Int(rowStart[row]) + column
        return fieldStart[fieldIndex] == fieldEnd[fieldIndex]
    }

    /// A field as text (quotes removed and `""` unescaped). Invalid UTF-8 is replaced by U+FFFD.
    public func field(row: Int, column: Int) -> String {
        let fieldIndex = Int(rowStart[row]) + column
        let start = Int(fieldStart[fieldIndex])
        let end = Int(fieldEnd[fieldIndex])
        let text = withExtendedLifetime(source) {
            String(decoding: UnsafeBufferPointer(rebasing: source.buffer[start..<end]), as: UTF8.self)
        }
        return fieldEscaped[fieldIndex] ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
    }

    public func row(_ row: Int) -> [String] { (0..<fieldCount(row: row)).map { field(row: row, column: $0) } }
}
