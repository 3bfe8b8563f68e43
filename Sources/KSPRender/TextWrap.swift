/// Word wrapping by terminal columns, for long text inside a table cell (a shopper's comment).
enum TextWrap {
    /// The lines of `text` at most `width` columns wide: broken between words, a word longer than
    /// the width broken inside it. Never empty (an empty text is one empty line). `keepingSpaces`
    /// keeps runs of spaces inside a line (notes and messages as written); cells fold them.
    static func lines(_ text: String, width: Int, keepingSpaces: Bool = false) -> [String] {
        let limit = max(1, width)
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: !keepingSpaces) {
            var piece = String(word)
            var pieceWidth = DisplayWidth.of(piece)
            if lineWidth > 0 && lineWidth + 1 + pieceWidth <= limit {
                line += " " + piece
                lineWidth += 1 + pieceWidth
                continue
            }
            if lineWidth > 0 || !line.isEmpty {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            // A word wider than the cell: cut it into pieces of the width.
            while pieceWidth > limit {
                let (head, rest) = split(piece, at: limit)
                lines.append(head)
                piece = rest
                pieceWidth = DisplayWidth.of(piece)
            }
            line = piece
            lineWidth = pieceWidth
        }
        lines.append(line)
        return lines
    }

    /// The longest prefix of at most `width` columns (at least one character) and the rest.
    static func split(_ text: String, at width: Int) -> (String, String) {
        var head = ""
        var used = 0
        var index = text.startIndex
        while index < text.endIndex {
            let characterWidth = DisplayWidth.of(text[index])
            if used + characterWidth > width && !head.isEmpty {
                break
            }
            head.append(text[index])
            used += characterWidth
            index = text.index(after: index)
        }
        return (head, String(text[index...]))
    }
}
