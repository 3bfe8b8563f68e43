/// The language a season's reports, charts and captions speak: season.yaml's optional `language:`
/// (en when absent), overridden by `--lang`, `.lang` and `report … lang en`.
public enum ReportLanguage: String, CaseIterable, Sendable {
    /// Norwegian bokmål.
    case nb
    case en

    /// What a season speaks when its season.yaml does not say.
    public static let fallback = ReportLanguage.en
}
