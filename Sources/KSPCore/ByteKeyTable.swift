import Foundation

/// A hash table from short byte strings (ids read straight from a CSV buffer) to indices,
/// looked up without making a String or an Array per lookup. The loader's hot path: at 100×
/// the sample it sees half a million inquiry ids and participant and shopper ids.
struct ByteKeyTable {
    /// Per slot the key's hash (high 32 bits) and its index + 1 (low 32 bits), or 0 for an empty slot:
    /// one array, so that a probe of a large table (half a million ids) misses the cache once, not twice.
    private var slots: [UInt64]
    /// All keys back to back in one buffer (one allocation, not one per key).
    private(set) var arena: [UInt8] = []
    /// Key k is `arena[offsets[k] ..< offsets[k + 1]]`.
    private(set) var offsets: [Int32] = [0]
    private var mask: Int

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    var count: Int { offsets.count - 1 }

    func key(_ index: Int) -> ArraySlice<UInt8> { arena[Int(offsets[index])..<Int(offsets[index + 1])] }

    /// A slot holding key `index` of this hash.
    @inline(__always) private static func slot(hash: UInt64, index: Int) -> UInt64 {
        hash & 0xFFFF_FFFF_0000_0000 | UInt64(index + 1)
    }

    @inline(__always) static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    @inline(__always) private func equal(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(offsets[index])
        let end = Int(offsets[index + 1])
        guard end - start == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { stored in
            for i in 0..<bytes.count where stored[start + i] != bytes[i] { return false }
            return true
        }
    }

    /// The first slot a lookup of this key reads (for reading ahead; see `InquiryBuilder.warmIdSlots`).
    @inline(__always) func firstSlot(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        slots.withUnsafeBufferPointer { $0[Int(truncatingIfNeeded: ByteKeyTable.hash(bytes)) & mask] }
    }

    /// The index of a key, if present.
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = ByteKeyTable.hash(bytes)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            let index = Int(entry & 0xFFFF_FFFF) - 1
            if (entry ^ hash) >> 32 == 0 && equal(index, bytes) { return index }
            slot = (slot + 1) & mask
        }
    }

    /// The index of a key, inserting it (with the next index) when new; `inserted` tells which.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>) -> (index: Int, inserted: Bool) {
        if count * 2 >= slots.count { grow() }
        let hash = ByteKeyTable.hash(bytes)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 {
                let index = count
                slots[slot] = ByteKeyTable.slot(hash: hash, index: index)
                arena.append(contentsOf: bytes)
                offsets.append(Int32(arena.count))
                return (index, true)
            }
            let index = Int(entry & 0xFFFF_FFFF) - 1
            if (entry ^ hash) >> 32 == 0 && equal(index, bytes) { return (index, false) }
            slot = (slot + 1) & mask
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
        var newSlots = [UInt64](repeating: 0, count: size)
        let newMask = size - 1
        for entry in slots where entry != 0 {
            // The slot keeps only the hash's high half: the key is hashed again for its low bits.
            let index = Int(entry & 0xFFFF_FFFF) - 1
            let start = Int(offsets[index])
            let end = Int(offsets[index + 1])
            let hash = arena.withUnsafeBufferPointer {
                ByteKeyTable.hash(UnsafeBufferPointer(rebasing: $0[start..<end]))
            }
            var newSlot = Int(truncatingIfNeeded: hash) & newMask
            while newSlots[newSlot] != 0 { newSlot = (newSlot + 1) & newMask }
            newSlots[newSlot] = entry
        }
        slots = newSlots
        mask = newMask
    }
}

/// What the text check of a whole file found first.
enum TextProblem: Equatable {
    case invalidUTF8(Int)
    case nul(Int)
}

/// One pass over a buffer for both invalid UTF-8 and NUL bytes (ASCII runs are skipped eight
/// bytes at a time; a large buffer is checked as two halves on two cores). Returns the first
/// problem, or nil when the text is clean.
func firstTextProblem(_ unsafeBytes: UnsafeBufferPointer<UInt8>) -> TextProblem? {
    do {
        let count = unsafeBytes.count
        guard count > 1_000_000 else { return scanText(unsafeBytes, 0, count) }
        // Split at a byte that starts a character, so that neither half starts mid-sequence.
        var middle = count / 2
        while middle < count && unsafeBytes[middle] & 0xC0 == 0x80 { middle += 1 }
        let split = middle
        nonisolated(unsafe) let buffer = unsafeBytes
        nonisolated(unsafe) var found: [TextProblem?] = [nil, nil]
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            found[half] = half == 0 ? scanText(buffer, 0, split) : scanText(buffer, split, count)
        }
        return found[0] ?? found[1]
    }
}

private func scanText(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int) -> TextProblem? {
    var position = from
    while position < end {
        if position + 8 <= end {
            let word = UnsafeRawPointer(bytes.baseAddress! + position).loadUnaligned(as: UInt64.self)
            // All ASCII and no zero byte: skip the word.
            let hasZero = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
            if word & 0x8080_8080_8080_8080 == 0 && hasZero == 0 {
                position += 8
                continue
            }
        }
        let byte = bytes[position]
        if byte == 0 { return .nul(position) }
        if byte < 0x80 {
            position += 1
            continue
        }
        let sequenceLength: Int
        if byte >= 0xC2 && byte <= 0xDF {
            sequenceLength = 2
        } else if byte >= 0xE0 && byte <= 0xEF {
            sequenceLength = 3
        } else if byte >= 0xF0 && byte <= 0xF4 {
            sequenceLength = 4
        } else {
            return .invalidUTF8(position)
        }
        guard position + sequenceLength <= end else { return .invalidUTF8(position) }
        for k in 1..<sequenceLength where bytes[position + k] & 0xC0 != 0x80 { return .invalidUTF8(position) }
        if sequenceLength == 3 {
            if byte == 0xE0 && bytes[position + 1] < 0xA0 { return .invalidUTF8(position) }
            if byte == 0xED && bytes[position + 1] > 0x9F { return .invalidUTF8(position) }
        }
        if sequenceLength == 4 {
            if byte == 0xF0 && bytes[position + 1] < 0x90 { return .invalidUTF8(position) }
            if byte == 0xF4 && bytes[position + 1] > 0x8F { return .invalidUTF8(position) }
        }
        position += sequenceLength
    }
    return nil
}
