/// Tokens of the query language.
public enum TokenKind: Sendable, Equatable {
    /// A bare word: keyword, metric, dimension, value, date (`2024-03-01`), alias (`e-post`).
    case word(String)
    case string(String)
    case number(Double)
    case comma, leftParen, rightParen
    case comparator(Comparator)
    case end
}

public enum Comparator: String, Sendable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
}

public struct Token: Sendable, Equatable {
    /// A long text cut for messages: 40 characters and an ellipsis.
    public static func clip(_ text: String) -> String { text.count > 40 ? String(text.prefix(40)) + "…" : text }

    public var kind: TokenKind
    public var range: SourceRange

    /// The word, lowercased, when the token is a bare word.
    public var keyword: String? { if case .word(let word) = kind { return word.lowercased() } else { return nil } }

    public var display: String {
        switch kind {
        case .word(let word): return "\"\(Token.clip(word))\""
        case .string(let text): return "\"\(Token.clip(text))\""
        case .number(let number):
            return number == number.rounded() && abs(number) < 1e15 ? "\(Int(number))" : "\(number)"
        case .comma: return "\",\""
        case .leftParen: return "\"(\""
        case .rightParen: return "\")\""
        case .comparator(let comparator): return "\"\(comparator.rawValue)\""
        case .end: return "the end of the statement"
        }
    }
}

/// Splits one statement into tokens. `--` starts a comment to the end of the line.
public enum Lexer {
    public static let maxTokens = 2_000_000

    public static func tokenize(_ source: String) throws(LexError) -> [Token] {
        let characters = Array(source)
        var tokens: [Token] = []
        var position = 0
        func isWordCharacter(_ character: Character) -> Bool {
            character.isLetter || character.isNumber || character == "_" || character == "-" || character == "."
                || character == "+" || character == "/" || character == "&" || character == ":"
        }
        while position < characters.count {
            let character = characters[position]
            if character.isWhitespace {
                position += 1
                continue
            }
            if character == "-" && position + 1 < characters.count && characters[position + 1] == "-" {
                while position < characters.count && characters[position] != "\n" { position += 1 }
                continue
            }
            if tokens.count >= maxTokens {
                throw LexError(
                    range: SourceRange(position, position + 1),
                    message: "statement too long: more than \(maxTokens) tokens", hint: nil)
            }
            let start = position
            switch character {
            case ",":
                tokens.append(Token(kind: .comma, range: SourceRange(position, position + 1)))
                position += 1
            case "(":
                tokens.append(Token(kind: .leftParen, range: SourceRange(position, position + 1)))
                position += 1
            case ")":
                tokens.append(Token(kind: .rightParen, range: SourceRange(position, position + 1)))
                position += 1
            case "*":
                // `report participant *`: every one; a word, so that the parser decides where it may stand.
                tokens.append(Token(kind: .word("*"), range: SourceRange(position, position + 1)))
                position += 1
            case "=":
                position += 1
                if position < characters.count && characters[position] == "=" { position += 1 }
                tokens.append(Token(kind: .comparator(.equal), range: SourceRange(start, position)))
            case "!":
                guard position + 1 < characters.count && characters[position + 1] == "=" else {
                    throw LexError(
                        range: SourceRange(position, position + 1), message: "expected != after !", hint: nil)
                }
                position += 2
                tokens.append(Token(kind: .comparator(.notEqual), range: SourceRange(start, position)))
            case "<", ">":
                position += 1
                if position < characters.count && characters[position] == "=" {
                    position += 1
                    tokens.append(
                        Token(
                            kind: .comparator(character == "<" ? .lessOrEqual : .greaterOrEqual),
                            range: SourceRange(start, position)))
                } else if character == "<" && position < characters.count && characters[position] == ">" {
                    position += 1
                    tokens.append(Token(kind: .comparator(.notEqual), range: SourceRange(start, position)))
                } else {
                    tokens.append(
                        Token(
                            kind: .comparator(character == "<" ? .less : .greater), range: SourceRange(start, position))
                    )
                }
            case "\"", "'", "“", "”", "«":
                let close: Character = character == "«" ? "»" : character == "“" ? "”" : character
                position += 1
                var text = ""
                while true {
                    guard position < characters.count else {
                        throw LexError(
                            range: SourceRange(start, characters.count),
                            message: "this quote is never closed; expected a closing \(close)", hint: nil)
                    }
                    if characters[position] == close || (close == "”" && characters[position] == "\"") {
                        if position + 1 < characters.count && characters[position + 1] == close && close != "»" {
                            text.append(close)
                            position += 2
                            continue
                        }
                        break
                    }
                    text.append(characters[position])
                    position += 1
                }
                position += 1
                tokens.append(Token(kind: .string(text), range: SourceRange(start, position)))
            default:
                guard isWordCharacter(character) else {
                    throw LexError(
                        range: SourceRange(position, position + 1), message: "unexpected character \"\(character)\"",
                        hint: nil)
                }
                var text = ""
                while position < characters.count && isWordCharacter(characters[position]) {
                    if characters[position] == "-" && position + 1 < characters.count && characters[position + 1] == "-"
                    {
                        break
                    }
                    text.append(characters[position])
                    position += 1
                }
                if let number = numberValue(text) {
                    tokens.append(Token(kind: .number(number), range: SourceRange(start, position)))
                } else {
                    tokens.append(Token(kind: .word(text), range: SourceRange(start, position)))
                }
            }
        }
        tokens.append(Token(kind: .end, range: SourceRange(characters.count, characters.count)))
        return tokens
    }

    /// `50`, `-3`, `10.5`; not `2024-03-01` or `1e309` (too large to be a finite number).
    static func numberValue(_ text: String) -> Double? {
        guard let first = text.first, first.isNumber || first == "-" || first == "+" else { return nil }
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }) else {
            return nil
        }
        guard text.dropFirst().allSatisfy({ $0 != "-" && $0 != "+" }) else { return nil }
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }
}
