/// Where the next page starts: the rank of the last hit returned (tier, fields matched, name
/// order — the sort key without its ordinal), that hit's record id, and the index sequence the
/// page came from. Opaque to callers (`c2.<hex rank>.<hex sequence>.<id>`); it carries nothing
/// they did not see.
///
/// Resuming by id rather than by ordinal keeps a cursor meaningful across the segments of a
/// `LiveIndex`, whose ordinals are numbered per segment.
public struct SearchCursor: Sendable, Equatable {
    public var rank: UInt32
    public var id: String
    public var sequence: UInt64

    public init(rank: UInt32, id: String, sequence: UInt64) {
        self.rank = rank
        self.id = id
        self.sequence = sequence
    }

    public init?(encoded: String) {
        let parts = encoded.split(separator: ".", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "c2", parts[1].count <= 8, parts[2].count <= 16,
            let rank = UInt32(parts[1], radix: 16), let sequence = UInt64(parts[2], radix: 16),
            !parts[3].isEmpty, parts[3].utf8.count <= 64
        else { return nil }
        self.rank = rank
        self.id = String(parts[3])
        self.sequence = sequence
    }

    public var encoded: String { "c2.\(String(rank, radix: 16)).\(String(sequence, radix: 16)).\(id)" }

    /// The sort key, in a snapshot, at and before which hits were already returned: ranks below
    /// `rank`, and at `rank` the records whose ids are not after `id` (`idsNotAfter` of them).
    func resumeKey(idsNotAfter count: Int) -> UInt64? {
        let base = UInt64(rank) << 32
        if count == 0 { return base == 0 ? nil : base - 1 }
        return base | UInt64(count - 1)
    }
}
