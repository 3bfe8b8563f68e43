import CEditLine
import Foundation
import KSPCore
import KSPQuery

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
            let prefix = String(line.utf8.prefix(Int(start))).map { $0 } ?? ""
            Completion.matches = Completion.candidates(prefix: prefix, word: word)
            ksp_set_attempted_completion_over(1)
            if Completion.matches.isEmpty { return nil }
            return ksp_completion_matches(text) { _, state in
                let i = Int(state)
                guard i < Completion.matches.count else { return nil }
                return strdup(Completion.matches[i])
            }
        }
    }

    /// What may follow `prefix`, starting with `word`.
    static func candidates(prefix: String, word: String) -> [String] {
        guard let s = session?.season else { return [] }
        let trimmed = prefix.trimmingCharacters(in: .whitespaces)
        let lowerWord = word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        func filter(_ options: [String]) -> [String] {
            Array(Set(options.filter { $0.lowercased().hasPrefix(lowerWord) })).sorted(by: NorwegianCollation.less)
        }
        if trimmed.isEmpty && word.hasPrefix(".") { return filter(Session.metaCommands) }
        if trimmed.hasPrefix(".load") || trimmed.hasPrefix(".read") || trimmed.hasPrefix(".output") { return paths(word) }
        // After `DIM =`, `DIM !=`, `DIM in (` or a comma inside such a list: the dimension's values.
        let tokens = trimmed.lowercased().split(whereSeparator: { $0 == " " || $0 == "(" || $0 == "," || $0 == "=" || $0 == "!" })
        if let d = valueDimension(trimmed), let dim = Dimension.named(d) {
            _ = tokens
            return filter(dim.candidates(s)).map { word.hasPrefix("\"") || $0.contains(" ") ? "\"\($0)\"" : $0 }
        }
        if trimmed.lowercased().hasSuffix("area =") || trimmed.lowercased().hasSuffix("area=") {
            return filter(s.definition.areas.map(\.id))
        }
        var words = Parser.allKeywords + Dimension.names + ["date"]
        words += Array(Metric.fixedNames.keys) + s.definition.areas.map(\.id) + s.definition.questions.map(\.id)
        return filter(words)
    }

    /// The dimension whose value is being typed: `class = `, `participant in (A, `.
    static func valueDimension(_ prefix: String) -> String? {
        var p = prefix.lowercased()
        // Inside an open `in (` list: look back to the dimension before `in`.
        if let open = p.range(of: "(", options: .backwards), !p[open.upperBound...].contains(")") {
            let before = p[..<open.lowerBound].trimmingCharacters(in: .whitespaces)
            let words = before.split(separator: " ")
            if words.count >= 2, words.last == "in" {
                let dim = words.count >= 3 && words[words.count - 2] == "not" ? words[words.count - 3] : words[words.count - 2]
                return String(dim)
            }
        }
        p = p.trimmingCharacters(in: .whitespaces)
        for op in ["!=", "="] where p.hasSuffix(op) {
            let before = p.dropLast(op.count).trimmingCharacters(in: .whitespaces)
            return before.split(separator: " ").last.map(String.init)
        }
        if p.hasSuffix(" vs") || p.hasPrefix("compare ") {
            let words = p.split(separator: " ")
            if words.count >= 2, words[0] == "compare" { return String(words[1]) }
        }
        return nil
    }

    static func paths(_ word: String) -> [String] {
        let expanded = (word as NSString).expandingTildeInPath
        let dir = expanded.hasSuffix("/") ? expanded : (expanded as NSString).deletingLastPathComponent
        let base = expanded.hasSuffix("/") ? "" : (expanded as NSString).lastPathComponent
        let listDir = dir.isEmpty ? "." : dir
        guard let items = try? FileManager.default.contentsOfDirectory(atPath: listDir) else { return [] }
        let shownDir = word.hasSuffix("/") ? word : (word as NSString).deletingLastPathComponent
        return items.filter { $0.hasPrefix(base) && !$0.hasPrefix(".") || (base.hasPrefix(".") && $0.hasPrefix(base)) }.sorted().map { item in
            var isDir: ObjCBool = false
            FileManager.default.fileExists(atPath: (listDir as NSString).appendingPathComponent(item), isDirectory: &isDir)
            let shown = shownDir.isEmpty ? item : (shownDir.hasSuffix("/") ? shownDir + item : shownDir + "/" + item)
            return isDir.boolValue ? shown + "/" : shown
        }
    }
}
