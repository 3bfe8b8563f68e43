/// Text made safe inside HTML and SVG, as element content and as a quoted attribute value: the one place the
/// report's markup escapes names, headings and comments from a season's files.
enum HTMLText {
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
