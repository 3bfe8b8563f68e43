/// Sorting names the Norwegian way: case-insensitive, with Æ, Ø, Å after Z in that order.
public enum NorwegianCollation {
    static func key(_ name: String) -> [UInt32] {
        name.lowercased().unicodeScalars.map { scalar in
            switch scalar {
            case "æ", "ä": return 0x7B
            case "ø", "ö": return 0x7C
            case "å": return 0x7D
            default: return scalar.value
            }
        }
    }

    public static func less(_ first: String, _ second: String) -> Bool {
        key(first).lexicographicallyPrecedes(key(second))
    }

    /// `items` in the order `less` puts their names in, each name's key made once (not once per comparison).
    public static func sorted<Item>(_ items: [Item], byName name: (Item) -> String) -> [Item] {
        let keys = items.map { key(name($0)) }
        return items.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }.map { items[$0] }
    }
}
