/// Words an area or question id may not be, in any case: an id equal to a metric name,
/// a dimension or a keyword of the query language could not be queried and would give a
/// csv/json table two columns of one name. KSPCore cannot see the query language, so the
/// list is kept here; a test in KSPQueryTests checks that every keyword and dimension is in it.
public enum ReservedNames {
    public static let dimensions = [
        "class", "participant", "channel", "shopper", "month", "week", "attempts", "season", "date", "season_day",
    ]
    public static let keywords = [
        "compare", "winners", "quotes", "rank", "chart", "trend", "report", "gap", "drivers", "shoppers",
        "by", "across", "where", "order", "top", "adjusted",
        "and", "or", "not", "in", "vs", "on", "all", "asc", "desc", "contains", "answered", "within", "so", "far",
    ]
    /// Lowercased.
    public static let words: Set<String> = Set(Metric.fixedNames.keys)
        .union(["areas", "questions"])
        .union(dimensions)
        .union(keywords)

    public static func isReserved(_ id: String) -> Bool { words.contains(id.lowercased()) }
}
