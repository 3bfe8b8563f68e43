import Foundation

@testable import KSPCore

/// Semantic mutations of a season.yaml (issue 20): the text stays YAML, the values turn hostile —
/// huge, negative, NaN or infinite numbers, extreme durations, misspelled and unknown keys,
/// reserved and duplicated ids, wrong types, empty lists, many channels, bad timezones.
struct SeasonYAMLMutator {
    static let hostileValues = [
        "9223372036854775807", "-9223372036854775808", "99999999999999999999", "1e308", "-1e308", "1e-300",
        "-1", "-0", "0", "1.5", "nan", ".nan", ".inf", "-.inf", "inf", "1e18d", "1e18s", "366d", "365d", "0s",
        "-5m", "5x", "[]", "{}", "[1, 2]", "\"\"", "~", "total", "Europe/Olso", "UTC", "business", "wait",
    ]
    static let hostileIds = [
        "total", "N", "csat", "noanswer", "wait_median", "by", "class", "Season", "areas", "date", "season_day",
        "comment", "comment_agent", "id", "wait", "agent", "V1", "K1", "X1", "phone", "æøå", "a b", "\"q/1\"",
    ]
    static let extraKeys = ["clok", "second_attempt_factr", "weigth", "typ", "nmae", "limits", "colour", "language"]

    let original: String
    /// Plain `key: value` places in the text: (range of the key, range of the value).
    let pairs: [(key: NSRange, value: NSRange)]
    let ids: [NSRange]
    let flowMappingStarts: [Int]

    init(_ yaml: String) {
        original = yaml
        let text = yaml as NSString
        let whole = NSRange(location: 0, length: text.length)
        let pairPattern = try? NSRegularExpression(pattern: "([A-Za-z_][A-Za-z_0-9]*): ([^,{}\\[\\]\\n\"#]+)")
        pairs = (pairPattern?.matches(in: yaml, range: whole) ?? []).map { ($0.range(at: 1), $0.range(at: 2)) }
        let idPattern = try? NSRegularExpression(pattern: "\\bid: ([^,}\\n]+)")
        ids = (idPattern?.matches(in: yaml, range: whole) ?? []).map { $0.range(at: 1) }
        var starts: [Int] = []
        for offset in 0..<text.length where text.character(at: offset) == UInt16(UInt8(ascii: "{")) {
            starts.append(offset + 1)
        }
        flowMappingStarts = starts
    }

    func pick<T>(_ list: [T], _ rng: inout SplitMix64) -> T { list[Int(rng.next() % UInt64(list.count))] }

    /// One to three mutations of the original text.
    func mutant(_ rng: inout SplitMix64) -> String {
        var text = original
        for _ in 0..<(1 + Int(rng.next() % 3)) {
            text = mutateOnce(text, &rng)
        }
        return text
    }

    /// Each mutation re-finds its places in the current text, so mutations can stack.
    private func mutateOnce(_ text: String, _ rng: inout SplitMix64) -> String {
        let current = SeasonYAMLMutator(text)
        let nsText = text as NSString
        switch rng.next() % 9 {
        case 0 where !current.pairs.isEmpty:  // a hostile value
            return nsText.replacingCharacters(in: pick(current.pairs, &rng).value, with: pick(Self.hostileValues, &rng))
        case 1 where !current.pairs.isEmpty:  // a misspelled key: one character dropped
            let key = pick(current.pairs, &rng).key
            guard key.length > 1 else { return text }
            let at = key.location + Int(rng.next() % UInt64(key.length))
            return nsText.replacingCharacters(in: NSRange(location: at, length: 1), with: "")
        case 2 where !current.ids.isEmpty:  // a reserved, duplicated or odd id
            return nsText.replacingCharacters(in: pick(current.ids, &rng), with: pick(Self.hostileIds, &rng))
        case 3 where !current.flowMappingStarts.isEmpty && !current.pairs.isEmpty:  // an unknown or repeated key
            let repeated = nsText.substring(with: pick(current.pairs, &rng).key)
            let key = rng.next() % 2 == 0 ? pick(Self.extraKeys, &rng) : repeated
            let insertion = "\(key): \(pick(Self.hostileValues, &rng)), "
            return nsText.replacingCharacters(
                in: NSRange(location: pick(current.flowMappingStarts, &rng), length: 0),
                with: insertion)
        case 4:  // an empty list or mapping where one is expected
            let targets = [
                ("brackets: [[", "brackets: []#"), ("options: {", "options: {}#"), ("aliases: [", "aliases: []#"),
            ]
            let (from, to) = pick(targets, &rng)
            let range = nsText.range(of: from)
            guard range.location != NSNotFound else { return text }
            // Cut the rest of the line's list off by commenting it out only when it closes on the line.
            return emptied(text, at: range, replacement: to)
        case 5:  // many channels
            let count = 250 + Int(rng.next() % 10)
            let channels = (0..<count).map { "  z\($0): {limit: 5m, attempts: 1, brackets: [[1m, 100]]}" }
            return text.replacingOccurrences(of: "areas:\n", with: channels.joined(separator: "\n") + "\nareas:\n")
        case 6:  // a bad timezone
            let zones = ["Europe/Olso", "Mars/Olympus", "", "UTC", "Europe/Oslo ", "[Europe/Oslo]", "+01:00"]
            let lines = text.split(separator: "\n")
            guard let line = lines.first(where: { $0.hasPrefix("timezone:") }) else { return text }
            return text.replacingOccurrences(of: String(line), with: "timezone: \(pick(zones, &rng))")
        case 7 where !current.pairs.isEmpty:  // a key dropped with its value
            let pair = pick(current.pairs, &rng)
            let end = pair.value.location + pair.value.length
            return nsText.replacingCharacters(
                in: NSRange(location: pair.key.location, length: end - pair.key.location),
                with: "")
        default:  // a value of the wrong kind: a scalar made a list or a mapping
            guard !current.pairs.isEmpty else { return text }
            let pair = pick(current.pairs, &rng)
            let value = nsText.substring(with: pair.value)
            let wrapped = rng.next() % 2 == 0 ? "[\(value)]" : "{a: \(value)}"
            return nsText.replacingCharacters(in: pair.value, with: wrapped)
        }
    }

    /// Replaces a list's opening with an empty list and turns the rest of that line into a comment;
    /// a list that goes on to the next line is left as it was (the text must stay YAML).
    private func emptied(_ text: String, at range: NSRange, replacement: String) -> String {
        let nsText = text as NSString
        let lineRange = nsText.lineRange(for: range)
        let line = nsText.substring(with: lineRange)
        let lineStart = NSRange(location: lineRange.location, length: range.location - lineRange.location)
        let before = nsText.substring(with: lineStart)
        // Only when the mapping holding the list closes on this line can the rest become a comment.
        guard before.contains("{"), line.hasSuffix("}\n") || line.hasSuffix("}") else { return text }
        let newLine = before + replacement.replacingOccurrences(of: "#", with: "}") + "\n"
        return nsText.replacingCharacters(in: lineRange, with: newLine)
    }
}
