import HosoModel

extension RecordStore {
    /// The records changed after `sequence`, read in one transaction with the change log, so the
    /// result is one consistent state: every change up to `through` and no part of a later one.
    public struct ChangedRecords: Sendable {
        /// The last change included.
        public var through: UInt64
        /// Each changed id once, in the order of its last change, with its record now (nil: deleted).
        public var records: [(id: String, record: PersonRecord?)]
        /// Whether changes after `through` were left for the next call (the limit was reached).
        public var more: Bool
    }

    /// The current state of every record changed after `sequence`, up to `limit` changes.
    ///
    /// - Throws: `LMDBError`, or `CodecError` for a damaged value.
    @available(*, noasync)
    public func changedRecords(since sequence: UInt64, limit: Int) throws -> ChangedRecords {
        try environment.read { txn in
            var through = sequence
            var order: [String] = []
            var position: [String: Int] = [:]
            var count = 0
            try txn.forEach(in: databases.changes, from: Array(withUnsafeBytes(of: (sequence &+ 1).bigEndian) { Array($0) })) {
                key, value in
                guard let number = UInt64(bigEndianBytes: key) else { throw CodecError.malformed("change key") }
                let change = try Change.decode(sequence: number, value)
                if let old = position[change.id] { order[old] = "" }
                position[change.id] = order.count
                order.append(change.id)
                through = number
                count += 1
                return count < limit
            }
            let last = try Self.meta(MetaKey.lastSequence, in: txn, databases.meta) ?? 0
            var records: [(id: String, record: PersonRecord?)] = []
            records.reserveCapacity(position.count)
            for id in order where !id.isEmpty {
                records.append((id, try Self.record(id: id, in: txn, databases, sealer: sealer)))
            }
            return ChangedRecords(through: through, records: records, more: through < last)
        }
    }
}
