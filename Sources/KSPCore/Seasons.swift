/// Loads one season, or several side by side (see `SeasonCombiner`).
public enum Seasons {
    public static func load(_ directories: [String]) throws(SeasonLoadError) -> Season {
        if let error = SeasonCombiner.tooMany(seasons: directories.count) { throw error }
        var loaded: [Season] = []
        for directory in directories {
            LoadProgress.current?.begin(directory: directory)
            loaded.append(try SeasonLoader.load(directory: directory))
        }
        return try SeasonCombiner.combined(loaded)
    }
}
