/// The position of each of a few group keys (classes, channels, months, days) in a list of them, looked up
/// per inquiry: a table indexed by key when the keys are small and not negative, so that no key is hashed
/// per inquiry (a dictionary costs about 20 ns a lookup, 10 ms at 475 000 inquiries); a dictionary otherwise.
struct DenseKeyIndex {
    private let table: [Int32]
    private let dictionary: [Int: Int]
    private let usesTable: Bool

    init(_ keys: some Collection<Int>) {
        let largest = keys.max() ?? 0
        usesTable = (keys.min() ?? 0) >= 0 && largest < 1 << 20 && keys.count < Int(Int32.max)
        var table = [Int32](repeating: -1, count: usesTable ? largest + 1 : 0)
        var dictionary: [Int: Int] = [:]
        for (position, key) in keys.enumerated() where usesTable ? table[key] < 0 : dictionary[key] == nil {
            if usesTable { table[key] = Int32(position) } else { dictionary[key] = position }
        }
        self.table = table
        self.dictionary = dictionary
    }

    /// The key's first position in the list, nil when it is not in it.
    @inline(__always) func position(of key: Int) -> Int? {
        guard usesTable else { return dictionary[key] }
        guard key >= 0 && key < table.count && table[key] >= 0 else { return nil }
        return Int(table[key])
    }

    @inline(__always) func contains(_ key: Int) -> Bool { position(of: key) != nil }
}

extension DenseKeyIndex {
    /// The distinct keys among many (in no particular order): by a table of the keys seen when they span a
    /// small range, as a `Set` of half a million keys costs 5 ms in hashing alone.
    static func distinct(_ keys: [Int]) -> [Int] {
        guard let (smallest, largest) = bounds(keys) else { return [] }
        let (span, overflows) = largest.subtractingReportingOverflow(smallest)
        guard !overflows && span < 1 << 20 else { return Array(Set(keys)) }
        var seen = [Bool](repeating: false, count: span + 1)
        for key in keys { seen[key &- smallest] = true }
        return seen.indices.filter { seen[$0] }.map { $0 + smallest }
    }
}

/// The smallest and largest of many keys in one pass (`min()` then `max()` reads them twice).
func bounds(_ keys: [Int]) -> (smallest: Int, largest: Int)? {
    guard var smallest = keys.first else { return nil }
    var largest = smallest
    for key in keys {
        smallest = min(smallest, key)
        largest = max(largest, key)
    }
    return (smallest, largest)
}
