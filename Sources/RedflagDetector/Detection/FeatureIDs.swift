/// Dense ids of 64-bit feature hashes (`NaiveBayesModel`): an open-addressing table on the hashes
/// themselves (already FNV-1a, well spread), so that a lookup neither allocates nor runs `Hasher`.
/// Ids are given in the order the hashes are first inserted: 0, 1, 2…
struct FeatureIDs: Sendable {
    private var keys: [UInt64]
    /// Slot → 1 + id, 0 when empty; a power of two, at most half full.
    private var slots: [Int32]
    private(set) var count = 0

    init() {
        keys = []
        slots = [Int32](repeating: 0, count: 1024)
    }

    @inline(__always) private static func spread(_ key: UInt64) -> Int { Int(truncatingIfNeeded: key ^ (key >> 29)) }

    /// The id of `key`, nil when it was never inserted.
    subscript(_ key: UInt64) -> Int? {
        let mask = slots.count - 1
        var slot = FeatureIDs.spread(key) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            if keys[entry - 1] == key { return entry - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// The key whose id is `id`.
    func key(_ id: Int) -> UInt64 { keys[id] }

    /// Gives `key` (not yet inserted) the next id, and returns it.
    mutating func insert(_ key: UInt64) -> Int {
        if (count + 1) * 2 > slots.count {
            slots = [Int32](repeating: 0, count: slots.count * 2)
            for (id, known) in keys.enumerated() { place(id, key: known) }
        }
        keys.append(key)
        count += 1
        place(count - 1, key: key)
        return count - 1
    }

    private mutating func place(_ id: Int, key: UInt64) {
        let mask = slots.count - 1
        var slot = FeatureIDs.spread(key) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(id + 1)
    }
}
