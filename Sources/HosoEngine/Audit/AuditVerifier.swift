import HosoStore

/// What `AuditVerifier.verify` found.
public struct AuditVerification: Sendable, Hashable {
    /// Entries checked (up to the first bad one).
    public var entries: UInt64
    /// The sequence number of the first bad entry (or where one is missing), `nil` if the chain holds.
    public var firstBadSequence: UInt64?
    /// Why that entry is bad.
    public var reason: String?
    /// The hash of the last good entry (hex), to compare with a copy kept elsewhere.
    public var headHash: String

    /// Whether the whole chain holds.
    public var isValid: Bool { firstBadSequence == nil }
}

/// Checks the audit chain: sequence numbers 1, 2, 3, … without gaps, each entry's stored
/// previous hash equal to the hash of the entry before, each entry hash equal to
/// SHA-256(previous ‖ canonical bytes), and the head in `meta` equal to the last entry — so a
/// changed, inserted, removed or reordered entry, or a cut tail, is found.
public enum AuditVerifier {
    /// Verifies the audit log of `store`.
    ///
    /// - Throws: `LMDBError` if the store cannot be read (damaged entries are reported, not thrown).
    @available(*, noasync)
    public static func verify(store: RecordStore) throws -> AuditVerification {
        let audit = store.databases.audit
        let meta = store.databases.meta
        return try store.environment.read { txn in
            var expected: UInt64 = 1
            var previous = AuditCodec.genesisHash
            var bad: (UInt64, String)?
            try txn.forEach(in: audit) { key, value in
                let problem = check(key, value, expected: expected, previous: previous)
                if let problem {
                    bad = (expected, problem)
                    return false
                }
                previous = Array(value[(value.count - AuditCodec.hashSize)...])
                expected += 1
                return true
            }
            let checked = expected - 1
            if bad == nil {
                let head = try txn.withValue(forKey: AuditCodec.headKey, in: meta) { Array($0) }
                bad = checkHead(head, entries: checked, lastHash: previous)
            }
            return AuditVerification(
                entries: checked, firstBadSequence: bad?.0, reason: bad?.1, headHash: Timestamp.hex(previous))
        }
    }

    /// Compares the head record in `meta` with the last entry of the chain.
    ///
    /// - Returns: the first bad sequence and why, or `nil` when they agree.
    static func checkHead(_ head: [UInt8]?, entries: UInt64, lastHash: [UInt8]) -> (UInt64, String)? {
        guard let head else {
            return entries > 0 ? (1, "the log has entries but no head record in meta") : nil
        }
        guard head.count == 8 + AuditCodec.hashSize else { return (entries, "the head record in meta is malformed") }
        let sequence = head.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        if sequence < entries {
            return (sequence + 1, "entries after \(sequence), the last one the writer committed, were added behind its back")
        }
        if sequence > entries {
            return (entries + 1, "entries \(entries + 1)–\(sequence) were removed from the end")
        }
        guard Array(head.suffix(AuditCodec.hashSize)) == lastHash else {
            return (entries, "the last entry's hash differs from the head record: it or the head was altered")
        }
        return nil
    }

    /// What is wrong with one stored entry, or `nil`.
    static func check(_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer, expected: UInt64, previous: [UInt8])
        -> String?
    {
        guard let sequence = UInt64(bigEndianBytes: key) else { return "a key that is not a sequence number" }
        if sequence != expected {
            return sequence > expected
                ? "entry \(expected) is missing (next key is \(sequence))"
                : "entry \(sequence) appears out of order"
        }
        let entry: AuditEntry
        do {
            entry = try AuditCodec.decode(value)
        } catch {
            return "entry cannot be decoded: \(error)"
        }
        guard entry.sequence == sequence else { return "entry stored under \(sequence) says it is \(entry.sequence)" }
        guard entry.previousHash == previous else { return "its previous hash does not match the entry before" }
        let recomputed = AuditCodec.hash(previous: previous, canonical: Array(AuditCodec.canonicalBytes(value)))
        guard recomputed == entry.hash else { return "its hash does not match its content" }
        return nil
    }
}
