import HosoModel

/// Person records in LMDB: records by id, the national-id lookup, the change log and metadata.
///
/// Idempotent by (id, version): an upsert or delete whose version is not above the stored one
/// (record or tombstone) is `stale` and changes nothing. Every applied change gets the next
/// sequence number in `changes`, in the same transaction.
public final class RecordStore: Sendable {
    /// The layout of the databases this build writes.
    public static let schemaVersion: UInt64 = 1

    /// The LMDB environment (shared with the audit log and key store).
    public let environment: Environment
    /// The named databases.
    public let databases: StoreDatabases
    /// Seals and opens restricted fields; `nil` for an unencrypted store, or an encrypted one
    /// opened without its key (then records cannot be read or written, keys and audit can).
    public let sealer: FieldSealer?
    /// Whether the records are encrypted at rest (the store holds a data key check value).
    public let isEncrypted: Bool

    /// Opens (creating if needed) the store in `directory`.
    ///
    /// With `dataKey`, a new store becomes encrypted: restricted fields are sealed (`RecordCodec`
    /// format 2) and national ids are looked up by blind term; only the key's check value is
    /// written to `meta`. An encrypted store opened without a key still serves keys, audit and
    /// counts, but reading or writing a record throws `dataKeyRequired`. Without `dataKey`, a new
    /// store stays unencrypted (format 1): tests and databases written before encryption.
    ///
    /// - Parameters:
    ///   - directory: the database directory.
    ///   - options: environment options (map size, sync mode).
    ///   - dataKey: the key that seals restricted fields (from a file or the environment, never
    ///     from the database).
    /// - Throws: `LMDBError` if LMDB cannot open it; `StoreError.schemaMismatch` for a store of
    ///   another layout; `.wrongDataKey` when the store was encrypted with another key;
    ///   `.notEncrypted` for a key given to a store that already holds unencrypted records;
    ///   `.rotationInProgress` when `hoso keys rotate-data-key` was interrupted.
    public convenience init(
        directory: String, options: Environment.Options = Environment.Options(), dataKey: DataKey? = nil
    ) throws {
        try self.init(directory: directory, options: options, dataKey: dataKey, rotatingTo: nil)
    }

    /// Opens the store; with `rotatingTo`, for `rotateDataKey` (records of either key open, new
    /// ones are sealed with `rotatingTo`).
    init(directory: String, options: Environment.Options, dataKey: DataKey?, rotatingTo next: DataKey?) throws {
        environment = try Environment.open(directory: directory, options: options)
        databases = try StoreDatabases.open(in: environment)
        let databases = self.databases
        let stored = try environment.read { txn in try Self.meta(MetaKey.schemaVersion, in: txn, databases.meta) }
        if let stored, stored != Self.schemaVersion {
            throw StoreError.schemaMismatch(found: stored, expected: Self.schemaVersion)
        }
        if stored == nil && !options.readOnly {
            try environment.write { txn in
                try txn.put(Self.schemaVersion, forKey: MetaKey.schemaVersion, in: databases.meta)
            }
        }
        let state = try environment.read { txn in
            (check: try txn.withValue(forKey: MetaKey.dataKeyCheck, in: databases.meta) { Array($0) },
             pending: try txn.withValue(forKey: MetaKey.dataKeyNext, in: databases.meta) { Array($0) },
             records: try txn.statistics(of: databases.records).entries)
        }
        let resolved = try Self.sealing(
            check: state.check, pending: state.pending, hasRecords: state.records > 0, dataKey: dataKey, next: next)
        var encrypted = state.check != nil
        if let dataKey, next == nil, state.check == nil, state.records == 0, !options.readOnly {
            try environment.write { txn in
                try txn.put(dataKey.checkValue, forKey: MetaKey.dataKeyCheck, in: databases.meta)
            }
            encrypted = true
        }
        sealer = resolved
        isEncrypted = encrypted
    }

    // MARK: reading

    /// The record stored under `id`.
    ///
    /// - Returns: the record, or `nil` if absent or deleted.
    /// - Throws: `LMDBError`, or `CodecError` for a damaged value.
    @available(*, noasync)
    public func record(id: String) throws -> PersonRecord? {
        try environment.read { txn in try Self.record(id: id, in: txn, databases, sealer: sealer) }
    }

    /// The ids of records with this national id (usually one), found by its blind term in an
    /// encrypted store.
    ///
    /// - Throws: `StoreError.dataKeyRequired` for an encrypted store opened without its key.
    @available(*, noasync)
    public func ids(nationalID: String) throws -> [String] {
        let key = try nationalIDTerm(nationalID)
        return try environment.read { txn in
            try txn.withCursor(in: databases.nationalIDs) { cursor in
                var ids: [String] = []
                var more = try cursor.seek(exactly: key)
                while more {
                    ids.append(try cursor.withCurrent { _, value in String(decoding: value, as: UTF8.self) })
                    more = try cursor.nextDuplicate()
                }
                return ids
            }
        }
    }

    /// How many live records there are (tombstones not counted).
    @available(*, noasync)
    public func count() throws -> Int {
        try environment.read { txn in try Self.count(in: txn, databases) }
    }

    /// The sequence number of the last change (0 before any).
    @available(*, noasync)
    public func lastSequence() throws -> UInt64 {
        try environment.read { txn in try Self.meta(MetaKey.lastSequence, in: txn, databases.meta) ?? 0 }
    }

    /// The sequence number of the last change as `txn` sees the store (0 before any). Every
    /// change to a record moves it, in the transaction that makes the change.
    public func lastSequence(in txn: borrowing ReadTransaction) throws -> UInt64 {
        try Self.meta(MetaKey.lastSequence, in: txn, databases.meta) ?? 0
    }

    /// Changes with a sequence number above `sequence`, oldest first.
    ///
    /// - Parameters:
    ///   - sequence: the last sequence number already seen (0 for all).
    ///   - limit: the most changes to return.
    @available(*, noasync)
    public func changes(since sequence: UInt64, limit: Int) throws -> [Change] {
        try environment.read { txn in
            var changes: [Change] = []
            guard limit > 0 else { return changes }
            try txn.forEach(in: databases.changes, from: Array(withUnsafeBytes(of: (sequence &+ 1).bigEndian) { Array($0) })) {
                key, value in
                guard let number = UInt64(bigEndianBytes: key) else { throw CodecError.malformed("change key") }
                changes.append(try Change.decode(sequence: number, value))
                return changes.count < limit
            }
            return changes
        }
    }

    /// Calls `body` with every live record in id order, until it returns `false`.
    ///
    /// Runs in one read transaction (a consistent snapshot).
    @available(*, noasync)
    public func forEachRecord(_ body: (PersonRecord) throws -> Bool) throws {
        try environment.read { txn in
            try txn.forEach(in: databases.records) { _, value in
                guard try !RecordCodec.header(value).isTombstone else { return true }
                return try body(try RecordCodec.decode(value, sealer: sealer))
            }
        }
    }

    // MARK: writing

    /// Inserts or updates one record in its own transaction.
    ///
    /// - Returns: `.inserted`, `.updated`, or `.stale` when the stored version is not lower.
    @available(*, noasync)
    @discardableResult
    public func upsert(_ record: PersonRecord) throws -> UpsertOutcome {
        try write { writer in try writer.upsert(record) }
    }

    /// Deletes one record in its own transaction, leaving a tombstone at `version`.
    ///
    /// - Returns: `.deleted`, `.stale` when the stored version is not lower, or `.notFound`.
    @available(*, noasync)
    @discardableResult
    public func delete(id: String, version: Int64) throws -> DeleteOutcome {
        try write { writer in try writer.delete(id: id, version: version) }
    }

    /// Runs `body` with a `RecordWriter` in one write transaction, committed when `body` returns.
    ///
    /// `body` may be run more than once if the map has to grow (see `Environment.write`).
    @available(*, noasync)
    public func write<R>(_ body: (inout RecordWriter) throws -> R) throws -> R {
        try environment.write { txn in
            var writer = try RecordWriter(handle: txn.handle, databases: databases, sealing: try writeSealing())
            let result = try body(&writer)
            try writer.finish()
            return result
        }
    }

    // MARK: helpers shared with readers in the same module

    static func record(
        id: String, in txn: borrowing ReadTransaction, _ databases: StoreDatabases, sealer: FieldSealer?
    ) throws -> PersonRecord? {
        guard RecordID.isValid(id.utf8) else { return nil }
        return try txn.withValue(forKey: id, in: databases.records) { bytes -> PersonRecord? in
            if try RecordCodec.header(bytes).isTombstone { return nil }
            return try RecordCodec.decode(bytes, sealer: sealer)
        } ?? nil
    }

    static func count(in txn: borrowing ReadTransaction, _ databases: StoreDatabases) throws -> Int {
        let entries = try txn.statistics(of: databases.records).entries
        let tombstones = try meta(MetaKey.tombstones, in: txn, databases.meta) ?? 0
        return entries - Int(tombstones)
    }

    static func meta(_ key: String, in txn: borrowing ReadTransaction, _ meta: Database) throws -> UInt64? {
        try txn.withValue(forKey: key, in: meta) { UInt64(bigEndianBytes: $0) } ?? nil
    }
}
