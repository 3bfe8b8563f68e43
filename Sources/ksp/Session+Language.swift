import KSPCore

extension Session {
    /// `.lang nb|en` sets the language of reports over the season's own; `.lang` alone says which is in use.
    func setLanguage(_ call: MetaInvocation) throws -> Outcome {
        guard let value = call.arguments.first else {
            let language = options.language ?? season.definition.language ?? ReportLanguage.fallback
            let source = options.language == nil ? " (the season's)" : ""
            try output.write("lang: \(language.rawValue)\(source)")
            return .ok
        }
        guard let language = ReportLanguage(rawValue: value.lowercased()) else {
            return call.fail(".lang: expected nb or en, found \"\(value)\"")
        }
        options.language = language
        return .ok
    }
}
