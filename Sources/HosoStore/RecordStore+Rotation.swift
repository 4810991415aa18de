import HosoModel

extension RecordStore {
    /// What `rotateDataKey` did.
    public struct RotationSummary: Sendable, Equatable {
        /// Records re-encrypted (tombstones are not counted: they hold no fields).
        public var records = 0
        /// Write transactions committed.
        public var batches = 0
        /// Whether the store was already encrypted with the new key (nothing to do).
        public var alreadyDone = false
        /// Whether an interrupted rotation was picked up.
        public var resumed = false
    }

    /// Re-encrypts every record of the store in `directory` from `old` (or from clear text, for a
    /// store written without encryption) to `new`, and re-files the national-id lookup under the
    /// new blind terms.
    ///
    /// Crash-safe and re-runnable: the new key's check value is recorded first (`data_key_next`),
    /// records are rewritten in write transactions of `batchSize`, each record's sealed blob
    /// names its key, and only the last transaction makes `new` the store's key. Until then the
    /// store opens only for a rotation with both keys; run it again with the same keys to finish.
    /// Record versions and the change log are not touched. The caller must rebuild the search
    /// index (it holds blind terms of the old key), and no other process may write meanwhile.
    ///
    /// - Parameters:
    ///   - progress: called after each committed batch with the records re-encrypted so far; an
    ///     error it throws stops the rotation there (as a crash would).
    /// - Throws: `StoreError.wrongDataKey` / `.dataKeyRequired` / `.rotationInProgress` for keys
    ///   that do not fit the store; `LMDBError`, `CodecError` for damaged records.
    @available(*, noasync)
    public static func rotateDataKey(
        directory: String, from old: DataKey?, to new: DataKey, batchSize: Int = 10_000, progress: (Int) throws -> Void = { _ in }
    ) throws -> RotationSummary {
        var summary = RotationSummary()
        if case .encrypted(let keyID) = try encryptionState(directory: directory), keyID == new.keyID {
            summary.alreadyDone = true
            return summary
        }
        let store = try RecordStore(directory: directory, options: Environment.Options(), dataKey: old, rotatingTo: new)
        guard let sealer = store.sealer else { throw StoreError.dataKeyRequired }
        let databases = store.databases
        summary.resumed = try store.environment.read { txn in try txn.contains(MetaKey.dataKeyNext, in: databases.meta) }
        try store.environment.write { txn in
            try txn.put(new.checkValue, forKey: MetaKey.dataKeyNext, in: databases.meta)
        }
        var after: [UInt8]? = nil
        while true {
            let (count, last) = try store.environment.write { txn -> (Int, [UInt8]?) in
                var batch: [(id: [UInt8], value: [UInt8])] = []
                try txn.withCursor(in: databases.records) { cursor in
                    var more = try after.map { try cursor.seek(atOrAfter: $0) } ?? (try cursor.first())
                    while more, batch.count < batchSize {
                        let entry = try cursor.withCurrent { key, value in (id: Array(key), value: Array(value)) }
                        if entry.id != after { batch.append(entry) }
                        more = try cursor.next()
                    }
                }
                var rewritten = 0
                for entry in batch {
                    let recoded = try entry.value.withUnsafeBytes { bytes -> (value: [UInt8], oldKey: String?, newKey: String?)? in
                        guard try !RecordCodec.header(bytes).isTombstone else { return nil }
                        let record = try RecordCodec.decode(bytes, sealer: sealer)
                        return (
                            RecordCodec.encode(record, sealer: sealer), try RecordCodec.nationalIDLookupKey(bytes),
                            record.nationalID.map { new.blindTerm(nationalID: $0) })
                    }
                    guard let recoded else { continue }
                    try txn.put(recoded.value, forKey: entry.id, in: databases.records)
                    if recoded.oldKey != recoded.newKey {
                        if let oldKey = recoded.oldKey { _ = try txn.delete(oldKey, value: entry.id, in: databases.nationalIDs) }
                        if let newKey = recoded.newKey { try txn.put(entry.id, forKey: newKey, in: databases.nationalIDs) }
                    }
                    rewritten += 1
                }
                return (rewritten, batch.last?.id)
            }
            guard let last else { break }
            summary.records += count
            summary.batches += 1
            try progress(summary.records)
            after = last
        }
        try store.environment.write { txn in
            try txn.put(new.checkValue, forKey: MetaKey.dataKeyCheck, in: databases.meta)
            _ = try txn.delete(MetaKey.dataKeyNext, in: databases.meta)
        }
        summary.batches += 1
        return summary
    }
}
