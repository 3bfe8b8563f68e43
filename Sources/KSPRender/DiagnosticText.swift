import KSPQuery

/// An error as shown: on the shell with its statement and a caret, in a script on one line.
extension QueryDiagnostic {
    /// The statement, a caret line under the place, the message and the hint:
    /// ```
    /// total by clas
    ///          ^^^^ expected a dimension
    /// did you mean class?
    /// ```
    public func rendered(statement: String) -> String {
        let chars = Array(statement)
        // Multi-line input: show the line holding the error.
        var lineStart = 0
        var k = 0
        while k < min(range.start, chars.count) {
            if chars[k] == "\n" { lineStart = k + 1 }
            k += 1
        }
        var lineEnd = lineStart
        while lineEnd < chars.count && chars[lineEnd] != "\n" { lineEnd += 1 }
        // A very long line is shown as a window around the place (60 characters before, 60 marked).
        let start = min(max(range.start, lineStart), lineEnd)
        let windowStart = max(lineStart, start - 60)
        let markedEnd = min(range.end, lineEnd, start + 60)
        let windowEnd = min(lineEnd, max(markedEnd, start) + 60)
        // Tabs are expanded (stops every 8 columns) and control characters typed or pasted shown escaped
        // in the echoed line, and the caret counts them so: it sits under its character.
        let lead = windowStart > lineStart ? "…" : ""
        func shown(_ text: ArraySlice<Character>) -> String {
            TerminalSafeText.escaped(DisplayWidth.expandingTabs(lead + String(text)))
        }
        let line = shown(chars[windowStart..<windowEnd]) + (windowEnd < lineEnd ? "…" : "")
        let prefixWidth = DisplayWidth.of(shown(chars[windowStart..<start]))
        let throughMarked = markedEnd > start ? DisplayWidth.of(shown(chars[windowStart..<markedEnd])) : prefixWidth
        let markedWidth = throughMarked - prefixWidth
        let pad = String(repeating: " ", count: prefixWidth)
        let carets = String(repeating: "^", count: max(1, markedWidth))
        var out = "\(line)\n\(pad)\(carets) \(TerminalSafeText.escaped(message))"
        if let hint { out += "\n\(TerminalSafeText.escaped(hint))" }
        return out
    }

    /// One line, for `FILE:LINE: message` in scripts.
    public var oneLine: String { TerminalSafeText.escaped(hint.map { "\(message); \($0)" } ?? message) }
}
