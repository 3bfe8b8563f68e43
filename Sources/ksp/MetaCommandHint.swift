import KSPQuery

/// `help`, `exit`, `mode csv` typed without the dot: a statement that fails to parse and starts with the
/// name of a meta-command gets "did you mean .help?" instead of a suggestion from the query language.
enum MetaCommandHint {
    /// First words that are meta-commands and never start a statement (`questions` and `participants`
    /// are left out: they are words of the language too).
    static let commands: [String: String] = [
        "help": ".help", "h": ".help", "exit": ".exit", "quit": ".quit", "q": ".quit", "load": ".load",
        "reload": ".reload", "mode": ".mode", "output": ".output", "read": ".read", "timer": ".timer",
        "classes": ".classes", "schema": ".schema", "minbase": ".minbase", "seed": ".seed", "pager": ".pager",
    ]

    static func adding(to error: any QueryDiagnostic, statement: String) -> any QueryDiagnostic {
        let firstWord = statement.prefix { !$0.isWhitespace && $0 != ";" }.lowercased()
        guard let command = commands[firstWord] else { return error }
        return EvaluationError(error.range, error.message, hint: "did you mean \(command)?")
    }
}
