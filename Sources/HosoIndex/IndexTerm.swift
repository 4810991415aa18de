/// A term as the index stores it. `key` decides matching (the analyser's folded key);
/// `variant` is an opaque encoding of how the term was spelled, ordered within its key.
/// The index never interprets either: it compares bytes.
public struct IndexTerm: Hashable, Sendable, Comparable {
    public let key: String
    public let variant: String
    /// Computed once: index builds hash millions of terms, and String hashing normalises.
    private let hash: Int

    public init(key: String, variant: String) {
        self.key = key
        self.variant = variant
        var hasher = Hasher()
        var k = key
        var v = variant
        k.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(0xFF as UInt8)
        v.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hash = hasher.finalize()
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    /// Byte equality (the analyser's keys are NFC already; no normalisation needed here).
    public static func == (a: IndexTerm, b: IndexTerm) -> Bool {
        a.hash == b.hash && ByteOrder.compare(a.key, b.key) == 0 && ByteOrder.compare(a.variant, b.variant) == 0
    }

    /// Byte-wise order of (key, variant), the order of term ids in a `FieldIndex`.
    public static func < (a: IndexTerm, b: IndexTerm) -> Bool {
        let c = ByteOrder.compare(a.key, b.key)
        return c != 0 ? c < 0 : ByteOrder.compare(a.variant, b.variant) < 0
    }
}

/// Byte-wise comparison of UTF-8 strings (Swift's `<` on String is by Unicode scalars
/// after normalisation; the index wants raw byte order).
public enum ByteOrder {
    public static func compare(_ a: String, _ b: String) -> Int {
        var a = a
        var b = b
        return a.withUTF8 { x in b.withUTF8 { y in compare(x, y) } }
    }

    public static func compare(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Int {
        let n = min(x.count, y.count)
        for i in 0..<n where x[i] != y[i] { return x[i] < y[i] ? -1 : 1 }
        return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
    }
}

/// Strings stored back to back in one byte array; string i is `bytes[offsets[i]..<offsets[i+1]]`.
public struct StringArena: Sendable {
    public private(set) var bytes: [UInt8]
    public private(set) var offsets: [UInt32]

    public init() {
        bytes = []
        offsets = [0]
    }

    public init(bytes: [UInt8], offsets: [UInt32]) {
        self.bytes = bytes
        self.offsets = offsets
    }

    public var count: Int { offsets.count - 1 }

    public mutating func append(_ s: String) {
        bytes.append(contentsOf: s.utf8)
        offsets.append(UInt32(bytes.count))
    }

    public subscript(i: Int) -> String {
        let lo = Int(offsets[i])
        let hi = Int(offsets[i + 1])
        return bytes.withUnsafeBufferPointer { String(decoding: $0[lo..<hi], as: UTF8.self) }
    }

    /// Compares string i with `probe` byte-wise.
    @inline(__always)
    func compare(_ i: Int, _ probe: UnsafeBufferPointer<UInt8>) -> Int {
        let lo = Int(offsets[i])
        let hi = Int(offsets[i + 1])
        return bytes.withUnsafeBufferPointer { b in
            ByteOrder.compare(UnsafeBufferPointer(rebasing: b[lo..<hi]), probe)
        }
    }

    /// Whether string i starts with `probe`.
    @inline(__always)
    func hasPrefix(_ i: Int, _ probe: UnsafeBufferPointer<UInt8>) -> Bool {
        let lo = Int(offsets[i])
        let hi = Int(offsets[i + 1])
        guard hi - lo >= probe.count else { return false }
        return bytes.withUnsafeBufferPointer { b in
            for k in 0..<probe.count where b[lo + k] != probe[k] { return false }
            return true
        }
    }

    public var byteSize: Int { bytes.count + offsets.count * 4 }

    /// Indices of the strings in byte order.
    public func sortedIndices() -> [UInt32] {
        bytes.withUnsafeBufferPointer { b in
            (0..<UInt32(count)).sorted { x, y in
                let a = UnsafeBufferPointer(rebasing: b[Int(offsets[Int(x)])..<Int(offsets[Int(x) + 1])])
                let c = UnsafeBufferPointer(rebasing: b[Int(offsets[Int(y)])..<Int(offsets[Int(y) + 1])])
                return ByteOrder.compare(a, c) < 0
            }
        }
    }
}
