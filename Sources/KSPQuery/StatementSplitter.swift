/// Cuts input into statements: a statement ends at the end of a line or at `;`, unless a quote
/// or parenthesis is still open, in which case it continues on the next line. A line starting
/// with `.` is a meta-command and ends at the end of its line. `--` starts a comment.
public struct StatementSplitter {
    public struct Piece: Sendable, Equatable {
        public var text: String
        /// 1-based line where the piece starts.
        public var line: Int
        public var isMeta: Bool
    }

    private var pending = ""
    private var pendingLine = 0
    private var lineNumber = 0

    public init() {}

    /// True while a statement is open across lines (for a continuation prompt).
    public var isContinuing: Bool { !pending.isEmpty }

    /// Feeds one line (without its newline); returns the complete pieces it finished.
    public mutating func feed(_ line: String) -> [Piece] {
        lineNumber += 1
        if pending.isEmpty {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix(".") { return [Piece(text: trimmed, line: lineNumber, isMeta: true)] }
            pendingLine = lineNumber
        } else {
            pending += "\n"
        }
        var pieces: [Piece] = []
        var quote: Character?
        var depth = 0
        var current = pending
        var startLine = pendingLine
        // Re-scan what is pending plus the new line, so quote and paren state is exact.
        let text = pending + line
        current = ""
        var chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if let q = quote {
                current.append(c)
                if c == q || (q == "”" && c == "\"") { quote = nil }
                i += 1; continue
            }
            if c == "-" && i + 1 < chars.count && chars[i + 1] == "-" {
                // Comment to the end of this physical line.
                while i < chars.count && chars[i] != "\n" { i += 1 }
                continue
            }
            switch c {
            case "\"", "'", "“", "«": quote = c == "“" ? "”" : c == "«" ? "»" : c
            case "(": depth += 1
            case ")": depth = max(0, depth - 1)
            default: break
            }
            if c == ";" && depth == 0 {
                if !current.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    pieces.append(Piece(text: current.trimmingCharacters(in: .whitespacesAndNewlines), line: startLine, isMeta: false))
                }
                current = ""
                startLine = lineNumber
                i += 1; continue
            }
            current.append(c)
            i += 1
        }
        chars = []
        if quote != nil || depth > 0 {
            pending = current
            pendingLine = startLine
            if pending.isEmpty { pending = " " }
        } else {
            pending = ""
            if !current.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                pieces.append(Piece(text: current.trimmingCharacters(in: .whitespacesAndNewlines), line: startLine, isMeta: false))
            }
        }
        return pieces
    }

    /// At the end of input: what is still open, as a final (incomplete) statement.
    public mutating func finish() -> Piece? {
        defer { pending = "" }
        let t = pending.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : Piece(text: t, line: pendingLine, isMeta: false)
    }
}

import Foundation
