/// Loads one season, or several side by side (see `SeasonCombiner`).
public enum Seasons {
    public static func load(_ directories: [String]) throws(SeasonLoadError) -> Season {
        if let error = SeasonCombiner.tooMany(seasons: directories.count) { throw error }
        var loaded: [Season] = []
        for directory in directories {
            loaded.append(try SeasonLoader.load(directory: directory))
        }
        return try SeasonCombiner.combined(loaded)
    }
}
