/// Text from a season's files or from a statement, made safe to print on a terminal, and wrapped to its width.
///
/// A name or comment may hold control characters: `ESC [2J` clears the screen, `ESC ]0;…BEL` sets the window
/// title, `\r` overwrites the line. Printed raw they act on the terminal and break a table's alignment, so
/// every control character is shown as a visible escape, one column per character like any other text.
public enum TerminalSafeText {
    /// Control characters (C0, DEL, C1, the Unicode line and paragraph separators) as visible escapes:
    /// `\e` for ESC, `\r`, `\t`, `\n`, `\u{7}` for the others. Everything else is kept as it is.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isControl(scalar) else {
                out.append(scalar)
                continue
            }
            out.append(contentsOf: visible(scalar).unicodeScalars)
        }
        return String(out)
    }

    /// Like `escaped`, but a line break (`\n`, `\r\n`) ends the line as it should: for text of several lines.
    public static func escapedKeepingLines(_ text: String) -> String {
        // Split by scalars: `\r\n` is one Character, and must end a line too.
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in escaped(String(String.UnicodeScalarView(line.last == "\r" ? line.dropLast() : line))) }
            .joined(separator: "\n")
    }

    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
    }

    static func visible(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x1B: return "\\e"
        case 0x0D: return "\\r"
        case 0x0A: return "\\n"
        case 0x09: return "\\t"
        default: return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }

    /// Each line of `text` broken at spaces so that no line is wider than `width` display columns; a word
    /// wider than that is cut. Lines that fit are kept exactly (their indentation too).
    public static func wrapped(_ text: String, width: Int) -> String {
        let limit = max(1, width)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { wrapLine(String($0), width: limit) }
            .joined(separator: "\n")
    }

    /// One line wrapped; its indentation (up to half the width) starts every line it becomes.
    static func wrapLine(_ line: String, width: Int) -> [String] {
        guard DisplayWidth.of(line) > width else { return [line] }
        let indentation = String(line.prefix { $0 == " " }.prefix(width / 2))
        let body = String(line.dropFirst(indentation.count))
        return wrapWords(body, width: width - indentation.count).map { indentation + $0 }
    }

    /// A line broken between words (runs of spaces kept), by the one word wrapper.
    static func wrapWords(_ line: String, width: Int) -> [String] {
        TextWrap.lines(line, width: width, keepingSpaces: true)
    }
}
