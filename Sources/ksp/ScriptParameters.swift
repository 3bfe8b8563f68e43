/// The parameters of a script: `--set name=value` on the command line, `.set name value` in the shell,
/// used as `${name}` in statements and meta-commands.
struct ScriptParameters {
    private(set) var values: [String: String] = [:]

    struct Failure: Error, CustomStringConvertible, Equatable {
        var description: String
    }

    /// A name is a letter or `_`, then letters, digits and `_` (`participant`, `class_2`).
    static func isName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else {
            return false
        }
        return name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }
    }

    mutating func set(_ name: String, to value: String) throws(Failure) {
        guard ScriptParameters.isName(name) else {
            throw Failure(
                description: "\"\(name)\" is not a parameter name; use letters, digits and _ (participant, month)")
        }
        values[name] = value
    }

    /// Removes a parameter; false when it was not set.
    mutating func unset(_ name: String) -> Bool {
        values.removeValue(forKey: name) != nil
    }

    /// `--set name=value`: the name up to the first `=`, the value everything after it (may be empty).
    mutating func set(assignment: String) throws(Failure) {
        guard let equals = assignment.firstIndex(of: "=") else {
            throw Failure(description: "--set expects NAME=VALUE, found \"\(assignment)\"")
        }
        try set(String(assignment[..<equals]), to: String(assignment[assignment.index(after: equals)...]))
    }

    /// The parameters as `name = "value"` lines, sorted by name.
    var listing: String {
        guard !values.isEmpty else { return "no parameters set (.set NAME VALUE, or --set NAME=VALUE)" }
        return values.keys.sorted().map { "\($0) = \(ScriptParameters.quoted(values[$0] ?? ""))" }
            .joined(separator: "\n")
    }

    /// A value as a quoted text of the query language: in double quotes, a double quote doubled.
    static func quoted(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Replaces every `${name}` in a statement. Outside quotes the value goes in as one quoted text
    /// (`participant = ${p}` → `participant = "Skjærvik Sparebank"`), so a value with spaces, commas or
    /// quotes can never change the statement around it; a whole number goes in bare, so `top ${n}` works.
    /// Inside a quoted text the value's own quote marks are doubled (`"${p} (2024)"`). A name that is not
    /// set is an error naming it.
    func substitute(inStatement text: String) throws(Failure) -> String {
        var result = ""
        var quote: Character?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if let (name, end) = reference(in: text, at: index) {
                let value = try value(of: name)
                if let quote {
                    result += value.replacingOccurrences(of: String(quote), with: String(quote) + String(quote))
                } else if !value.isEmpty && value.allSatisfy({ $0.isASCII && $0.isNumber }) {
                    result += value
                } else {
                    result += ScriptParameters.quoted(value)
                }
                index = end
                continue
            }
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "-" && text[index...].hasPrefix("--") {
                // A comment: left as it is (a `${name}` in it is not needed).
                result += text[index...]
                break
            }
            result.append(character)
            index = text.index(after: index)
        }
        return result
    }

    /// Replaces every `${name}` in a meta-command or a title with the bare value (`.output ${class}.md`).
    func substitute(inText text: String) throws(Failure) -> String {
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            if let (name, end) = reference(in: text, at: index) {
                result += try value(of: name)
                index = end
                continue
            }
            result.append(text[index])
            index = text.index(after: index)
        }
        return result
    }

    private func value(of name: String) throws(Failure) -> String {
        guard let value = values[name] else {
            let how = "set it with --set \(name)=VALUE or .set \(name) VALUE"
            throw Failure(description: "the parameter ${\(name)} is not set; \(how)")
        }
        return value
    }

    /// A `${name}` starting at `index`: its name and the index after its `}`.
    private func reference(in text: String, at index: String.Index) -> (String, String.Index)? {
        guard text[index...].hasPrefix("${") else { return nil }
        let nameStart = text.index(index, offsetBy: 2)
        guard let close = text[nameStart...].firstIndex(of: "}") else { return nil }
        let name = String(text[nameStart..<close])
        guard ScriptParameters.isName(name) else { return nil }
        return (name, text.index(after: close))
    }
}
