extension Parser {
    /// `adjusted for channel` after its first word: the range of the whole clause. Channel is the one
    /// adjustment there is (a participant's total partly reflects its channel mix).
    mutating func channelAdjustment() throws(ParseError) -> SourceRange {
        let start = tokens[position - 1].range.start
        _ = try expect("for", "for after adjusted (adjusted for channel)")
        guard current.keyword.flatMap(Dimension.named) == .channel else {
            throw error("channel after adjusted for (the one adjustment: adjusted for channel)")
        }
        let end = advance().range.end
        return SourceRange(start, end)
    }
}
