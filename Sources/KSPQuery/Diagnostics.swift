import KSPCore

/// A span of a statement, in characters from its start.
public struct SourceRange: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = max(end, start)
    }
}

/// What every query error can say: where, what, and a suggestion for a near miss.
/// Each phase has its own error type (lexing, parsing, evaluation), as in a Lox interpreter.
public protocol QueryDiagnostic: Error, Sendable {
    var range: SourceRange { get }
    var message: String { get }
    /// `did you mean total?` and the like.
    var hint: String? { get }
}

public struct LexError: QueryDiagnostic {
    public var range: SourceRange
    public var message: String
    public var hint: String?
}

public struct ParseError: QueryDiagnostic {
    public var range: SourceRange
    public var message: String
    public var hint: String?
}

public struct EvaluationError: QueryDiagnostic {
    /// A fault in the statement, or the user stopping it (Ctrl-C): told apart by type, not by text.
    public enum Kind: Sendable, Equatable {
        case invalid
        case interrupted
    }

    public var range: SourceRange
    public var message: String
    public var hint: String?
    public var kind: Kind = .invalid
    public init(_ range: SourceRange, _ message: String, hint: String? = nil) {
        self.range = range
        self.message = message
        self.hint = hint
    }

    /// The statement was stopped by the user before it finished.
    public static var interrupted: EvaluationError {
        var error = EvaluationError(SourceRange(0, 0), "interrupted")
        error.kind = .interrupted
        return error
    }

    public var isInterruption: Bool { kind == .interrupted }
}

/// Near-miss suggestions by edit distance.
public enum Suggest {
    /// The candidate nearest to `word`, if it is near enough to be a likely typo.
    public static func nearest(_ word: String, in candidates: [String]) -> String? {
        let w = word.lowercased()
        var best: (String, Int)?
        for c in candidates {
            let d = distance(w, c.lowercased())
            if best == nil || d < best!.1 { best = (c, d) }
        }
        guard let (c, d) = best else { return nil }
        let limit = max(1, min(3, (w.count + 1) / 3))
        if d <= limit { return c }
        // A prefix of a long name ("Brenn" for "Brennvik Bank") is a near miss too.
        if w.count >= 3, let p = candidates.first(where: { $0.lowercased().hasPrefix(w) }) { return p }
        return nil
    }

    /// Damerau–Levenshtein distance (optimal string alignment) over characters: the one the season
    /// loader's suggestions use too.
    public static func distance(_ first: String, _ second: String) -> Int {
        NearestName.editDistance(first, second)
    }
}
