import Foundation

/// A hash table from short byte strings (ids read straight from a CSV buffer) to indices,
/// looked up without making a String or an Array per lookup. The loader's hot path: at 100×
/// the sample it sees half a million inquiry ids and participant and shopper ids.
struct ByteKeyTable {
    private var slots: [Int32]          // index of the key, or -1
    private var hashes: [UInt64]
    /// All keys back to back in one buffer (one allocation, not one per key).
    private(set) var arena: [UInt8] = []
    /// Key k is `arena[offsets[k] ..< offsets[k + 1]]`.
    private(set) var offsets: [Int32] = [0]
    private var mask: Int

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        hashes = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    var count: Int { offsets.count - 1 }

    func key(_ k: Int) -> ArraySlice<UInt8> { arena[Int(offsets[k])..<Int(offsets[k + 1])] }

    @inline(__always) static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
        for x in b { h = (h ^ UInt64(x)) &* 0x100_0000_01b3 }
        return h
    }

    @inline(__always) private func equal(_ k: Int, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let s = Int(offsets[k]), e = Int(offsets[k + 1])
        guard e - s == b.count else { return false }
        return arena.withUnsafeBufferPointer { a in
            for i in 0..<b.count where a[s + i] != b[i] { return false }
            return true
        }
    }

    /// The index of a key, if present.
    func find(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        let h = ByteKeyTable.hash(b)
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = slots[i]
            if s < 0 { return nil }
            if hashes[i] == h && equal(Int(s), b) { return Int(s) }
            i = (i + 1) & mask
        }
    }

    /// The index of a key, inserting it (with the next index) when new; `inserted` tells which.
    mutating func insert(_ b: UnsafeBufferPointer<UInt8>) -> (index: Int, inserted: Bool) {
        if count * 2 >= slots.count { grow() }
        let h = ByteKeyTable.hash(b)
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = slots[i]
            if s < 0 {
                let k = count
                slots[i] = Int32(k)
                hashes[i] = h
                arena.append(contentsOf: b)
                offsets.append(Int32(arena.count))
                return (k, true)
            }
            if hashes[i] == h && equal(Int(s), b) { return (Int(s), false) }
            i = (i + 1) & mask
        }
    }

    /// Appends another table's keys after this one's without indexing them (they can no longer be
    /// found): for keeping ids in order once duplicates have been checked.
    mutating func appendUnindexed(_ other: ByteKeyTable) {
        let shift = Int32(arena.count)
        arena += other.arena
        offsets += other.offsets.dropFirst().map { $0 + shift }
    }

    private mutating func grow() {
        let size = slots.count * 2
        var newSlots = [Int32](repeating: -1, count: size)
        var newHashes = [UInt64](repeating: 0, count: size)
        let newMask = size - 1
        for (i, s) in slots.enumerated() where s >= 0 {
            var j = Int(truncatingIfNeeded: hashes[i]) & newMask
            while newSlots[j] >= 0 { j = (j + 1) & newMask }
            newSlots[j] = s
            newHashes[j] = hashes[i]
        }
        slots = newSlots; hashes = newHashes; mask = newMask
    }
}

/// What the text check of a whole file found first.
enum TextProblem: Equatable { case invalidUTF8(Int), nul(Int) }

/// One pass over a buffer for both invalid UTF-8 and NUL bytes (ASCII runs are skipped eight
/// bytes at a time; a large buffer is checked as two halves on two cores). Returns the first
/// problem, or nil when the text is clean.
func firstTextProblem(_ bytes: [UInt8]) -> TextProblem? {
    bytes.withUnsafeBufferPointer { b -> TextProblem? in
        let n = b.count
        guard n > 1_000_000 else { return scanText(b, 0, n) }
        // Split at a byte that starts a character, so that neither half starts mid-sequence.
        var middle = n / 2
        while middle < n && b[middle] & 0xC0 == 0x80 { middle += 1 }
        let split = middle
        nonisolated(unsafe) let buffer = b
        nonisolated(unsafe) var found: [TextProblem?] = [nil, nil]
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            found[k] = k == 0 ? scanText(buffer, 0, split) : scanText(buffer, split, n)
        }
        return found[0] ?? found[1]
    }
}

private func scanText(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ n: Int) -> TextProblem? {
    var i = from
    while i < n {
        if i + 8 <= n {
            let word = UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
            // All ASCII and no zero byte: skip the word.
            let hasZero = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
            if word & 0x8080_8080_8080_8080 == 0 && hasZero == 0 { i += 8; continue }
        }
        let c = b[i]
        if c == 0 { return .nul(i) }
        if c < 0x80 { i += 1; continue }
        let len: Int
        if c >= 0xC2 && c <= 0xDF { len = 2 } else if c >= 0xE0 && c <= 0xEF { len = 3 } else if c >= 0xF0 && c <= 0xF4 { len = 4 } else { return .invalidUTF8(i) }
        guard i + len <= n else { return .invalidUTF8(i) }
        for k in 1..<len where b[i + k] & 0xC0 != 0x80 { return .invalidUTF8(i) }
        if len == 3 {
            if c == 0xE0 && b[i + 1] < 0xA0 { return .invalidUTF8(i) }
            if c == 0xED && b[i + 1] > 0x9F { return .invalidUTF8(i) }
        }
        if len == 4 {
            if c == 0xF0 && b[i + 1] < 0x90 { return .invalidUTF8(i) }
            if c == 0xF4 && b[i + 1] > 0x8F { return .invalidUTF8(i) }
        }
        i += len
    }
    return nil
}
