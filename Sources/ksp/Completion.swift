import CEditLine
import Foundation
import KSPCore
import KSPQuery
import KSPRender

/// Context-aware Tab completion (installed into libedit through the C shim).
enum Completion {
    nonisolated(unsafe) static var session: Session?
    nonisolated(unsafe) static var matches: [String] = []

    static func install(session: Session) {
        Completion.session = session
        ksp_set_word_break_characters(" \t\n,()=<>;")
        ksp_set_attempted_completion { text, start, _ in
            let word = text.map { String(cString: $0) } ?? ""
            let line = String(cString: ksp_line_buffer())
            // libedit counts `start` in characters of the line, not in bytes.
            let prefix = String(String.UnicodeScalarView(line.unicodeScalars.prefix(Int(start))))
            let found = Completion.completions(prefix: prefix, word: word)
            ksp_set_attempted_completion_over(1)
            guard let only = Completion.insertion(found.replacements, typed: word) else { return nil }
            // Several candidates and nothing more in common: list them (libedit's own list pads by bytes, so
            // names with æøå came out of line), and leave the line as it is.
            if found.replacements.count > 1 && only == word {
                Completion.list(found.shown)
            }
            // A folder or a part shared by several candidates is completed without a space after it.
            let complete = found.replacements.count == 1 && !only.hasSuffix("/")
            ksp_set_completion_append_character(complete ? 32 : 0)
            Completion.matches = [only]
            return ksp_completion_matches(text) { _, state in
                guard state == 0, let match = Completion.matches.first else { return nil }
                return strdup(match)
            }
        }
    }

    /// What Tab puts in place of `typed`: the one candidate, else the part all candidates share (never
    /// less than what is typed); nil when nothing fits.
    static func insertion(_ replacements: [String], typed: String) -> String? {
        guard var common = replacements.first else { return nil }
        for replacement in replacements.dropFirst() {
            common = String(zip(common, replacement).prefix { $0 == $1 }.map(\.0))
        }
        return common.count >= typed.count ? common : typed
    }

    /// Prints candidates in columns, then has libedit draw the prompt and line again.
    static func list(_ shown: [String]) {
        let text = "\r\n" + inColumns(shown, width: Terminal.width()).map { $0 + "\r\n" }.joined()
        FileHandle.standardOutput.write(Data(text.utf8))
        ksp_forced_update_display()
    }

    /// Candidates down then across in columns as wide as the widest (by display width) and two spaces.
    static func inColumns(_ shown: [String], width: Int) -> [String] {
        let widest = shown.map { DisplayWidth.of($0) }.max() ?? 0
        let columnWidth = widest + 2
        let columns = max(1, width / columnWidth)
        let rows = (shown.count + columns - 1) / columns
        var lines: [String] = []
        for row in 0..<rows {
            var line = ""
            for column in 0..<columns {
                let index = column * rows + row
                guard index < shown.count else { break }
                let cell = shown[index]
                let isLast = column == columns - 1 || index + rows >= shown.count
                line += isLast ? cell : cell + String(repeating: " ", count: columnWidth - DisplayWidth.of(cell))
            }
            lines.append(line)
        }
        return lines
    }

    /// What may replace `word`, and the same as the user should see it in a list. Inside a quote opened
    /// before `word` (`"Skjærvik B`: the space broke the word), the rest of the quoted name: what is typed
    /// since the quote stays as it is.
    static func completions(prefix: String, word: String) -> (replacements: [String], shown: [String]) {
        guard let quote = openQuote(in: prefix) else {
            let found = candidates(prefix: prefix, word: word)
            return (found, found)
        }
        let typedSinceQuote = String(prefix[quote...])
        let names = candidates(prefix: String(prefix[..<quote]), word: typedSinceQuote + word)
            .filter { $0.hasPrefix("\"") }
        return (names.map { String($0.dropFirst(typedSinceQuote.count)) }, names)
    }

    /// Where a `"` that is not yet closed starts; `""` inside a quote is a quote character in the name.
    static func openQuote(in text: String) -> String.Index? {
        var open: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "\"" {
                let next = text.index(after: index)
                if open == nil {
                    open = index
                } else if next < text.endIndex && text[next] == "\"" {
                    index = text.index(after: next)
                    continue
                } else {
                    open = nil
                }
            }
            index = text.index(after: index)
        }
        return open
    }

    /// A name as a statement must spell it: bare when the lexer reads it back as that one word (and it is no
    /// keyword), else in double quotes with each `"` in it doubled.
    static func spelled(_ name: String) -> String {
        let isKeyword = Parser.allKeywords.contains(name.lowercased())
        if !isKeyword, let tokens = try? Lexer.tokenize(name), tokens.count == 2, tokens[0].kind == .word(name) {
            return name
        }
        return quoted(name)
    }

    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// What the user has typed of a name: without the opening quote, a doubled `""` read as one `"`.
    static func typedName(_ word: String) -> String {
        guard word.hasPrefix("\"") else { return word }
        return String(word.dropFirst()).replacingOccurrences(of: "\"\"", with: "\"")
    }

    /// What may follow `prefix`, starting with `word`.
    static func candidates(prefix: String, word: String) -> [String] {
        let trimmed = prefix.trimmingCharacters(in: .whitespaces)
        let lowerWord = typedName(word).lowercased()
        func filter(_ options: [String]) -> [String] {
            Array(Set(options.filter { $0.lowercased().hasPrefix(lowerWord) })).sorted(by: NorwegianCollation.less)
        }
        if let settings = languageSettings(trimmed) { return filter(settings) }
        guard let season = session?.season else { return [] }
        if trimmed.isEmpty && word.hasPrefix(".") { return filter(Session.metaCommands) }
        if trimmed.hasPrefix(".load") || trimmed.hasPrefix(".read") || trimmed.hasPrefix(".output") {
            return paths(word)
        }
        // After `DIM =`, `DIM !=`, `DIM in (` or a comma inside such a list: the dimension's values.
        if let dimensionName = valueDimension(trimmed), let dimension = Dimension.named(dimensionName) {
            return filter(dimension.candidates(season)).map { word.hasPrefix("\"") ? quoted($0) : spelled($0) }
        }
        // `gap participant "A" to `: a target, or another participant.
        if trimmed.lowercased().hasPrefix("gap "), trimmed.lowercased().hasSuffix(" to") {
            let names = Dimension.participant.candidates(season).map { word.hasPrefix("\"") ? quoted($0) : spelled($0) }
            return filter(["winner", "class", "all"] + names)
        }
        if trimmed.lowercased().hasSuffix("area =") || trimmed.lowercased().hasSuffix("area=") {
            return filter(season.definition.areas.map(\.id))
        }
        var words = Parser.allKeywords + Dimension.names + ["date"]
        // Words of gap and drivers (not reserved: a season may name an area or question so).
        words += ["of", "to", "winner", "for"]
        if trimmed.lowercased().hasPrefix("report ") { words.append("lang") }
        words +=
            Array(Metric.fixedNames.keys) + season.definition.areas.map(\.id) + season.definition.questions.map(\.id)
        return filter(words)
    }

    /// What follows `report … lang`, `.lang` and `.labels` (no season needed).
    static func languageSettings(_ prefix: String) -> [String]? {
        let typed = prefix.lowercased()
        if typed == ".lang" || (typed.hasPrefix("report ") && typed.hasSuffix(" lang")) {
            return ReportLanguage.allCases.map(\.rawValue)
        }
        return typed == ".labels" ? ["on", "off"] : nil
    }

    /// The dimension whose value is being typed: `class = `, `participant in (A, `.
    static func valueDimension(_ prefix: String) -> String? {
        var typed = prefix.lowercased()
        // Inside an open `in (` list: look back to the dimension before `in`.
        if let open = typed.range(of: "(", options: .backwards), !typed[open.upperBound...].contains(")") {
            let before = typed[..<open.lowerBound].trimmingCharacters(in: .whitespaces)
            let words = before.split(separator: " ")
            if words.count >= 2, words.last == "in" {
                let dimensionName =
                    words.count >= 3 && words[words.count - 2] == "not"
                    ? words[words.count - 3] : words[words.count - 2]
                return String(dimensionName)
            }
        }
        typed = typed.trimmingCharacters(in: .whitespaces)
        for comparator in ["!=", "="] where typed.hasSuffix(comparator) {
            let before = typed.dropLast(comparator.count).trimmingCharacters(in: .whitespaces)
            return before.split(separator: " ").last.map(String.init)
        }
        if typed == "gap participant" { return "participant" }
        if typed.hasSuffix(" vs") || typed.hasPrefix("compare ") {
            let words = typed.split(separator: " ")
            if words.count >= 2, words[0] == "compare" { return String(words[1]) }
        }
        return nil
    }

    static func paths(_ word: String) -> [String] {
        let expanded = (word as NSString).expandingTildeInPath
        let directory = expanded.hasSuffix("/") ? expanded : (expanded as NSString).deletingLastPathComponent
        let base = expanded.hasSuffix("/") ? "" : (expanded as NSString).lastPathComponent
        let listedDirectory = directory.isEmpty ? "." : directory
        guard let items = try? FileManager.default.contentsOfDirectory(atPath: listedDirectory) else { return [] }
        let shownDirectory = word.hasSuffix("/") ? word : (word as NSString).deletingLastPathComponent
        let visible = items.filter {
            $0.hasPrefix(base) && !$0.hasPrefix(".") || (base.hasPrefix(".") && $0.hasPrefix(base))
        }
        return visible.sorted().map { item in
            var isDirectory: ObjCBool = false
            let path = (listedDirectory as NSString).appendingPathComponent(item)
            let isFolder =
                FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
            let shown =
                shownDirectory.isEmpty
                ? item : (shownDirectory.hasSuffix("/") ? shownDirectory + item : shownDirectory + "/" + item)
            return isFolder ? shown + "/" : shown
        }
    }
}
