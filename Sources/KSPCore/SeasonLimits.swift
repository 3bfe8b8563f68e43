/// The bounds season.yaml is validated against at load, so that no later arithmetic can
/// overflow, lose every digit or turn a score into NaN (issue 20: hostile seasons).
public enum SeasonLimits {
    /// Channels are stored as one byte per inquiry.
    public static let maxChannels = Int(UInt8.max) + 1
    /// The longest duration a limit or bracket bound may give: a year, far beyond any real wait.
    public static let maxDurationSeconds = 365.0 * 86400
    public static let maxDurationText = "365d"
    /// Area and question weights are relative; a million keeps every weighted sum exact enough.
    public static let maxWeight = 1_000_000.0
    /// Scale ends: a scale from −1 000 000 to 1 000 000 leaves `max − min` and every point exact.
    public static let scaleBound = 1_000_000
    /// `min_inquiries_for_award` above this could never be met by any season.
    public static let maxMinInquiries = 1_000_000

    /// A weight as written in an error: `1000000`, not `1000000.0`.
    static var maxWeightText: String { String(Int(maxWeight)) }
}
