/// Cuts input into statements: a statement ends at the end of a line or at `;`, unless a quote
/// or parenthesis is still open, in which case it continues on the next line. A piece starting
/// with `.` is a meta-command and ends at the end of its line or at a `;` outside double quotes
/// (`.output out.txt; total by class`). `--` starts a comment.
///
/// The state of an open statement is kept between lines, so each line is scanned once: a script
/// with a quote that never closes is split in linear time.
public struct StatementSplitter {
    public struct Piece: Sendable, Equatable {
        public var text: String
        /// 1-based line where the piece starts.
        public var line: Int
        public var isMeta: Bool
        /// Set on the last piece of the input when a quote opened in it never closed.
        public var unclosedQuote: OpenQuote? = nil
    }

    /// Where a quote that never closed was opened: to point at it instead of the end of the script.
    public struct OpenQuote: Sendable, Equatable {
        public var mark: Character
        /// 1-based line and column (in characters) of the opening quote.
        public var line: Int
        public var column: Int
        /// The line holding the quote, for showing it with a caret.
        public var lineText: String
    }

    /// The statement being collected.
    private var current = ""
    private var currentLine = 0
    private var quote: Character?
    private var openQuote: OpenQuote?
    private var depth = 0
    private var lineNumber = 0

    public init() {}

    /// True while a statement is open across lines (for a continuation prompt).
    public var isContinuing: Bool { quote != nil || depth > 0 }

    /// Feeds one line (without its newline); returns the complete pieces it finished.
    public mutating func feed(_ line: String) -> [Piece] {
        lineNumber += 1
        var pieces: [Piece] = []
        let chars = Array(line)
        var index = 0
        if isContinuing {
            current.append("\n")
        } else {
            index = startOfPiece(chars, from: 0, into: &pieces)
        }
        while index < chars.count {
            let c = chars[index]
            if let open = quote {
                current.append(c)
                if c == open || (open == "”" && c == "\"") {
                    quote = nil
                    openQuote = nil
                }
                index += 1
                continue
            }
            if c == "-" && index + 1 < chars.count && chars[index + 1] == "-" {
                // A comment runs to the end of this line.
                break
            }
            switch c {
            case "\"", "'", "“", "«":
                let closing: Character = c == "“" ? "”" : c == "«" ? "»" : c
                quote = closing
                openQuote = OpenQuote(mark: c, line: lineNumber, column: index + 1, lineText: line)
            case "(":
                depth += 1
            case ")":
                depth = max(0, depth - 1)
            default:
                break
            }
            if c == ";" && depth == 0 {
                finishStatement(into: &pieces)
                index = startOfPiece(chars, from: index + 1, into: &pieces)
                continue
            }
            current.append(c)
            index += 1
        }
        if !isContinuing { finishStatement(into: &pieces) }
        return pieces
    }

    /// At the end of input: what is still open, as a final (incomplete) statement.
    public mutating func finish() -> Piece? {
        defer {
            current = ""
            quote = nil
            openQuote = nil
            depth = 0
        }
        let text = current.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        return Piece(text: text, line: currentLine, isMeta: false, unclosedQuote: quote == nil ? nil : openQuote)
    }

    /// At the start of a piece: each meta-command runs to a `;` outside double quotes or the end of the
    /// line and is added whole; returns where the next statement starts.
    private mutating func startOfPiece(_ chars: [Character], from start: Int, into pieces: inout [Piece]) -> Int {
        var pieceStart = start
        while true {
            var index = pieceStart
            while index < chars.count && (chars[index] == " " || chars[index] == "\t") { index += 1 }
            currentLine = lineNumber
            guard index < chars.count && chars[index] == "." else { return pieceStart }
            var end = index
            var quoted = false
            while end < chars.count && (quoted || chars[end] != ";") {
                if chars[end] == "\"" { quoted.toggle() }
                end += 1
            }
            let text = String(chars[index..<end]).trimmingCharacters(in: .whitespaces)
            pieces.append(Piece(text: text, line: lineNumber, isMeta: true))
            guard end < chars.count else { return end }
            pieceStart = end + 1
        }
    }

    private mutating func finishStatement(into pieces: inout [Piece]) {
        let text = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !text.isEmpty { pieces.append(Piece(text: text, line: currentLine, isMeta: false)) }
        // Emptied for `finish`; the next statement's line is set where it starts (`startOfPiece`).
        current = ""
    }
}
