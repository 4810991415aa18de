import HosoStore

/// Block Bloom filters that let admin queries skip most of a long log.
///
/// The log is cut into blocks of `blockSize` sequence numbers (block `b` holds sequences
/// `b·blockSize ..< (b+1)·blockSize`). When a commit completes a block, the same transaction reads
/// the block's entries back and stores a Bloom filter of their subjects and callers under `b` in
/// the `audit_blooms` database. A query scans the unfinished last block entry by entry, then the
/// finished blocks from the newest, skipping every block whose filter rules the item out; a block
/// without a filter is scanned. The filters are an index only: `AuditVerifier` does not need them
/// and altering them cannot hide tampering, only make a query miss entries.
extension AuditLog {
    static let blockSize: UInt64 = 4096
    static let bloomDatabase = "audit_blooms"

    /// Stores the filters of the blocks completed by a commit that moved the tail from `before`
    /// to `after`.
    static func sealBlocks(
        from before: UInt64, to after: UInt64, in txn: borrowing WriteTransaction, audit: Database, blooms: Database
    ) throws {
        var block = (before + 1) / blockSize
        while block < (after + 1) / blockSize {
            let low = max(1, block * blockSize)
            let high = (block + 1) * blockSize - 1
            // Count the items first to size the filter, then insert them; both passes lend bytes.
            var count = 0
            for sequence in low...high {
                _ = try txn.withValue(forKey: sequence, in: audit) { value in
                    try AuditCodec.visitNames(value, caller: { _ in count += 1 }, subject: { _ in count += 1 })
                }
            }
            var bloom = AuditBloom(items: count)
            for sequence in low...high {
                _ = try txn.withValue(forKey: sequence, in: audit) { value in
                    try AuditCodec.visitNames(
                        value, caller: { bloom.insert(tag: AuditBloom.callerTag, $0) },
                        subject: { bloom.insert(tag: AuditBloom.subjectTag, $0) })
                }
            }
            try txn.put(bloom.encoded, forKey: block, in: blooms)
            block += 1
        }
    }

    /// The newest entries matching `filter`, newest first.
    ///
    /// Scans the unfinished last block, then finished blocks whose Bloom filter may hold the
    /// filter's item; entries that do not contain its bytes are skipped without decoding.
    ///
    /// - Parameters:
    ///   - filter: by subject or by caller key.
    ///   - limit: the most entries to return.
    /// - Throws: `LMDBError`, or `ByteFieldError` for a damaged entry.
    @available(*, noasync)
    public func entries(matching filter: AuditFilter, limit: Int) throws -> [AuditEntry] {
        let needle = filter.needle
        let item = filter.bloomItem
        let size = Self.blockSize
        let audit = self.audit
        let blooms = self.blooms
        return try environment.read { txn in
            var found: [AuditEntry] = []
            guard limit > 0, !needle.isEmpty else { return found }
            let last = try Self.lastSequence(in: txn, audit)
            guard last > 0 else { return found }
            let sealed = (last + 1) / size
            if last >= max(1, sealed * size) {
                try Self.scan(last, max(1, sealed * size), filter, needle, limit, &found, in: txn, audit)
                if found.count >= limit { return found }
            }
            var block = sealed
            while block > 0, found.count < limit {
                block -= 1
                let maybe = try txn.withValue(forKey: block, in: blooms) { AuditBloom.mayContain(item, stored: $0) } ?? true
                if maybe { try Self.scan((block + 1) * size - 1, max(1, block * size), filter, needle, limit, &found, in: txn, audit) }
            }
            return found
        }
    }

    /// The last sequence number (0 for an empty log).
    static func lastSequence(in txn: borrowing ReadTransaction, _ audit: Database) throws -> UInt64 {
        try txn.withCursor(in: audit) { cursor in
            guard try cursor.last() else { return 0 }
            return try cursor.withCurrent { key, _ in UInt64(bigEndianBytes: key) ?? 0 }
        }
    }

    /// Appends the entries from `high` down to `low` that match, until `found` holds `limit`.
    static func scan(
        _ high: UInt64, _ low: UInt64, _ filter: AuditFilter, _ needle: [UInt8], _ limit: Int, _ found: inout [AuditEntry],
        in txn: borrowing ReadTransaction, _ audit: Database
    ) throws {
        var sequence = high
        while sequence >= low, found.count < limit {
            let entry = try txn.withValue(forKey: sequence, in: audit) { value -> AuditEntry? in
                guard contains(AuditCodec.canonicalBytes(value), needle) else { return nil }
                let entry = try AuditCodec.decode(value)
                return filter.matches(entry.event) ? entry : nil
            }
            if let entry = entry ?? nil { found.append(entry) }
            sequence -= 1
        }
    }
}

extension AuditFilter {
    /// The tagged Bloom item of the filter.
    var bloomItem: [UInt8] {
        switch self {
        case .subject(let id): AuditBloom.subject(id)
        case .caller(let key): AuditBloom.caller(key)
        }
    }
}
