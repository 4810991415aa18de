/// Where the next page starts: the sort key of the last hit returned, and the snapshot it came
/// from. Opaque to callers (`c1.<hex key>.<hex sequence>`); it carries nothing they did not see.
public struct SearchCursor: Sendable, Equatable {
    public var key: UInt64
    public var sequence: UInt64

    public init(key: UInt64, sequence: UInt64) {
        self.key = key
        self.sequence = sequence
    }

    public init?(encoded: String) {
        let parts = encoded.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "c1", parts[1].count <= 16, parts[2].count <= 16,
            let key = UInt64(parts[1], radix: 16), let sequence = UInt64(parts[2], radix: 16)
        else { return nil }
        self.key = key
        self.sequence = sequence
    }

    public var encoded: String { "c1.\(String(key, radix: 16)).\(String(sequence, radix: 16))" }
}
