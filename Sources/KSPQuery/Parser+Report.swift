import KSPCore

extension Parser {
    /// `lang nb|en` after `report …`: the report's language.
    mutating func reportLanguage() throws(ParseError) -> Located<String> {
        let codes = ReportLanguage.allCases.map(\.rawValue)
        guard let code = current.keyword, ReportLanguage(rawValue: code) != nil else {
            throw error("a language after lang (" + codes.joined(separator: " or ") + ")", hint: nearKeyword(codes))
        }
        let token = advance()
        return Located(code, token.range)
    }
}
