import CLMDB
import HosoModel

/// Record changes inside one write transaction of `RecordStore.write`.
///
/// Keeps the sequence counter and tombstone count in memory and stores them in `meta` when the
/// transaction ends. Ids that sort after every stored id are added with `MDB_APPEND` (no search,
/// full pages) — the common case when loading a file in id order.
public struct RecordWriter: ~Copyable {
    let txn: WriteTransaction
    let databases: StoreDatabases
    /// Whether records are sealed, and with what.
    let sealing: RecordStore.WriteSealing
    /// The sequence number of the last change written.
    public private(set) var lastSequence: UInt64
    private let startSequence: UInt64
    private var tombstones: UInt64
    private let startTombstones: UInt64
    /// The largest id in `records`, or `nil` when unknown; ids above it need no lookup.
    private var appendAbove: [UInt8]?

    init(handle: OpaquePointer, databases: StoreDatabases, sealing: RecordStore.WriteSealing) throws {
        self.sealing = sealing
        let sequence = try lmdbGet(handle, databases.meta, MetaKey.lastSequence) { UInt64(bigEndianBytes: $0) }
        let tombstoneCount = try lmdbGet(handle, databases.meta, MetaKey.tombstones) { UInt64(bigEndianBytes: $0) }
        let largest = try lmdbWithCursor(handle, databases.records) { cursor in
            try cursor.last() ? try cursor.withCurrent { key, _ in Array(key) } : []
        }
        txn = WriteTransaction(handle: handle)
        self.databases = databases
        startSequence = (sequence ?? nil) ?? 0
        lastSequence = startSequence
        startTombstones = (tombstoneCount ?? nil) ?? 0
        tombstones = startTombstones
        appendAbove = largest
    }

    /// Inserts or updates `record`.
    ///
    /// - Returns: `.stale` (nothing written) when the stored record or tombstone has the same or a
    ///   higher version.
    /// - Throws: `StoreError.invalidID`, `LMDBError`, `CodecError` for a damaged stored value.
    public mutating func upsert(_ record: PersonRecord) throws -> UpsertOutcome {
        let value = RecordCodec.encode(record, sealer: sealer)
        return try upsert(
            encoded: value, id: record.id, version: record.version, nationalID: record.nationalID, source: record.source)
    }

    /// The sealer records must be encoded with (`RecordCodec.encode(_:into:sealer:)`): `nil` for an
    /// unencrypted store.
    public var sealer: FieldSealer? {
        if case .sealed(let sealer) = sealing { return sealer }
        return nil
    }

    /// Inserts or updates a record already encoded with `RecordCodec.encode(_:into:sealer:)` and
    /// this writer's `sealer`.
    ///
    /// - Parameters:
    ///   - value: the encoded record.
    ///   - id, version, nationalID, source: the record's, as encoded in `value` (the source goes
    ///     to the change log; the national id in clear, filed under its blind term).
    /// - Throws: `StoreError.wrongRecordFormat` for a value not sealed for an encrypted store (or
    ///   sealed for an unencrypted one), so no caller can store restricted fields in clear.
    public mutating func upsert(
        encoded value: some LMDBBytes, id: String, version: Int64, nationalID: String?, source: String? = nil
    ) throws -> UpsertOutcome {
        guard RecordID.isValid(id.utf8) else { throw StoreError.invalidID(id) }
        let format = value.withLMDBBytes { $0.first } ?? 0
        let expected = sealer == nil ? RecordCodec.formatVersion : RecordCodec.sealedFormatVersion
        guard format == expected else { throw StoreError.wrongRecordFormat(format) }
        // A sealed value carries its blind term (tag 22): read it rather than hash again.
        let lookupKey = nationalID == nil
            ? nil
            : try value.withLMDBBytes { bytes throws(CodecError) in try RecordCodec.nationalIDLookupKey(bytes) }
        let records = databases.records
        var outcome = UpsertOutcome.inserted
        if let floor = appendAbove, id.utf8.lexicographicallyPrecedes(floor) == false, !id.utf8.elementsEqual(floor) {
            // Sorts after every stored id: absent for sure.
            try txn.put(value, forKey: id, in: records, flags: .append)
            appendAbove = Array(id.utf8)
        } else {
            let stored = try txn.withValue(forKey: id, in: records) { bytes in
                (header: try RecordCodec.header(bytes), nationalID: try RecordCodec.nationalIDLookupKey(bytes))
            }
            if let stored {
                if version <= stored.header.version { return .stale }
                if stored.header.isTombstone {
                    tombstones -= 1
                } else {
                    outcome = .updated
                    if let old = stored.nationalID, old != lookupKey {
                        try txn.delete(old, value: id, in: databases.nationalIDs)
                    }
                }
            }
            try txn.put(value, forKey: id, in: records)
        }
        if let lookupKey { try txn.put(id, forKey: lookupKey, in: databases.nationalIDs) }
        try log(Change(sequence: 0, id: id, version: version, operation: .upsert, source: source))
        return outcome
    }

    /// Deletes the record `id`, leaving a tombstone at `version`.
    ///
    /// - Returns: `.deleted`; `.stale` when the stored version is the same or higher; `.notFound`
    ///   when there is no live record (a tombstone with a lower version is moved up to `version`).
    public mutating func delete(id: String, version: Int64) throws -> DeleteOutcome {
        guard RecordID.isValid(id.utf8) else { throw StoreError.invalidID(id) }
        let stored = try txn.withValue(forKey: id, in: databases.records) { bytes in
            let header = try RecordCodec.header(bytes)
            let source = header.isTombstone || version <= header.version ? nil : try RecordCodec.source(bytes)
            return (header: header, nationalID: try RecordCodec.nationalIDLookupKey(bytes), source: source)
        }
        guard let stored else { return .notFound }
        if version <= stored.header.version { return .stale }
        try txn.put(RecordCodec.tombstone(version: version), forKey: id, in: databases.records)
        if stored.header.isTombstone { return .notFound }
        tombstones += 1
        if let old = stored.nationalID { try txn.delete(old, value: id, in: databases.nationalIDs) }
        try log(Change(sequence: 0, id: id, version: version, operation: .delete, source: stored.source))
        return .deleted
    }

    /// The live record stored under `id` as this transaction sees it (earlier writes included).
    ///
    /// - Returns: the record, or `nil` if absent or deleted.
    /// - Throws: `LMDBError`, or `CodecError` for a damaged value.
    public func record(id: String) throws -> PersonRecord? {
        guard RecordID.isValid(id.utf8) else { return nil }
        return try txn.withValue(forKey: id, in: databases.records) { bytes -> PersonRecord? in
            if try RecordCodec.header(bytes).isTombstone { return nil }
            return try RecordCodec.decode(bytes, sealer: sealer)
        } ?? nil
    }

    /// The version stored under `id` (record or tombstone) as this transaction sees it.
    ///
    /// - Returns: the version and whether it is a tombstone, or `nil` if `id` was never stored.
    /// - Throws: `LMDBError`, or `CodecError` for a damaged value.
    public func storedVersion(id: String) throws -> (version: Int64, deleted: Bool)? {
        guard RecordID.isValid(id.utf8) else { return nil }
        return try txn.withValue(forKey: id, in: databases.records) { bytes in
            let header = try RecordCodec.header(bytes)
            return (header.version, header.isTombstone)
        }
    }

    /// Writes the counters to `meta` if they changed; called by `RecordStore.write`.
    mutating func finish() throws {
        if lastSequence != startSequence { try txn.put(lastSequence, forKey: MetaKey.lastSequence, in: databases.meta) }
        if tombstones != startTombstones { try txn.put(tombstones, forKey: MetaKey.tombstones, in: databases.meta) }
    }

    private mutating func log(_ change: Change) throws {
        lastSequence += 1
        var numbered = change
        numbered.sequence = lastSequence
        try txn.put(numbered.encodedValue(), forKey: lastSequence, in: databases.changes, flags: .append)
    }
}
