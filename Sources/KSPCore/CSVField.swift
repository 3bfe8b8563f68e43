import Foundation

/// Quotes a CSV field when it holds a delimiter, a quote or a line break.
public func csvField(_ field: String) -> String {
    if field.contains(where: { $0 == "," || $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return field
}
