/// A sorted set of record ordinals: a `UInt32` array when sparse, a bitmap when dense.
///
/// A bitmap over N records costs N/8 bytes; an array costs 4 bytes per entry, so a list
/// switches to a bitmap once it holds more than N/32 entries. Intersections then run as bit
/// tests (array ∩ bitmap) or word ANDs (bitmap ∩ bitmap) instead of merges over long arrays.
public enum PostingList: Sendable {
    case array([UInt32])
    case bitmap(Bitmap)

    /// Number of ordinals in the set.
    public var count: Int {
        switch self {
        case let .array(a): a.count
        case let .bitmap(b): b.count
        }
    }

    /// Chooses the representation for sorted, distinct `ordinals` among `universe` records.
    public init(sorted ordinals: [UInt32], universe: Int) {
        if ordinals.count > universe / 32, universe > 0 {
            self = .bitmap(Bitmap(sorted: ordinals, universe: universe))
        } else {
            self = .array(ordinals)
        }
    }

    /// Whether `ordinal` is in the set (binary search on arrays, a bit test on bitmaps).
    @inline(__always)
    public func contains(_ ordinal: UInt32) -> Bool {
        switch self {
        case let .bitmap(b): return b.contains(ordinal)
        case let .array(a):
            var lo = 0
            var hi = a.count
            while lo < hi {
                let mid = (lo + hi) >> 1
                if a[mid] < ordinal { lo = mid + 1 } else { hi = mid }
            }
            return lo < a.count && a[lo] == ordinal
        }
    }

    /// All ordinals, ascending.
    public func ordinals() -> [UInt32] {
        switch self {
        case let .array(a): a
        case let .bitmap(b): b.ordinals()
        }
    }

    /// Bytes this list occupies.
    public var byteSize: Int {
        switch self {
        case let .array(a): a.count * 4
        case let .bitmap(b): b.words.count * 8
        }
    }
}

/// A fixed-size bitmap over record ordinals with a cached population count.
public struct Bitmap: Sendable {
    public private(set) var words: [UInt64]
    public private(set) var count: Int

    public init(universe: Int) {
        words = [UInt64](repeating: 0, count: (universe + 63) / 64)
        count = 0
    }

    public init(sorted ordinals: [UInt32], universe: Int) {
        self.init(universe: universe)
        for o in ordinals { words[Int(o >> 6)] |= 1 << UInt64(o & 63) }
        count = ordinals.count
    }

    public init(words: [UInt64]) {
        self.words = words
        count = words.reduce(0) { $0 + $1.nonzeroBitCount }
    }

    @inline(__always)
    public func contains(_ o: UInt32) -> Bool {
        let w = Int(o >> 6)
        return w < words.count && words[w] & (1 << UInt64(o & 63)) != 0
    }

    /// Sets bits of `other` too (union in place).
    public mutating func formUnion(_ other: Bitmap) {
        for i in 0..<min(words.count, other.words.count) { words[i] |= other.words[i] }
        count = words.reduce(0) { $0 + $1.nonzeroBitCount }
    }

    public mutating func insert(_ o: UInt32) {
        let w = Int(o >> 6)
        let bit: UInt64 = 1 << UInt64(o & 63)
        if words[w] & bit == 0 {
            words[w] |= bit
            count += 1
        }
    }

    public func ordinals() -> [UInt32] {
        var out = [UInt32]()
        out.reserveCapacity(count)
        for (i, var word) in words.enumerated() {
            while word != 0 {
                let bit = word.trailingZeroBitCount
                out.append(UInt32(i << 6 | bit))
                word &= word - 1
            }
        }
        return out
    }
}
