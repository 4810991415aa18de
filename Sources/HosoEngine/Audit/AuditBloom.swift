/// A Bloom filter over the subjects and callers of one block of audit entries.
///
/// Stored form: `1`, the number of hash functions, then the bit array (its length fixes the size).
/// Items are tagged — `s:` + record id (asked for or returned), `c:` + key id — and hashed once
/// with a 64-bit FNV-1a plus a final mix; the probes are `h1 + i·h2` (Kirsch–Mitzenmacher).
/// About 10 bits per item and 7 probes give roughly 1 % false positives; there are no false
/// negatives, so a block whose filter says no is skipped safely.
struct AuditBloom {
    static let format: UInt8 = 1
    static let probes = 7
    var bits: [UInt8]

    /// An empty filter sized for `items` items.
    init(items: Int) {
        bits = [UInt8](repeating: 0, count: max(128, (items * 10 + 7) / 8))
    }

    init(bits: [UInt8]) { self.bits = bits }

    /// The tagged item of a record id.
    static func subject(_ id: String) -> [UInt8] { subjectTag + Array(id.utf8) }
    /// The tagged item of a key id.
    static func caller(_ key: String) -> [UInt8] { callerTag + Array(key.utf8) }

    mutating func insert(_ item: [UInt8]) {
        item.withUnsafeBytes { insert(tag: [], $0) }
    }

    /// Inserts the item `tag` ‖ `bytes` without building it.
    mutating func insert(tag: [UInt8], _ bytes: UnsafeRawBufferPointer) {
        let m = UInt64(bits.count * 8)
        var (h1, h2) = Self.hashes(tag, bytes)
        for _ in 0..<Self.probes {
            let bit = Int(h1 % m)
            bits[bit >> 3] |= 1 << UInt8(bit & 7)
            h1 &+= h2
        }
    }

    /// Whether `item` may be in the filter stored as `stored` (false: certainly not).
    static func mayContain(_ item: [UInt8], stored: UnsafeRawBufferPointer) -> Bool {
        guard stored.count > 2, stored[0] == format else { return true }
        let probes = Int(stored[1])
        let bits = UnsafeRawBufferPointer(rebasing: stored[2...])
        let m = UInt64(bits.count * 8)
        var (h1, h2) = item.withUnsafeBytes { hashes([], $0) }
        for _ in 0..<probes {
            let bit = Int(h1 % m)
            if bits[bit >> 3] & (1 << UInt8(bit & 7)) == 0 { return false }
            h1 &+= h2
        }
        return true
    }

    /// The stored form.
    var encoded: [UInt8] { [Self.format, UInt8(Self.probes)] + bits }

    static let subjectTag = Array("s:".utf8)
    static let callerTag = Array("c:".utf8)

    private static func hashes(_ tag: [UInt8], _ bytes: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in tag { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        // splitmix64 finaliser for the second hash; force it odd so probes cover the array.
        var z = h &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return (h, z | 1)
    }
}
