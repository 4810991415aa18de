/// SplitMix64: a small, fast, seedable generator; every record draws from its own instance.
///
/// Not for cryptography. The same seed always gives the same sequence on every platform, which is
/// what makes `hoso generate` byte-for-byte reproducible.
struct GeneratorRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator started from `seed`.
    init(seed: UInt64) { state = seed }

    /// A generator for one item of a seeded sequence: `seed` and `stream` are mixed so that
    /// neighbouring streams (record 1, record 2, …) start far apart.
    init(seed: UInt64, stream: UInt64) {
        state = Self.mix(seed ^ Self.mix(stream &+ 0x632B_E59B_D9B4_E019))
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// The SplitMix64 finaliser: a bijective scramble of 64 bits.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (multiply-shift; the bias is below 2⁻³² for the bounds used here).
    /// - Parameter bound: the exclusive upper bound; must be positive.
    @inline(__always) mutating func below(_ bound: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A number in `range`.
    @inline(__always) mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// `true` with probability `perMille` / 1000.
    @inline(__always) mutating func chance(perMille: Int) -> Bool { below(1000) < perMille }

    /// A number in `[0, 1)`.
    @inline(__always) mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}

/// A weighted choice among `count` items, drawn by binary search over running totals.
struct WeightedChoice: Sendable {
    private let totals: [UInt64]

    /// - Parameter weights: one non-negative weight per item; at least one must be positive
    ///   (callers check that when they load a table).
    init(_ weights: [Int]) {
        var running: UInt64 = 0
        totals = weights.map { weight in
            running += UInt64(max(0, weight))
            return running
        }
    }

    /// Whether nothing can be drawn (no items, or every weight zero).
    var isEmpty: Bool { (totals.last ?? 0) == 0 }

    /// The number of items.
    var count: Int { totals.count }

    /// An item index, with probability proportional to its weight.
    /// - Precondition: `!isEmpty`.
    @inline(__always) func pick(_ random: inout GeneratorRandom) -> Int {
        let total = totals[totals.count - 1]
        let target = UInt64(truncatingIfNeeded: random.next().multipliedFullWidth(by: total).high)
        var low = 0
        var high = totals.count - 1
        while low < high {
            let middle = (low + high) >> 1
            if totals[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
