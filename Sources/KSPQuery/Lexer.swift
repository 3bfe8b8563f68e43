/// Tokens of the query language.
public enum TokenKind: Sendable, Equatable {
    /// A bare word: keyword, metric, dimension, value, date (`2024-03-01`), alias (`e-post`).
    case word(String)
    case string(String)
    case number(Double)
    case comma, leftParen, rightParen
    case op(CompareOp)
    case end
}

public enum CompareOp: String, Sendable {
    case eq = "=", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
}

public struct Token: Sendable, Equatable {
    /// A long text cut for messages: 40 characters and an ellipsis.
    public static func clip(_ s: String) -> String { s.count > 40 ? String(s.prefix(40)) + "…" : s }

    public var kind: TokenKind
    public var range: SourceRange

    /// The word, lowercased, when the token is a bare word.
    public var keyword: String? { if case let .word(w) = kind { return w.lowercased() } else { return nil } }

    public var display: String {
        switch kind {
        case let .word(w): return "\"\(Token.clip(w))\""
        case let .string(s): return "\"\(Token.clip(s))\""
        case let .number(n): return n == n.rounded() && abs(n) < 1e15 ? "\(Int(n))" : "\(n)"
        case .comma: return "\",\""
        case .leftParen: return "\"(\""
        case .rightParen: return "\")\""
        case let .op(o): return "\"\(o.rawValue)\""
        case .end: return "the end of the statement"
        }
    }
}

/// Splits one statement into tokens. `--` starts a comment to the end of the line.
public enum Lexer {
    public static let maxTokens = 2_000_000

    public static func tokenize(_ source: String) throws(LexError) -> [Token] {
        let c = Array(source)
        var tokens: [Token] = []
        var i = 0
        func isWordChar(_ ch: Character) -> Bool {
            ch.isLetter || ch.isNumber || ch == "_" || ch == "-" || ch == "." || ch == "+" || ch == "/" || ch == "&" || ch == ":"
        }
        while i < c.count {
            let ch = c[i]
            if ch.isWhitespace { i += 1; continue }
            if ch == "-" && i + 1 < c.count && c[i + 1] == "-" {
                while i < c.count && c[i] != "\n" { i += 1 }
                continue
            }
            if tokens.count >= maxTokens {
                throw LexError(range: SourceRange(i, i + 1), message: "statement too long: more than \(maxTokens) tokens", hint: nil)
            }
            let start = i
            switch ch {
            case ",": tokens.append(Token(kind: .comma, range: SourceRange(i, i + 1))); i += 1
            case "(": tokens.append(Token(kind: .leftParen, range: SourceRange(i, i + 1))); i += 1
            case ")": tokens.append(Token(kind: .rightParen, range: SourceRange(i, i + 1))); i += 1
            case "=":
                i += 1
                if i < c.count && c[i] == "=" { i += 1 }
                tokens.append(Token(kind: .op(.eq), range: SourceRange(start, i)))
            case "!":
                guard i + 1 < c.count && c[i + 1] == "=" else {
                    throw LexError(range: SourceRange(i, i + 1), message: "expected != after !", hint: nil)
                }
                i += 2
                tokens.append(Token(kind: .op(.ne), range: SourceRange(start, i)))
            case "<", ">":
                i += 1
                if i < c.count && c[i] == "=" {
                    i += 1
                    tokens.append(Token(kind: .op(ch == "<" ? .le : .ge), range: SourceRange(start, i)))
                } else if ch == "<" && i < c.count && c[i] == ">" {
                    i += 1
                    tokens.append(Token(kind: .op(.ne), range: SourceRange(start, i)))
                } else {
                    tokens.append(Token(kind: .op(ch == "<" ? .lt : .gt), range: SourceRange(start, i)))
                }
            case "\"", "'", "“", "”", "«":
                let close: Character = ch == "«" ? "»" : ch == "“" ? "”" : ch
                i += 1
                var text = ""
                while true {
                    guard i < c.count else {
                        throw LexError(range: SourceRange(start, c.count), message: "this quote is never closed; expected a closing \(close)", hint: nil)
                    }
                    if c[i] == close || (close == "”" && c[i] == "\"") {
                        if i + 1 < c.count && c[i + 1] == close && close != "»" { text.append(close); i += 2; continue }
                        break
                    }
                    text.append(c[i]); i += 1
                }
                i += 1
                tokens.append(Token(kind: .string(text), range: SourceRange(start, i)))
            default:
                guard isWordChar(ch) else {
                    throw LexError(range: SourceRange(i, i + 1), message: "unexpected character \"\(ch)\"", hint: nil)
                }
                var text = ""
                while i < c.count && isWordChar(c[i]) {
                    if c[i] == "-" && i + 1 < c.count && c[i + 1] == "-" { break }
                    text.append(c[i]); i += 1
                }
                if let n = numberValue(text) {
                    tokens.append(Token(kind: .number(n), range: SourceRange(start, i)))
                } else {
                    tokens.append(Token(kind: .word(text), range: SourceRange(start, i)))
                }
            }
        }
        tokens.append(Token(kind: .end, range: SourceRange(c.count, c.count)))
        return tokens
    }

    /// `50`, `-3`, `10.5`; not `2024-03-01` or `1e309` (too large to be a finite number).
    static func numberValue(_ text: String) -> Double? {
        guard let first = text.first, first.isNumber || first == "-" || first == "+" else { return nil }
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }) else { return nil }
        guard text.dropFirst().allSatisfy({ $0 != "-" && $0 != "+" }) else { return nil }
        guard let v = Double(text), v.isFinite else { return nil }
        return v
    }
}
