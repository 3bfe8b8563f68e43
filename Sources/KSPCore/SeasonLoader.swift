import Foundation

/// Loads a season directory (season.yaml, participants.csv, inquiries.csv), validates it and
/// scores it. A season with errors loads nothing: the caller gets every error (up to a cap).
public enum SeasonLoader {
    public static let definitionFile = "season.yaml"
    public static let participantsFile = "participants.csv"
    public static let inquiriesFile = "inquiries.csv"

    public static func load(directory: String) throws(SeasonLoadError) -> Season {
        try load(directory: directory, mapping: true)
    }

    /// `mapping`: inquiries.csv is mapped rather than read (false when a mapped file shrank while loading).
    static func load(directory: String, mapping: Bool) throws(SeasonLoadError) -> Season {
        func reload() throws(SeasonLoadError) -> Season { try load(directory: directory, mapping: false) }
        var sink = DiagnosticSink()
        let directoryURL = URL(fileURLWithPath: directory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SeasonLoadError(
                directory: directory,
                errors: [
                    SeasonDiagnostic(
                        .error, file: directory,
                        "no such season directory; expected a directory holding season.yaml, participants.csv and inquiries.csv"
                    )
                ], warnings: [], truncated: false)
        }
        let files = [definitionFile, participantsFile, inquiriesFile]
        if let refusal = LoadMemoryBudget.refusal(directory: directory, files: files, inquiriesFile: inquiriesFile) {
            let error = SeasonDiagnostic(.error, file: directory, refusal)
            throw SeasonLoadError(directory: directory, errors: [error], warnings: [], truncated: false)
        }
        func read(_ name: String) -> [UInt8]? {
            let path = directoryURL.appendingPathComponent(name).path
            guard let bytes = readFile(path) else {
                sink.error(
                    name,
                    FileManager.default.fileExists(atPath: path)
                        ? "cannot be read"
                        : "missing; a season directory holds season.yaml, participants.csv and inquiries.csv")
                return nil
            }
            return bytes
        }
        let yaml = read(definitionFile)
        // A workbook (participants.xlsx, inquiries.xlsx) may stand in for a CSV file: the one dispatch point.
        var workbooks: [String: XLSXLocations] = [:]
        func readData(_ name: String) -> [UInt8]? {
            guard let sheet = dataFile(name, in: directoryURL, sink: &sink) else { return read(name) }
            workbooks[name] = sheet.locations
            return sheet.bytes
        }
        let participants = readData(participantsFile)
        // inquiries.csv is mapped, not read (see `FileBytes`); a workbook is read.
        var inquiries: FileBytes?
        if let sheet = dataFile(inquiriesFile, in: directoryURL, sink: &sink) {
            workbooks[inquiriesFile] = sheet.locations
            inquiries = FileBytes(sheet.bytes)
        } else if mapping, let mapped = FileBytes.mapped(path: directoryURL.appendingPathComponent(inquiriesFile).path)
        {
            inquiries = mapped
        } else {
            inquiries = read(inquiriesFile).map(FileBytes.init)
        }
        guard let yaml, let participants, let inquiriesSource = inquiries.take(), sink.errors.isEmpty else {
            throw SeasonLoadError(
                directory: directory, errors: sink.errors, warnings: sink.warnings, truncated: sink.truncated)
        }
        // A mapped file that changed while loading (cut short: read in part as zeros) is read again, whole.
        let mappingStatus = inquiriesSource.mappingStatus
        do {
            var season = try load(
                definition: yaml, participants: participants, inquiries: consume inquiriesSource, directory: directory)
            if mappingStatus.changedWhileMapped { return try reload() }
            season.warnings = relocate(season.warnings, workbooks)
            return season
        } catch {
            if mappingStatus.changedWhileMapped { return try reload() }
            throw SeasonLoadError(
                directory: error.directory, errors: relocate(error.errors, workbooks),
                warnings: relocate(error.warnings, workbooks), truncated: error.truncated)
        }
    }

    /// A file's bytes read straight into an array (no intermediate Data and copy: at 100× the
    /// sample the inquiries are 100 MB). Reads until end of file, so a file that grows or shrinks
    /// while being read gives what was there.
    static func readFile(_ path: String) -> [UInt8]? {
        let fileDescriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard fileDescriptor >= 0 else { return nil }
        defer { close(fileDescriptor) }
        var status = stat()
        guard fstat(fileDescriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(status.st_size)
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: max(size, 1)) { buffer, initialized in
            var done = 0
            while done < size {
                let bytesRead = Foundation.read(fileDescriptor, buffer.baseAddress! + done, size - done)
                if bytesRead < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    break
                }
                if bytesRead == 0 { break }  // the file shrank while being read
                done += bytesRead
            }
            initialized = done
        }
        if failed { return nil }
        // The file grew while being read: take the rest too.
        var extra = [UInt8](repeating: 0, count: 65536)
        while true {
            let bytesRead = extra.withUnsafeMutableBytes { Foundation.read(fileDescriptor, $0.baseAddress, 65536) }
            if bytesRead <= 0 { break }
            bytes.append(contentsOf: extra[0..<bytesRead])
        }
        return bytes
    }

    /// Loads a season from the contents of its three files (used by tests and fuzzing).
    public static func load(
        definition yamlBytes: [UInt8], participants participantsBytes: [UInt8],
        inquiries inquiriesBytes: consuming [UInt8], directory: String = ""
    ) throws(SeasonLoadError) -> Season {
        try load(
            definition: yamlBytes, participants: participantsBytes, inquiries: FileBytes(inquiriesBytes),
            directory: directory)
    }

    static func load(
        definition yamlBytes: [UInt8], participants participantsBytes: [UInt8],
        inquiries inquiriesSource: consuming FileBytes, directory: String = ""
    ) throws(SeasonLoadError) -> Season {
        var sink = DiagnosticSink()
        func fail() -> SeasonLoadError {
            SeasonLoadError(
                directory: directory, errors: sink.errors, warnings: sink.warnings, truncated: sink.truncated)
        }
        guard let yamlText = decodeUTF8(yamlBytes, file: definitionFile, sink: &sink) else { throw fail() }
        let definition = SeasonYAML.parse(yamlText, into: &sink)
        guard let definition else { throw fail() }
        return try load(
            parsed: definition, participants: participantsBytes, inquiries: consume inquiriesSource,
            directory: directory)
    }

    /// Parses season.yaml alone (for tools that load many variants of one season's data).
    public static func definition(_ yamlBytes: [UInt8]) throws(SeasonLoadError) -> SeasonDefinition {
        var sink = DiagnosticSink()
        if let text = decodeUTF8(yamlBytes, file: definitionFile, sink: &sink),
            let definition = SeasonYAML.parse(text, into: &sink)
        {
            return definition
        }
        throw SeasonLoadError(directory: "", errors: sink.errors, warnings: sink.warnings, truncated: sink.truncated)
    }

    /// Loads the data files against an already parsed definition.
    public static func load(
        parsed definition: SeasonDefinition, participants participantsBytes: [UInt8],
        inquiries inquiriesBytes: consuming [UInt8],
        directory: String = ""
    ) throws(SeasonLoadError) -> Season {
        try load(
            parsed: definition, participants: participantsBytes, inquiries: FileBytes(inquiriesBytes),
            directory: directory)
    }

    static func load(
        parsed definition: SeasonDefinition, participants participantsBytes: [UInt8],
        inquiries inquiriesSource: consuming FileBytes, directory: String = ""
    ) throws(SeasonLoadError) -> Season {
        var sink = DiagnosticSink()
        func fail() -> SeasonLoadError {
            SeasonLoadError(
                directory: directory, errors: sink.errors, warnings: sink.warnings, truncated: sink.truncated)
        }
        let participantsTable = readCSV(participantsBytes, file: participantsFile, sink: &sink)
        // The inquiries' bytes are held by the stream alone from here: the builder lets them go once the
        // rows are read (at 100× the sample the peak of the load is 50 MB lower).
        var inquiriesStream = checkInquiries(consume inquiriesSource, sink: &sink)
        guard let participantsTable, inquiriesStream != nil, sink.errors.isEmpty else { throw fail() }
        let (participants, classes) = readParticipants(participantsTable, sink: &sink)
        var builder = InquiryBuilder(definition: definition, participants: participants, sink: sink)
        do { try builder.read(&inquiriesStream) } catch { report(error, file: inquiriesFile, sink: &builder.sink) }
        sink = builder.sink
        guard sink.errors.isEmpty else { throw fail() }
        var season = Season(
            definition: definition, directory: directory, participants: participants, classes: classes,
            shoppers: builder.shopperNames, inquiries: builder.takeColumns(), comments: builder.comments, warnings: [])
        score(&season)
        checkScoresInRange(season, sink: &sink)
        guard sink.errors.isEmpty else { throw fail() }
        season.inquiries.deriveCalendarAndClass(participants: participants)
        let firstDay = season.inquiries.deriveSeason(0)
        season.seasons = [
            SeasonInfo(name: definition.name, directory: directory, definition: definition, firstDay: firstDay)
        ]
        // A participant with no inquiries is worth a warning: it cannot be ranked.
        var seen = [Bool](repeating: false, count: participants.count)
        for participant in season.inquiries.participant { seen[Int(participant)] = true }
        for (index, participant) in participants.enumerated() where !seen[index] {
            sink.warning(
                participantsFile, line: index + 2,
                "participant \(participant.id) (\(participant.name)) has no inquiries")
        }
        season.warnings = sink.warnings
        season.warningsNotKept = sink.warningCount - sink.warnings.count
        return season
    }

    static func decodeUTF8(_ bytes: [UInt8], file: String, sink: inout DiagnosticSink) -> String? {
        guard checkText(bytes, file: file, sink: &sink) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    /// inquiries.csv is read in chunks: here only the checks of the file as a whole.
    static func checkInquiries(_ source: FileBytes, sink: inout DiagnosticSink) -> CSVTable.Stream? {
        let file = inquiriesFile
        // `source` (a parameter) lives through this call: its buffer may be used directly.
        let bytes = source.buffer
        guard checkText(bytes, file: file, sink: &sink) else { return nil }
        guard bytes.contains(where: { $0 != 0xEF && $0 != 0xBB && $0 != 0xBF && $0 != 10 && $0 != 13 && $0 != 32 })
        else {
            sink.error(file, line: 1, "is empty; expected a header line")
            return nil
        }
        do { return try CSVTable.Stream(source: source) } catch {
            report(error, file: file, sink: &sink)
            return nil
        }
    }

    static func report(_ error: CSVTable.ReadError, file: String, sink: inout DiagnosticSink) {
        switch error {
        case .unterminatedQuote(let line):
            sink.error(file, line: line, "a quoted field is never closed; expected a closing \"")
        case .textAfterClosingQuote(let line, let column):
            sink.error(
                file, line: line, column: column,
                "text after a closing quote; expected a delimiter or the end of the line")
        case .tooLarge: sink.error(file, "is larger than 2 GB")
        }
    }

    /// A CSV file must be UTF-8 text without NUL bytes; the line of the first problem is named.
    static func checkText(_ bytes: [UInt8], file: String, sink: inout DiagnosticSink) -> Bool {
        bytes.withUnsafeBufferPointer { checkText($0, file: file, sink: &sink) }
    }

    static func checkText(_ bytes: UnsafeBufferPointer<UInt8>, file: String, sink: inout DiagnosticSink) -> Bool {
        guard let problem = firstTextProblem(bytes) else { return true }
        switch problem {
        case .invalidUTF8(let at):
            sink.error(
                file, line: 1 + bytes[..<at].reduce(0) { $1 == 10 ? $0 + 1 : $0 },
                "not valid UTF-8; expected the file saved as UTF-8")
        case .nul(let at):
            sink.error(
                file, line: 1 + bytes[..<at].reduce(0) { $1 == 10 ? $0 + 1 : $0 },
                "holds a NUL byte; expected a text file")
        }
        return false
    }

    static func readCSV(_ bytes: [UInt8], file: String, sink: inout DiagnosticSink) -> CSVTable? {
        guard checkText(bytes, file: file, sink: &sink) else { return nil }
        do {
            let table = try CSVTable(bytes: bytes)
            if table.rowCount == 0 {
                sink.error(file, line: 1, "is empty; expected a header line")
                return nil
            }
            return table
        } catch {
            report(error, file: file, sink: &sink)
            return nil
        }
    }

    /// Header columns by lowercased, trimmed name → index; duplicated names are errors.
    static func headerIndex(_ table: CSVTable, file: String, sink: inout DiagnosticSink) -> [String: Int] {
        var index: [String: Int] = [:]
        for column in 0..<table.fieldCount(row: 0) {
            let name = table.field(row: 0, column: column).trimmingCharacters(in: .whitespaces).lowercased()
            if index[name] != nil {
                sink.error(
                    file, line: table.line(row: 0), column: column + 1, "column \"\(name)\" appears twice in the header"
                )
            } else {
                index[name] = column
            }
        }
        return index
    }

    static func readParticipants(_ table: CSVTable, sink: inout DiagnosticSink) -> ([Participant], [String]) {
        let file = participantsFile
        let header = headerIndex(table, file: file, sink: &sink)
        guard let idColumn = header["id"], let nameColumn = header["name"], let classColumn = header["class"] else {
            let missing = ["id", "name", "class"].filter { header[$0] == nil }
            sink.error(
                file, line: 1,
                "missing column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", ")); expected the header id,name,class"
            )
            return ([], [])
        }
        var result: [Participant] = []
        var ids: [String: Int] = [:]
        var lines: [Int] = []
        let width = table.fieldCount(row: 0)
        for row in 1..<max(1, table.rowCount) {
            let line = table.line(row: row)
            guard table.fieldCount(row: row) == width else {
                sink.error(
                    file, line: line, "expected \(width) fields as in the header, found \(table.fieldCount(row: row))")
                continue
            }
            let id = table.field(row: row, column: idColumn).trimmingCharacters(in: .whitespaces)
            let name = table.field(row: row, column: nameColumn).trimmingCharacters(in: .whitespaces)
            let className = table.field(row: row, column: classColumn).trimmingCharacters(in: .whitespaces)
            if id.isEmpty {
                sink.error(file, line: line, column: idColumn + 1, "empty id; expected a participant id")
                continue
            }
            if let first = ids[id] {
                sink.error(
                    file, line: line, column: idColumn + 1, "duplicate participant id \(id) (first on line \(first))")
                continue
            }
            if name.isEmpty {
                sink.error(file, line: line, column: nameColumn + 1, "empty name; expected the participant's name")
            }
            if className.isEmpty {
                sink.error(file, line: line, column: classColumn + 1, "empty class; expected the participant's class")
            }
            ids[id] = line
            result.append(Participant(id: id, name: name, className: className, classIndex: -1))
            lines.append(line)
        }
        checkSpellings(result, lines: lines, nameColumn: nameColumn + 1, classColumn: classColumn + 1, sink: &sink)
        let classes = Array(Set(result.map(\.className))).sorted(by: NorwegianCollation.less)
        let classIndex = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        for i in result.indices { result[i].classIndex = classIndex[result[i].className]! }
        return (result, classes)
    }

    /// Rules 1–5 for every inquiry, stored in the season's columns. Large seasons are scored on
    /// two threads, each with its own scorer (its caches are not shared) over half the inquiries.
    static func score(_ season: inout Season) {
        let definition = season.definition
        var columns = season.inquiries
        season.inquiries = InquiryColumns()  // sole owner: no copy of the answers when written below
        let questionCount = columns.questionCount
        let areaCount = definition.areas.count
        let count = columns.count
        columns.areaCount = areaCount
        var answered = [Bool](repeating: false, count: count)
        var waits = [Double](repeating: .nan, count: count)
        var areaScores = [Double](repeating: .nan, count: count * areaCount)
        var totals = [Double](repeating: 0, count: count)
        let channel = columns.channel
        let contactedAt = columns.contactedAt
        let answeredAtColumn = columns.answeredAt
        let attempts = columns.attempts
        let parts = count >= 20_000 ? 2 : 1
        // Each part's inquiries that count as no answer, cleared of their answers below (rule 2).
        var unanswered = [[Int]](repeating: [], count: parts)
        // The scorers read the answers; the copy is let go before they are cleared (no copy-on-write).
        do {
            let answers = columns.answers
            areaScores.withUnsafeMutableBufferPointer { areaBuffer in
                answered.withUnsafeMutableBufferPointer { answeredBuffer in
                    waits.withUnsafeMutableBufferPointer { waitBuffer in
                        totals.withUnsafeMutableBufferPointer { totalBuffer in
                            unanswered.withUnsafeMutableBufferPointer { unansweredBuffer in
                                // Each part writes only its own range of these buffers.
                                nonisolated(unsafe) let areas = areaBuffer
                                nonisolated(unsafe) let answeredResults = answeredBuffer
                                nonisolated(unsafe) let waitResults = waitBuffer
                                nonisolated(unsafe) let totalResults = totalBuffer
                                nonisolated(unsafe) let unansweredResults = unansweredBuffer
                                DispatchQueue.concurrentPerform(iterations: parts) { part in
                                    let scorer = InquiryScorer(definition: definition)
                                    let start = count * part / parts
                                    let end = count * (part + 1) / parts
                                    let row = UnsafeMutableBufferPointer<Double>.allocate(capacity: questionCount)
                                    defer { row.deallocate() }
                                    for i in start..<end {
                                        let answeredAt =
                                            answeredAtColumn[i] == Int64.min
                                            ? nil : LocalDateTime(secondsSinceEpoch: answeredAtColumn[i])
                                        answers.decode(i, into: row)
                                        let scored = scorer.score(
                                            channel: Int(channel[i]),
                                            contactedAt: LocalDateTime(secondsSinceEpoch: contactedAt[i]),
                                            answeredAt: answeredAt, attempts: Int(attempts[i]),
                                            raw: UnsafeBufferPointer(row),
                                            areaScores: UnsafeMutableBufferPointer(
                                                rebasing: areas[(i * areaCount)..<(i * areaCount + areaCount)]))
                                        answeredResults[i] = scored.answered
                                        waitResults[i] = scored.waitSeconds ?? .nan
                                        totalResults[i] = scored.total
                                        if !scored.answered { unansweredResults[part].append(i) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        // An inquiry that counts as no answer has no question answers (rule 2), whatever its cells hold.
        for part in unanswered {
            for i in part { columns.answers.clear(i) }
        }
        columns.answered = answered
        columns.waitSeconds = waits
        columns.areaScores = areaScores
        columns.total = totals
        season.inquiries = columns
    }
}
