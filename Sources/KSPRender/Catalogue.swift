import KSPCore
import KSPQuery

/// The words of reports, report charts and table captions, one catalogue per language (`Catalogue+nb.swift`,
/// `Catalogue+en.swift`): adding a language is one more file and one more case here.
public enum Catalogue {
    static func phrases(_ language: ReportLanguage) -> [Phrase: String] {
        switch language {
        case .nb: return norwegian
        case .en: return english
        }
    }

    /// A wording in a language: the phrase's text with its arguments put in, numbers in the language's way.
    public static func text(_ wording: Wording, _ language: ReportLanguage) -> String {
        switch wording {
        case .label(let label): return label
        case .number(let value, let style): return number(value, style, language)
        case .date(let day):
            guard (1...12).contains(day.month) else { return day.description }
            let month = Wording.phrase(Phrase.months[day.month - 1])
            return text(.phrase(.dayMonthYear, [.label(String(day.day)), month, .label(String(day.year))]), language)
        case .phrase(let phrase, let arguments):
            // A missing entry is caught by the catalogue test; the key keeps the page readable meanwhile.
            var text = phrases(language)[phrase] ?? phrase.rawValue
            for (k, argument) in arguments.enumerated() {
                text = text.replacingOccurrences(of: "{\(k)}", with: self.text(argument, language))
            }
            return text
        }
    }

    /// A number as a report in the language writes it: nb with a decimal comma (74,7), en with a point.
    /// csv and json never come here (`NumberFormat.machine`: always a point).
    public static func number(_ value: Double?, _ style: NumberStyle, _ language: ReportLanguage) -> String {
        let text = NumberFormat.display(value, style)
        guard language == .nb else { return text }
        return text.replacingOccurrences(of: ".", with: ",")
    }

    /// A table cell as a report in the language writes it, with its marks.
    static func cell(_ cell: Cell, _ language: ReportLanguage) -> String {
        var text: String
        switch cell.value {
        case .number(let value, let style): text = number(value, style, language)
        case .interval(let interval?, let style):
            text = CellMarks.text(of: interval, style)
            if language == .nb { text = text.replacingOccurrences(of: ".", with: ",") }
        default: return TableRenderer.text(cell)
        }
        return text + CellMarks.symbols(for: cell.flags)
    }

    /// `2024-03` as `mars 2024` (full) or `mar` (short); other period labels as they are.
    static func month(_ period: String, short: Bool, _ language: ReportLanguage) -> String {
        let parts = period.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) else {
            return period
        }
        if short { return text(.phrase(Phrase.shortMonths[month - 1]), language) }
        return text(.phrase(Phrase.months[month - 1]), language) + " \(year)"
    }
}
