/// One problem found while loading a season: where it is and what was expected.
public struct SeasonDiagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    /// File name within the season directory (`inquiries.csv`), or the directory itself.
    public var file: String
    /// 1-based line; 0 when the problem is the file as a whole.
    public var line: Int
    /// 1-based column (a CSV field number counts from 1; YAML counts characters); 0 when not known.
    public var column: Int
    public var message: String
    /// In a workbook: the sheet and cell (`Ark1!G17`), shown instead of line and column.
    public var cell: String?

    public init(_ severity: Severity, file: String, line: Int = 0, column: Int = 0, _ message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `inquiries.csv:12:5: error: unknown channel "fax"; expected one of phone, chat`
    public var description: String {
        var place = file
        if let cell {
            place += ":" + cell
        } else {
            if line > 0 { place += ":\(line)" }
            if line > 0 && column > 0 { place += ":\(column)" }
        }
        return "\(place): \(severity.rawValue): \(message)"
    }
}

/// A season that could not be loaded: every error found (up to a cap), and the warnings.
public struct SeasonLoadError: Error, Sendable, CustomStringConvertible {
    public var directory: String
    public var errors: [SeasonDiagnostic]
    public var warnings: [SeasonDiagnostic]
    /// True when more errors were found than are listed.
    public var truncated: Bool

    public var description: String {
        var lines = [
            "cannot load season \(directory): \(errors.count)\(truncated ? "+" : "") error\(errors.count == 1 ? "" : "s")"
        ]
        lines += errors.map { "  " + $0.description }
        if truncated { lines.append("  … more errors not shown (fix these first)") }
        return lines.joined(separator: "\n")
    }
}

/// Collects diagnostics with a cap on errors, so a badly broken export does not flood the screen.
struct DiagnosticSink {
    static let errorCap = 100
    var errors: [SeasonDiagnostic] = []
    var warnings: [SeasonDiagnostic] = []
    var truncated = false
    var warningCount = 0

    mutating func error(_ file: String, line: Int = 0, column: Int = 0, _ message: String) {
        if errors.count >= DiagnosticSink.errorCap {
            truncated = true
            return
        }
        errors.append(SeasonDiagnostic(.error, file: file, line: line, column: column, message))
    }

    /// Warnings kept with their text; past this they are only counted.
    static let warningCap = 1000

    /// The message is made only for a warning that is kept: a season where every shopper visits
    /// every participant many times has hundreds of thousands of repeat-contact warnings.
    mutating func warning(_ file: String, line: Int = 0, column: Int = 0, _ message: @autoclosure () -> String) {
        warningCount += 1
        if warnings.count >= DiagnosticSink.warningCap { return }
        warnings.append(SeasonDiagnostic(.warning, file: file, line: line, column: column, message()))
    }

    var isFull: Bool { truncated }
}
