import KSPCore

/// The one season a `gap` or `drivers` statement is about: with several seasons loaded, the latest
/// among the inquiries asked about (`where season = …` picks another), scored by its own rules.
struct LatestSeasonScope {
    /// The inquiries of that season only.
    var inquiries: [Int]
    /// Its own areas, questions and weights.
    var definition: SeasonDefinition
    /// Its name, for the table's note; nil when one season is loaded.
    var name: String?
}

extension Evaluator {
    func latestSeasonScope(_ inquiries: [Int]) -> LatestSeasonScope {
        guard season.seasons.count > 1 else {
            return LatestSeasonScope(inquiries: inquiries, definition: season.definition, name: nil)
        }
        let latest = inquiries.map { season.inquiries.season[$0] }.max() ?? UInt16(season.seasons.count - 1)
        let info = season.seasons[Int(latest)]
        return LatestSeasonScope(
            inquiries: inquiries.filter { season.inquiries.season[$0] == latest },
            definition: info.definition, name: info.name)
    }
}
