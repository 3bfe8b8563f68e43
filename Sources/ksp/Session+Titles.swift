import KSPRender

/// `.title TEXT`: a heading before the next result, in the form each output format has for one.
extension Session {
    func setTitle(_ call: MetaInvocation) -> Outcome {
        guard !call.arguments.isEmpty else { return call.fail(".title: expected the title's text") }
        pendingTitle = call.arguments.joined(separator: " ")
        return .ok
    }

    /// The result's text with the pending title before it (taken: a title heads one result).
    func titled(_ text: String) -> String {
        let title = pendingTitle
        pendingTitle = nil
        defer { printedResult = true }
        switch format {
        case .table:
            guard let title else { return text }
            return TerminalSafeText.escaped(title) + "\n\n" + text
        case .markdown:
            guard let title else { return text }
            let separator = printedResult ? "\n" : ""
            return separator + "## " + TerminalSafeText.escaped(title) + "\n\n" + text
        case .json:
            guard let title else { return text }
            return "{\"title\": \(JSONRenderer.quote(title)), \"rows\": \(text)}"
        case .csv, .tsv, .xlsx:
            guard machineTitles else { return text }
            let separator = printedResult ? "\n" : ""
            guard let title else { return separator + text }
            let line = title.split(whereSeparator: \.isNewline).joined(separator: " ")
            return separator + "# " + line + "\n" + text
        }
    }
}
