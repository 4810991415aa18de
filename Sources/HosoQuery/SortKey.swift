import HosoText

/// The ranking of a hit packed into one integer, smaller first: tier (3 bits) · the typed last
/// word only completed, not held whole (1 bit; `prefix=1` names: Thu before Thúy) · 15 − fields
/// matched (4 bits) · name tokens out of order (1 bit) · ordinal (32 bits). Ordinals follow
/// record-id order, so equal keys above the ordinal fall back to the id.
enum SortKey {
    static func make(tier: MatchTier, completesOnly: Bool = false, fields: Int, inOrder: Bool, ordinal: UInt32) -> UInt64 {
        UInt64(tier.rawValue) << 38 | (completesOnly ? 1 : 0) << 37 | UInt64(15 - min(fields, 15)) << 33
            | (inOrder ? 0 : 1) << 32 | UInt64(ordinal)
    }

    static func ordinal(_ key: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: key) }
    static func tier(_ key: UInt64) -> MatchTier { MatchTier(rawValue: Int(key >> 38) & 7) ?? .fuzzy }

    /// A display score: 100 for an exact match on one field, less per tier, more per field.
    static func score(_ key: UInt64) -> Double {
        let tier = Double((key >> 38) & 7)
        let completesOnly = (key >> 37) & 1 == 1 ? 1.0 : 0
        let fields = Double(15 - ((key >> 33) & 15))
        let inOrder = (key >> 32) & 1 == 0 ? 0.5 : 0
        return 100 - tier * 15 - completesOnly + (fields - 1) * 2 + inOrder
    }
}

/// Keeps the `limit` smallest keys seen (a max-heap), and whether more than that were offered.
struct TopK {
    let limit: Int
    private var heap: [UInt64] = []
    private(set) var overflowed = false

    init(limit: Int) {
        self.limit = limit
        heap.reserveCapacity(limit)
    }

    mutating func insert(_ key: UInt64) {
        if heap.count < limit {
            heap.append(key)
            siftUp(heap.count - 1)
        } else {
            overflowed = true
            guard key < heap[0] else { return }
            heap[0] = key
            siftDown(0)
        }
    }

    func sorted() -> [UInt64] { heap.sorted() }

    private mutating func siftUp(_ i: Int) {
        var i = i
        while i > 0 {
            let p = (i - 1) / 2
            guard heap[i] > heap[p] else { break }
            heap.swapAt(i, p)
            i = p
        }
    }

    private mutating func siftDown(_ i: Int) {
        var i = i
        while true {
            let l = 2 * i + 1
            let r = l + 1
            var m = i
            if l < heap.count, heap[l] > heap[m] { m = l }
            if r < heap.count, heap[r] > heap[m] { m = r }
            if m == i { return }
            heap.swapAt(i, m)
            i = m
        }
    }
}
