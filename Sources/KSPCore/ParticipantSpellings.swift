extension SeasonLoader {
    /// Classes and participant names match in any case in statements (`class = bank`), so two
    /// spellings that differ only by case (`Bank`, `BANK`) would be two groups of which a
    /// statement can select only one: refused, naming both spellings and their lines.
    static func checkSpellings(
        _ participants: [Participant], lines: [Int], nameColumn: Int, classColumn: Int,
        sink: inout DiagnosticSink
    ) {
        var firstClass: [String: (spelling: String, line: Int)] = [:]
        var firstName: [String: (spelling: String, line: Int)] = [:]
        for (index, participant) in participants.enumerated() {
            let line = lines[index]
            let classKey = participant.className.lowercased()
            if let first = firstClass[classKey] {
                if first.spelling != participant.className {
                    sink.error(
                        participantsFile, line: line, column: classColumn,
                        "class \"\(participant.className)\" differs from class \"\(first.spelling)\" (line "
                            + "\(first.line)) only by case; expected one spelling")
                }
            } else {
                firstClass[classKey] = (participant.className, line)
            }
            let nameKey = participant.name.lowercased()
            if let first = firstName[nameKey] {
                if first.spelling != participant.name {
                    sink.error(
                        participantsFile, line: line, column: nameColumn,
                        "participant name \"\(participant.name)\" differs from \"\(first.spelling)\" (line "
                            + "\(first.line)) only by case; expected one spelling")
                }
            } else {
                firstName[nameKey] = (participant.name, line)
            }
        }
    }
}
