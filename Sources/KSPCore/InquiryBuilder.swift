import Foundation

/// Reads inquiries.csv into columns, checking every row against the season's definition.
struct InquiryBuilder {
    let definition: SeasonDefinition
    let participants: [Participant]
    var sink: DiagnosticSink
    var columns = InquiryColumns()
    var comments: [Comment] = []
    var shopperNames: [String] = []
    static let file = SeasonLoader.inquiriesFile

    init(definition: SeasonDefinition, participants: [Participant], sink: DiagnosticSink) {
        self.definition = definition
        self.participants = participants
        self.sink = sink
        gaps = TimeZoneGaps(identifier: definition.timezone)
        columns.answers = AnswerColumns(questions: definition.questions)
    }

    static let requiredColumns = ["id", "participant", "channel", "shopper", "contacted_at", "answered_at", "attempts"]

    /// Reads the whole file a chunk at a time (see `CSVTable.Stream`).
    /// Takes the stream (set to nil), so that the file's bytes are let go before the halves are merged.
    mutating func read(_ file: inout CSVTable.Stream?) throws(CSVTable.ReadError) {
        guard var stream = file.take() else { return }
        progress = LoadProgress.current
        progress?.startReading(totalBytes: stream.source.count)
        // A large file's split point (the search reads half of it) is looked for on the second core while
        // the first chunk of rows is read on this one.
        let splitSearch = SplitPointSearch(stream)
        guard let header = try stream.next() else { return }
        progress?.advance(stream.offset)
        // Reserve once for the rows the file will hold, estimated from the first chunk's bytes per row
        // with a margin: growing by doubling would copy the answers column several times and double
        // the peak memory.
        let perRow = max(1, Double(stream.offset) / Double(max(1, header.rowCount)))
        let lines = Int(Double(stream.source.count) / perRow * 1.1) + 16
        columns.participant.reserveCapacity(lines)
        columns.channel.reserveCapacity(lines)
        columns.shopper.reserveCapacity(lines)
        columns.contactedAt.reserveCapacity(lines)
        columns.answeredAt.reserveCapacity(lines)
        columns.attempts.reserveCapacity(lines)
        columns.answers.reserveCapacity(lines)
        columns.line.reserveCapacity(lines)
        // A large file is read as two halves, each with its own table: sized for half (a smaller file's
        // table grows once).
        idTable = ByteKeyTable(capacity: lines / 2 + 1)
        readRows(header, header: header, from: 1)
        guard !setupFailed else { return }
        // A large file is read as two halves on the two cores, then merged.
        var halves = stream.split(at: stream.splitPoint(from: splitSearch.result()))
        if halves != nil {
            // From here the halves hold the file's bytes alone (the header row was read into `setup`).
            stream = try CSVTable.Stream(bytes: [])
            var second = emptyCopy(capacity: lines / 2 + 1)
            try readHalves(&halves, second: &second)
            merge(&second)
            return
        }
        // Splitting the bytes into fields runs on a second thread, a few chunks ahead of the rows.
        let queue = ChunkQueue(limit: 4)
        let rest = stream
        let progress = self.progress
        let producer = Thread {
            var s = rest
            do {
                while !queue.isCancelled, let t = try s.next() {
                    queue.push(.success(t))
                    progress?.advance(t.bytesSpanned)
                }
            } catch { queue.push(.failure(error as! CSVTable.ReadError)) }
            queue.finish()
        }
        producer.start()
        defer { queue.cancel() }
        while let item = queue.pop() {
            switch item {
            case .success(let t): readRows(t, header: header, from: 0)
            case .failure(let e): throw e
            }
            if setupFailed || sink.isFull { break }
        }
    }

    /// Reads the two halves of a large file on the two cores, the first into this builder, the second
    /// into `second`. The halves are the last holders of the file's bytes: taken here (set to nil), so
    /// that the bytes are let go when this returns, before the halves are merged.
    private mutating func readHalves(
        _ halves: inout (CSVTable.Stream, CSVTable.Stream)?, second: inout InquiryBuilder
    ) throws(CSVTable.ReadError) {
        guard let (a, b) = halves.take() else { return }
        nonisolated(unsafe) var errors: [CSVTable.ReadError?] = [nil, nil]
        // The first half is read into this builder itself: a copy of it would share the columns reserved
        // before, and its first append would copy them (and grow them by doubling after that).
        withUnsafeMutablePointer(to: &self) { pa in
            withUnsafeMutablePointer(to: &second) { pb in
                nonisolated(unsafe) let builders = (pa, pb)
                DispatchQueue.concurrentPerform(iterations: 2) { k in
                    do throws(CSVTable.ReadError) {
                        if k == 0 {
                            try builders.0.pointee.consume(a)
                        } else {
                            try builders.1.pointee.consume(b)
                        }
                    } catch { errors[k] = error }
                }
            }
        }
        if let e = errors[0] ?? errors[1] { throw e }
    }

    private var setupFailed = false
    private var setup: RowSetup?
    /// Where a long load reports how far it has come (nil: nobody is watching).
    private var progress: LoadProgress?
    /// The second half of a large file keeps its answers one chunk of rows per array (see `merge`).
    private var keepsAnswerChunks = false
    private var answerChunks: [AnswerColumns] = []

    /// Bytes of the file read before they are let go from memory (see `consume`).
    static let releaseStep = 2 << 20

    /// Reads every chunk of a stream, once the header has been read (`setup` made).
    mutating func consume(_ stream: CSVTable.Stream) throws(CSVTable.ReadError) {
        var s = stream
        var start = s.offset
        while !setupFailed, !sink.isFull, let t = try s.next() {
            readRows(t, header: t, from: 0)
            progress?.advance(t.bytesSpanned)
            // The rows are in the columns now: their bytes need not stay in memory (let go a few MB at a
            // time: each release makes both cores forget the pages' addresses).
            if s.offset - start >= InquiryBuilder.releaseStep {
                s.source.release(start..<s.offset)
                start = s.offset
            }
        }
    }

    /// A builder with the same header set-up and nothing read yet, for the second half of a file.
    func emptyCopy(capacity: Int) -> InquiryBuilder {
        var b = InquiryBuilder(definition: definition, participants: participants, sink: DiagnosticSink())
        b.setup = setup
        b.progress = progress
        b.keepsAnswerChunks = true
        b.columns.questionCount = columns.questionCount
        b.idTable = ByteKeyTable(capacity: capacity)
        b.columns.participant.reserveCapacity(capacity)
        b.columns.channel.reserveCapacity(capacity)
        b.columns.shopper.reserveCapacity(capacity)
        b.columns.contactedAt.reserveCapacity(capacity)
        b.columns.answeredAt.reserveCapacity(capacity)
        b.columns.attempts.reserveCapacity(capacity)
        b.columns.line.reserveCapacity(capacity)
        return b
    }

    /// Appends what a builder read from the rows after this one's: ids checked for duplicates
    /// across both, shoppers and their contacts matched by name, comments re-pointed.
    mutating func merge(_ b: inout InquiryBuilder) {
        // The answers (the one large column) are appended on the second core meanwhile, chunk by chunk,
        // each freed once appended: the second half's answers are never held twice.
        var answers = columns.answers
        columns.answers = AnswerColumns(questions: [])
        var chunks = b.answerChunks
        b.answerChunks = []
        // The ids too, after the answers on the same core: the check of the second half's against the first
        // half's table is a lookup per inquiry, as long as the rest of the merge on the other core.
        var ids = (table: idTable, firstLines: idFirstLine)
        idTable = ByteKeyTable()
        idFirstLine = []
        var duplicates: [SecondHalfDuplicate] = []
        let other = b
        withUnsafeMutablePointer(to: &answers) { answersPointer in
            withUnsafeMutablePointer(to: &chunks) { chunksPointer in
                withUnsafeMutablePointer(to: &self) { restPointer in
                    withUnsafeMutablePointer(to: &ids) { idsPointer in
                        withUnsafeMutablePointer(to: &duplicates) { duplicatesPointer in
                            nonisolated(unsafe) let pointers = (
                                answersPointer, chunksPointer, restPointer, idsPointer, duplicatesPointer
                            )
                            DispatchQueue.concurrentPerform(iterations: 2) { k in
                                if k == 0 {
                                    for chunk in pointers.1.pointee.indices {
                                        pointers.0.pointee.append(contentsOf: pointers.1.pointee[chunk])
                                        pointers.1.pointee[chunk] = AnswerColumns(questions: [])
                                    }
                                    pointers.4.pointee = InquiryBuilder.mergeIds(
                                        &pointers.3.pointee.table, &pointers.3.pointee.firstLines, from: other)
                                } else {
                                    pointers.2.pointee.mergeAllButAnswersAndIds(other)
                                }
                            }
                        }
                    }
                }
            }
        }
        columns.answers = answers
        idTable = ids.table
        idFirstLine = ids.firstLines
        mergeErrors(of: b, duplicates)
    }

    /// An id of the second half that the first half holds already: its index in the second half's table, and the
    /// line where the first half has it.
    struct SecondHalfDuplicate {
        let key: Int
        let firstLine: Int32
    }

    /// The second half's errors after the first half's, in the order and words one pass over the whole file gives:
    /// an id the first half holds is a duplicate where the second half first has it, and every later duplicate of it
    /// names the first half's line too; the id comes first in a row, so such a duplicate leads its line's errors.
    private mutating func mergeErrors(of b: InquiryBuilder, _ duplicates: [SecondHalfDuplicate]) {
        let file = InquiryBuilder.file
        let idColumn = (setup?.header.id ?? 0) + 1
        func message(_ key: Int, _ firstLine: Int32) -> String {
            "duplicate inquiry id \(String(decoding: b.idTable.key(key), as: UTF8.self)) (first on line \(firstLine))"
        }
        var firstHalfLine: [Int: Int32] = [:]
        for duplicate in duplicates { firstHalfLine[duplicate.key] = duplicate.firstLine }
        var errors = b.sink.errors
        for repeated in b.duplicateIdErrors {
            guard let firstLine = firstHalfLine[repeated.key] else { continue }
            let error = errors[repeated.error]
            errors[repeated.error] = SeasonDiagnostic(
                .error, file: error.file, line: error.line, column: error.column, message(repeated.key, firstLine))
        }
        let firstInSecondHalf = duplicates.map { duplicate in
            SeasonDiagnostic(
                .error, file: file, line: Int(b.idFirstLine[duplicate.key]), column: idColumn,
                message(duplicate.key, duplicate.firstLine))
        }
        // Both lists are in line order: merged, a first-in-the-half duplicate before other errors on its line.
        var next = 0
        for duplicate in firstInSecondHalf {
            while next < errors.count && errors[next].line < duplicate.line {
                sink.error(
                    errors[next].file, line: errors[next].line, column: errors[next].column, errors[next].message)
                next += 1
            }
            sink.error(duplicate.file, line: duplicate.line, column: duplicate.column, duplicate.message)
        }
        for error in errors[next...] { sink.error(error.file, line: error.line, column: error.column, error.message) }
        if b.sink.truncated { sink.truncated = true }
    }

    /// The second half's ids already among the first half's (in line order), the second half's ids then appended
    /// after the first's (the table is not needed after loading, only the ids in order; the appended ones can no
    /// longer be found).
    private static func mergeIds(
        _ table: inout ByteKeyTable, _ firstLines: inout [Int32], from b: InquiryBuilder
    ) -> [SecondHalfDuplicate] {
        var duplicates: [SecondHalfDuplicate] = []
        b.idTable.arena.withUnsafeBufferPointer { arena in
            for k in 0..<b.idTable.count {
                let s = Int(b.idTable.offsets[k])
                let e = Int(b.idTable.offsets[k + 1])
                let key = UnsafeBufferPointer(rebasing: arena[s..<e])
                if let index = table.find(key) {
                    duplicates.append(SecondHalfDuplicate(key: k, firstLine: firstLines[index]))
                }
            }
        }
        table.appendUnindexed(b.idTable)
        firstLines += b.idFirstLine
        return duplicates
    }

    private mutating func mergeAllButAnswersAndIds(_ b: InquiryBuilder) {
        let file = InquiryBuilder.file
        // The other half's errors are added after both cores are done (`mergeErrors`).
        var shopperMap = [Int32](repeating: 0, count: b.shopperNames.count)
        contactPairs.reserveCapacity(contactPairs.count + b.contactPairs.count)
        for k in 0..<b.shopperNames.count {
            let key = Array(b.shopperTable.key(k))
            let (index, inserted) = key.withUnsafeBufferPointer { shopperTable.insert($0) }
            if inserted { shopperNames.append(b.shopperNames[k]) }
            shopperMap[k] = Int32(index)
        }
        // The second half's warnings, then its first contacts that repeat one of the first half.
        for w in b.sink.warnings { sink.warning(w.file, line: w.line, column: w.column, w.message) }
        sink.warningCount += b.sink.warningCount - b.sink.warnings.count
        for (pair, line) in b.contactPairs.sorted(by: { $0.value < $1.value }) {
            let shopper = shopperMap[Int(pair >> 32)]
            let participant = pair & 0xFFFF_FFFF
            let global = Int64(shopper) << 32 | participant
            if let first = contactPairs[global] {
                sink.warning(
                    file, line: line, column: (setup?.header.shopper ?? 0) + 1,
                    "shopper \(shopperNames[Int(shopper)]) contacted participant \(participants[Int(participant)].id) "
                        + "again (first on line \(first)); a shopper contacts a participant at most once"
                )
            } else {
                contactPairs[global] = line
            }
        }
        let offset = columns.count
        columns.count += b.columns.count
        columns.participant += b.columns.participant
        columns.channel += b.columns.channel
        columns.shopper += b.columns.shopper.map { shopperMap[Int($0)] }
        columns.contactedAt += b.columns.contactedAt
        columns.answeredAt += b.columns.answeredAt
        columns.attempts += b.columns.attempts
        columns.line += b.columns.line
        comments += b.comments.map { Comment(inquiry: $0.inquiry + offset, areaIndex: $0.areaIndex, text: $0.text) }
    }

    mutating func read(_ t: CSVTable) { readRows(t, header: t, from: 1) }

    /// The columns read, handed over once (so that scoring them does not copy them).
    mutating func takeColumns() -> InquiryColumns {
        var c = columns
        columns = InquiryColumns()
        c.idArena = idTable.arena
        c.idOffsets = idTable.offsets
        idTable = ByteKeyTable()
        return c
    }

    /// Where inquiries.csv's fixed columns are (0-based).
    struct HeaderColumns {
        var id: Int
        var participant: Int
        var channel: Int
        var shopper: Int
        var contactedAt: Int
        var answeredAt: Int
        var attempts: Int
    }

    /// What the header tells, worked out once.
    struct RowSetup {
        var questionColumn: [Int]
        var commentColumns: [(column: Int, area: Int?)]
        var header: HeaderColumns
        /// The channel ids, for errors.
        var channelList: String
        var participantTable: ByteKeyTable
        var channelTable: ByteKeyTable
        var channelOfKey: [UInt8]
        var kinds: [CellKind]
        var choices: ChoiceOptions
        var width: Int
    }

    private var idTable = ByteKeyTable(capacity: 1024)
    /// Made at the start, not lazily: a lazy property's getter retains and releases it on every row.
    private var gaps: TimeZoneGaps
    /// An answer this long after the contact (a year and a day, in local seconds) is probably a placeholder.
    static let lateAnswer: Int64 = 366 * 86400

    /// A local time in the gap when the clocks jump forward does not exist: an error naming the gap.
    private mutating func checkExists(_ time: LocalDateTime?, _ name: String, line: Int, column: Int) -> Bool {
        guard let time, let gap = gaps.gap(containing: time) else { return true }
        sink.error(
            InquiryBuilder.file, line: line, column: column,
            "\(name) \(time.descriptionWithSeconds) does not exist in \(definition.timezone): the clocks jumped "
                + "from \(gap.start.timeOfDay) to \(gap.end.timeOfDay) that night; expected a time outside the gap")
        return false
    }
    private var idFirstLine: [Int32] = []
    /// This builder's duplicate-id errors: where each is in `sink.errors`, and its id's index in `idTable`. In a
    /// second half, an id seen first in the first half is named with that line when the halves are merged.
    private var duplicateIdErrors: [(error: Int, key: Int)] = []
    private var shopperTable = ByteKeyTable(capacity: 256)
    private var contactPairs: [Int64: Int] = [:]

    private mutating func makeSetup(_ t: CSVTable) -> RowSetup? {
        let file = InquiryBuilder.file
        let header = SeasonLoader.headerIndex(t, file: file, sink: &sink)
        let missing = InquiryBuilder.requiredColumns.filter { header[$0] == nil }
        if !missing.isEmpty {
            sink.error(
                file, line: 1,
                "missing column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", ")); expected the header "
                    + "\(InquiryBuilder.requiredColumns.joined(separator: ",")),<question ids>"
            )
        }
        var questionColumn: [Int] = []
        for q in definition.questions {
            if let c = header[q.id.lowercased()] {
                questionColumn.append(c)
            } else {
                sink.error(file, line: 1, "missing column for question \(q.id) of season.yaml")
                questionColumn.append(-1)
            }
        }
        var commentColumns: [(column: Int, area: Int?)] = []
        var unknown: [(column: Int, name: String)] = []
        let known = Set(InquiryBuilder.requiredColumns + definition.questions.map { $0.id.lowercased() })
        for c in 0..<t.fieldCount(row: 0) {
            let name = t.field(row: 0, column: c).trimmingCharacters(in: .whitespaces).lowercased()
            if name == "comment" {
                commentColumns.append((c, nil))
                continue
            }
            if name.hasPrefix("comment_"), let a = definition.areaIndex(id: String(name.dropFirst(8))) {
                commentColumns.append((c, a))
                continue
            }
            if !known.contains(name) { unknown.append((c, name)) }
        }
        // A handful is named one by one; an export with thousands of extra columns gets one line.
        if unknown.count <= 10 {
            for (c, name) in unknown {
                sink.warning(file, line: 1, column: c + 1, "unknown column \"\(name)\" is ignored")
            }
        } else {
            sink.warning(
                file, line: 1, column: unknown[0].column + 1,
                "\(unknown.count) unknown columns are ignored ("
                    + "\(unknown.prefix(5).map { "\"\($0.name)\"" }.joined(separator: ", ")), …)"
            )
        }
        guard sink.errors.isEmpty else { return nil }
        // Every required column is present (checked above).
        let headerColumns = HeaderColumns(
            id: header["id"] ?? 0, participant: header["participant"] ?? 0, channel: header["channel"] ?? 0,
            shopper: header["shopper"] ?? 0, contactedAt: header["contacted_at"] ?? 0,
            answeredAt: header["answered_at"] ?? 0, attempts: header["attempts"] ?? 0)

        // Lookups straight from the field bytes (see ByteKeyTable): no String per cell on the hot path.
        var participantTable = ByteKeyTable(capacity: participants.count)
        for p in participants { _ = Array(p.id.utf8).withUnsafeBufferPointer { participantTable.insert($0) } }
        // Channels are stored as one byte per inquiry; season.yaml is checked for this at load too.
        guard definition.channels.count <= SeasonLimits.maxChannels else {
            sink.error(SeasonLoader.definitionFile, "a season has at most \(SeasonLimits.maxChannels) channels")
            return nil
        }
        var channelTable = ByteKeyTable(capacity: 16)
        var channelOfKey: [UInt8] = []
        for (i, ch) in definition.channels.enumerated() {
            for n in [ch.id, ch.name] + ch.aliases {
                for form in [n, n.lowercased()] {
                    let (k, inserted) = Array(form.utf8).withUnsafeBufferPointer { channelTable.insert($0) }
                    if inserted { channelOfKey.append(UInt8(truncatingIfNeeded: i)) } else { _ = k }
                }
            }
        }
        let kinds: [CellKind] = definition.questions.map { q in
            switch q.type {
            case .yesno: return .yesno
            case .scale(let lo, let hi): return .scale(lo, hi)
            case .choice: return .choice
            }
        }
        columns.questionCount = definition.questions.count
        return RowSetup(
            questionColumn: questionColumn, commentColumns: commentColumns, header: headerColumns,
            channelList: definition.channels.map(\.id).joined(separator: ", "),
            participantTable: participantTable, channelTable: channelTable, channelOfKey: channelOfKey, kinds: kinds,
            choices: ChoiceOptions(definition.questions), width: t.fieldCount(row: 0))
    }

    mutating func readRows(_ table: CSVTable, header: CSVTable, from firstRow: Int) {
        if setup == nil && !setupFailed {
            setup = makeSetup(header)
            if setup == nil { setupFailed = true }
        }
        guard let setup else { return }
        var answers = [Double](repeating: .nan, count: definition.questions.count)
        var codes = [UInt16](repeating: AnswerColumns.notApplicable, count: definition.questions.count)
        if keepsAnswerChunks {
            columns.answers.reserveCapacity(table.rowCount)
        }
        defer {
            if keepsAnswerChunks {
                answerChunks.append(columns.answers)
                columns.answers = AnswerColumns(questions: definition.questions)
            }
        }
        for row in firstRow..<max(firstRow, table.rowCount) {
            if sink.isFull { return }
            if (row - firstRow) % InquiryBuilder.idBatch == 0 {
                warmIdSlots(table, rows: row..<min(row + InquiryBuilder.idBatch, table.rowCount), setup)
            }
            let line = table.line(row: row)
            guard table.fieldCount(row: row) == setup.width else {
                sink.error(
                    InquiryBuilder.file, line: line,
                    "expected \(setup.width) fields as in the header, found \(table.fieldCount(row: row))")
                continue
            }
            readRow(InquiryRow(table: table, row: row, line: line), setup, answers: &answers, codes: &codes)
        }
    }

    /// Rows whose ids' slots are read ahead at once (see `warmIdSlots`).
    static let idBatch = 128

    /// Reads the first slot of the id table that each of these rows' ids will probe, before the rows are
    /// read: at 100× the sample the table is 4 MB per half and nearly every probe missed the cache (86 % of
    /// the inserts' time, one miss waited for per row). Read together, the misses are under way at once;
    /// nothing is inserted here, so what the rows report is as before.
    private mutating func warmIdSlots(_ table: CSVTable, rows: Range<Int>, _ setup: RowSetup) {
        let column = setup.header.id
        let width = setup.width
        idSlotsSeen = table.withFieldBounds { fields in
            var seen = idSlotsSeen
            for row in rows where table.fieldCount(row: row) == width {
                seen &+= idTable.firstSlot(fields.trimmedField(row: row, column: column))
            }
            return seen
        }
    }

    /// What `warmIdSlots` read, kept so that the reads are not optimized away.
    private var idSlotsSeen: UInt64 = 0

    /// One row of inquiries.csv being read: the table, the row and its line in the file.
    struct InquiryRow {
        let table: CSVTable
        let row: Int
        let line: Int

        func trimmedText(_ column: Int) -> String { table.trimmedField(row: row, column: column) }
        func text(_ column: Int) -> String { table.field(row: row, column: column) }
    }

    /// Reads one inquiry: every problem in its row is reported (in the order of the checks); the
    /// inquiry is kept only when there is none.
    private mutating func readRow(
        _ row: InquiryRow, _ setup: RowSetup, answers: inout [Double], codes: inout [UInt16]
    ) {
        let header = setup.header
        let idValid = readId(row, column: header.id)
        let participant = readParticipant(row, column: header.participant, setup)
        let channel = readChannel(row, column: header.channel, setup)
        let times = readTimes(row, header)
        let attempts = readAttempts(row, column: header.attempts, channel: channel)
        // Nearly every row's answers are common cells, read straight to codes; any other takes the full path.
        let coded = readCommonCodes(row, setup, into: &codes)
        let answersValid = coded || readAnswers(row, setup, into: &answers, commonCellsTried: columns.answers.allCoded)
        guard idValid, times.valid, answersValid, let participant, let channel, let contacted = times.contacted,
            let attempts
        else { return }
        let shopper = readShopper(row, column: header.shopper, participant: participant)
        let index = columns.count
        columns.count += 1
        columns.participant.append(participant)
        columns.channel.append(channel)
        columns.shopper.append(shopper)
        columns.contactedAt.append(contacted.secondsSinceEpoch)
        columns.answeredAt.append(times.answered?.secondsSinceEpoch ?? Int64.min)
        columns.attempts.append(UInt8(attempts))
        if coded {
            codes.withUnsafeBufferPointer { columns.answers.append(codes: $0) }
        } else {
            answers.withUnsafeBufferPointer { columns.answers.append($0) }
        }
        columns.line.append(Int32(row.line))
        for (column, area) in setup.commentColumns where !row.table.isEmpty(row: row.row, column: column) {
            let text = row.table.text(row: row.row, column: column)
            if !text.isEmpty { comments.append(Comment(inquiry: index, areaIndex: area, text: text)) }
        }
    }

    /// The inquiry id: present and not seen before. False after reporting an error.
    private mutating func readId(_ row: InquiryRow, column: Int) -> Bool {
        let file = InquiryBuilder.file
        if row.table.withTrimmedFieldBytes(row: row.row, column: column, { $0.isEmpty }) {
            sink.error(file, line: row.line, column: column + 1, "empty id; expected an inquiry id")
            return false
        }
        let (key, inserted) = row.table.withTrimmedFieldBytes(row: row.row, column: column) { idTable.insert($0) }
        if inserted {
            idFirstLine.append(Int32(row.line))
            return true
        }
        let errors = sink.errors.count
        sink.error(
            file, line: row.line, column: column + 1,
            "duplicate inquiry id \(row.trimmedText(column)) (first on line \(idFirstLine[key]))")
        if sink.errors.count > errors { duplicateIdErrors.append((errors, key)) }
        return false
    }

    /// The participant by its id in participants.csv; nil after reporting an error.
    private mutating func readParticipant(_ row: InquiryRow, column: Int, _ setup: RowSetup) -> Int32? {
        let participant = row.table.withTrimmedFieldBytes(row: row.row, column: column) {
            setup.participantTable.find($0)
        }.map { Int32($0) }
        if participant == nil {
            sink.error(
                InquiryBuilder.file, line: row.line, column: column + 1,
                "unknown participant \"\(row.trimmedText(column))\"; expected an id from participants.csv")
        }
        return participant
    }

    /// The channel by its id, name or an alias, as written or in lower case; nil after reporting an error.
    private mutating func readChannel(_ row: InquiryRow, column: Int, _ setup: RowSetup) -> UInt8? {
        let channelTable = setup.channelTable
        var channel = row.table.withTrimmedFieldBytes(row: row.row, column: column) {
            channelTable.find($0)
        }.map { setup.channelOfKey[$0] }
        if channel == nil {
            let lowered = row.trimmedText(column).lowercased()
            channel = Array(lowered.utf8).withUnsafeBufferPointer { channelTable.find($0) }.map {
                setup.channelOfKey[$0]
            }
        }
        if channel == nil {
            sink.error(
                InquiryBuilder.file, line: row.line, column: column + 1,
                "unknown channel \"\(row.trimmedText(column))\"; expected one of \(setup.channelList) or an alias")
        }
        return channel
    }

    /// contacted_at and answered_at (empty: no answer): readable, in order, and existing in the season's timezone.
    private mutating func readTimes(_ row: InquiryRow, _ header: HeaderColumns)
        -> (contacted: LocalDateTime?, answered: LocalDateTime?, valid: Bool)
    {
        let file = InquiryBuilder.file
        var valid = true
        let contacted = row.table.withFieldBytes(row: row.row, column: header.contactedAt) {
            LocalDateTime.parse(utf8: trimmed($0))
        }
        if contacted == nil {
            sink.error(
                file, line: row.line, column: header.contactedAt + 1,
                "unreadable date-time \"\(row.text(header.contactedAt))\"; "
                    + "expected a local date-time like 2024-01-15T09:30:00")
            valid = false
        }
        var answered: LocalDateTime?
        let answeredColumn = header.answeredAt
        let answeredEmpty = row.table.withFieldBytes(row: row.row, column: answeredColumn) { trimmed($0).isEmpty }
        if !answeredEmpty {
            answered = row.table.withFieldBytes(row: row.row, column: answeredColumn) {
                LocalDateTime.parse(utf8: trimmed($0))
            }
            if answered == nil {
                sink.error(
                    file, line: row.line, column: answeredColumn + 1,
                    "unreadable date-time \"\(row.text(answeredColumn))\"; "
                        + "expected a local date-time like 2024-01-15T09:42:00, or empty for no answer")
                valid = false
            } else if let contactedAt = contacted, let answeredAt = answered, answeredAt < contactedAt {
                sink.error(
                    file, line: row.line, column: answeredColumn + 1,
                    "answered_at \(answeredAt.description) is before contacted_at \(contactedAt.description); "
                        + "expected a time after the contact")
                valid = false
            } else if let contactedAt = contacted, let answeredAt = answered,
                answeredAt.secondsSinceEpoch - contactedAt.secondsSinceEpoch > InquiryBuilder.lateAnswer
            {
                sink.warning(
                    file, line: row.line, column: answeredColumn + 1,
                    "answered_at \(answeredAt.date) is more than a year after "
                        + "contacted_at \(contactedAt.date); if it stands for no answer, leave the cell empty")
            }
        }
        if !checkExists(contacted, "contacted_at", line: row.line, column: header.contactedAt + 1) { valid = false }
        if !checkExists(answered, "answered_at", line: row.line, column: answeredColumn + 1) { valid = false }
        return (contacted, answered, valid)
    }

    /// attempts: empty for 1, else a digit within the channel's allowed attempts; nil after reporting an error.
    private mutating func readAttempts(_ row: InquiryRow, column: Int, channel: UInt8?) -> Int? {
        let file = InquiryBuilder.file
        let attemptsValue = row.table.withTrimmedFieldBytes(row: row.row, column: column) { bytes -> Int? in
            if bytes.isEmpty { return 1 }
            if bytes.count == 1 && bytes[0] >= 49 && bytes[0] <= 57 { return Int(bytes[0] - 48) }
            return nil
        }
        guard let attempts = attemptsValue else {
            sink.error(
                file, line: row.line, column: column + 1, "attempts \"\(row.trimmedText(column))\" is not 1 or 2")
            return nil
        }
        if let channel, attempts > definition.channels[Int(channel)].attempts {
            let rules = definition.channels[Int(channel)]
            sink.error(
                file, line: row.line, column: column + 1,
                "attempts \(attempts) is above the \(rules.attempts) allowed on \(rules.id); "
                    + "expected 1\(rules.attempts > 1 ? " or \(rules.attempts)" : "")")
            return nil
        }
        return attempts
    }

    /// Each question's raw answer into `answers` (NaN for not applicable). False after reporting an error.
    /// `commonCellsTried`: the row's cells were read as common ones already (`readCommonCodes`) and one was not.
    private mutating func readAnswers(
        _ row: InquiryRow, _ setup: RowSetup, into answers: inout [Double], commonCellsTried: Bool
    ) -> Bool {
        if !commonCellsTried && readCommonAnswers(row, setup, into: &answers) { return true }
        var valid = true
        for question in 0..<definition.questions.count {
            let column = setup.questionColumn[question]
            let kind = setup.kinds[question]
            let quick = row.table.withTrimmedFieldBytes(row: row.row, column: column) { cell in
                setup.choices.withView { choices in
                    InquiryBuilder.commonCell(cell, kind, question: question, choices).map {
                        InquiryBuilder.raw($0, choices)
                    }
                }
            }
            if let value = quick {
                answers[question] = value
                continue
            }
            let rules = definition.questions[question]
            switch rules.raw(cell: row.text(column)) {
            case .success(let value):
                answers[question] = value ?? .nan
            case .failure(let failure):
                valid = false
                let expected: String
                switch failure {
                case .notYesNo: expected = "ja, nei, yes, no, 1 or 0"
                case .notANumber: expected = "a number on the scale \(rules.typeDescription.dropFirst(6))"
                case .outOfScale(let lowest, let highest): expected = "a value from \(lowest) to \(highest)"
                case .notAnOption(let options):
                    expected = "one of " + options.map { "\"\($0)\"" }.joined(separator: ", ")
                }
                sink.error(
                    InquiryBuilder.file, line: row.line, column: column + 1,
                    "question \(rules.id): \"\(row.text(column))\" is not valid; "
                        + "expected \(expected) (or empty/NA for not applicable)")
            }
        }
        return valid
    }

    /// The shopper's number, numbered as first met; warns when a shopper contacts a participant again.
    private mutating func readShopper(_ row: InquiryRow, column: Int, participant: Int32) -> Int32 {
        let (shopperKey, newShopper) = row.table.withTrimmedFieldBytes(row: row.row, column: column) {
            shopperTable.insert($0)
        }
        let shopper = Int32(shopperKey)
        if newShopper { shopperNames.append(row.trimmedText(column)) }
        let shopperText = shopperNames[shopperKey]
        if !shopperText.isEmpty {
            let pair = Int64(shopper) << 32 | Int64(participant)
            if let first = contactPairs[pair] {
                sink.warning(
                    InquiryBuilder.file, line: row.line, column: column + 1,
                    "shopper \(shopperText) contacted participant \(participants[Int(participant)].id) again "
                        + "(first on line \(first)); a shopper contacts a participant at most once")
            } else {
                contactPairs[pair] = row.line
            }
        }
        return shopper
    }
}

/// A stream's split point searched on another thread (see `CSVTable.Stream.splitPoint(from:)`); nothing is
/// searched for a small file.
final class SplitPointSearch: @unchecked Sendable {
    private let done = DispatchGroup()
    /// Written once by the search, read only after `done` is waited for.
    private var point: CSVTable.Stream.SplitPoint?

    init(_ stream: CSVTable.Stream) {
        guard stream.isWorthSplitting else { return }
        DispatchQueue.global().async(group: done) {
            // The whole file's middle: the split point once the first chunk (read meanwhile) is read lies at or
            // after it (`CSVTable.Stream.splitPoint(from:)`).
            self.point = stream.splitPoint()
        }
    }

    /// The point found (waiting for the search to end), or nil.
    func result() -> CSVTable.Stream.SplitPoint? {
        done.wait()
        return point
    }
}

/// A bounded hand-over of parsed chunks from the tokenizing thread to the reading one.
final class ChunkQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Result<CSVTable, CSVTable.ReadError>] = []
    private var finished = false
    private var cancelled = false
    private let limit: Int

    init(limit: Int) { self.limit = limit }

    var isCancelled: Bool { condition.withLock { cancelled } }

    func push(_ item: Result<CSVTable, CSVTable.ReadError>) {
        condition.lock()
        while items.count >= limit && !cancelled { condition.wait() }
        if !cancelled { items.append(item) }
        condition.broadcast()
        condition.unlock()
    }

    func finish() {
        condition.withLock {
            finished = true
            condition.broadcast()
        }
    }
    func cancel() {
        condition.withLock {
            cancelled = true
            condition.broadcast()
        }
    }

    /// The next chunk, or nil when the producer has finished and all were taken.
    func pop() -> Result<CSVTable, CSVTable.ReadError>? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !finished && !cancelled { condition.wait() }
        guard !items.isEmpty else { return nil }
        let item = items.removeFirst()
        condition.broadcast()
        return item
    }
}

@inline(__always) func trimmed(_ b: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    var s = b.startIndex
    var e = b.endIndex
    while s < e && (b[s] == 32 || b[s] == 9) { s += 1 }
    while e > s && (b[e - 1] == 32 || b[e - 1] == 9) { e -= 1 }
    return UnsafeBufferPointer(rebasing: b[s..<e])
}
