import KSPCore
import KSPQuery
import KSPRender

extension Session {
    /// The language reports and labelled tables speak: `.lang`/`--lang`, else the season's, else en.
    var language: ReportLanguage { options.language ?? season.definition.language ?? ReportLanguage.fallback }

    /// `.lang nb|en` sets the language of reports over the season's own; `.lang` alone says which is in use.
    func setLanguage(_ call: MetaInvocation) throws -> Outcome {
        guard let value = call.arguments.first else {
            let source =
                options.language != nil ? "" : season.definition.language != nil ? " (the season's)" : " (the default)"
            try output.write("lang: \(language.rawValue)\(source)")
            return .ok
        }
        guard let language = ReportLanguage(rawValue: value.lowercased()) else {
            return call.fail(".lang: expected nb or en, found \"\(value)\"")
        }
        options.language = language
        return .ok
    }

    /// `.labels on|off`: shell tables with the season's names instead of ids; `.labels` alone says which.
    func setLabels(_ call: MetaInvocation) throws -> Outcome {
        guard let value = call.arguments.first else {
            try output.write("labels: \(labels ? "on" : "off")")
            return .ok
        }
        guard ["on", "off"].contains(value.lowercased()) else {
            return call.fail(".labels: expected on or off, found \"\(value)\"")
        }
        labels = value.lowercased() == "on"
        return .ok
    }

    /// A result with its tables in the season's words (`.labels on`).
    func labelled(_ result: StatementResult) -> StatementResult {
        let definition = season.definition
        switch result {
        case .table(let table): return .table(TableLabels.labelled(table, definition, language))
        default: return result
        }
    }
}
