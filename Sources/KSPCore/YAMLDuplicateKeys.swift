import Yams

/// Finds where a key given twice in one YAML mapping is given the second time. Yams stops at the
/// first duplicate and points at the first occurrence only, so the first occurrence's first
/// character is replaced by a private-use character (same column count, a key no file holds)
/// and the text composed again; the renamed key's mapping then shows the second occurrence.
enum YAMLDuplicateKeys {
    struct Duplicate {
        var key: String
        var first: Mark
        /// nil when the second occurrence could not be found (the first is still named).
        var second: Mark?
    }

    /// Rounds of renaming: each finds one more duplicate; a file with more gets the rest later.
    static let maxRounds = 20

    static func locate(in text: String, key: String, firstMark: Mark) -> [Duplicate] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { Array(String($0).unicodeScalars) }
        var renamed: [(key: String, mark: Mark)] = []
        var nextKey = key
        var nextMark = firstMark
        for round in 0..<maxRounds {
            let lineIndex = nextMark.line - 1
            let columnIndex = nextMark.column - 1
            guard lines.indices.contains(lineIndex), lines[lineIndex].indices.contains(columnIndex),
                let marker = Unicode.Scalar(0xE000 + round)
            else { break }
            lines[lineIndex][columnIndex] = marker
            renamed.append((nextKey, nextMark))
            let working = lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n")
            do {
                guard let root = try Yams.compose(yaml: working, .basic) else { break }
                return renamed.map {
                    Duplicate(key: $0.key, first: $0.mark, second: secondMark(of: $0, in: root, renamed: renamed))
                }
            } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
                guard let name = duplicates.first else { break }
                nextKey = name
                nextMark = context.mark
            } catch {
                break
            }
        }
        return renamed.map { Duplicate(key: $0.key, first: $0.mark, second: nil) }
    }

    private static func sameMark(_ a: Mark?, _ b: Mark) -> Bool { a?.line == b.line && a?.column == b.column }

    /// The key after the renamed one, in its mapping, that spells the same (or was renamed from it).
    private static func secondMark(
        of first: (key: String, mark: Mark), in node: Node,
        renamed: [(key: String, mark: Mark)]
    ) -> Mark? {
        switch node {
        case .mapping(let mapping):
            let keys = Array(mapping.keys)
            if let at = keys.firstIndex(where: { sameMark($0.mark, first.mark) }) {
                for later in keys[(at + 1)...] {
                    let wasRenamedFromKey = renamed.contains { sameMark(later.mark, $0.mark) && $0.key == first.key }
                    if later.string == first.key || wasRenamedFromKey { return later.mark }
                }
            }
            for (key, value) in mapping {
                if let found = secondMark(of: first, in: key, renamed: renamed) { return found }
                if let found = secondMark(of: first, in: value, renamed: renamed) { return found }
            }
            return nil
        case .sequence(let sequence):
            for item in sequence {
                if let found = secondMark(of: first, in: item, renamed: renamed) { return found }
            }
            return nil
        case .scalar, .alias:
            return nil
        }
    }
}
