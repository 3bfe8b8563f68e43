import KSPCore

/// A season's awards as figures: what `winners` shows and what a class report lists for its class.
struct SeasonAwards: Sendable, Equatable {
    /// Class winners, "Best i test" and "Best på <channel>", those a filter asked about.
    var awards: [Ranking.Award]
    /// The season the awards are of, when several are loaded side by side.
    var seasonName: String?
    /// The inquiries a winner needs (the season's own rule).
    var minInquiries: Int
    /// A filter chose which of the season's awards are shown.
    var isFiltered: Bool
    /// How thin each "Best på <channel>" award shown is.
    var channelBases: [ChannelAwardBase] = []
}
