/// The named databases of a hoso store (DESIGN §1).
public struct StoreDatabases: Sendable {
    /// id (UTF-8) → `RecordCodec` value (record or tombstone).
    public let records: Database
    /// national id key → record id; several ids per key are allowed (duplicates are a data-quality
    /// finding, not a load error). In an encrypted store the key is the id's blind term
    /// (`DataKey.blindTerm(nationalID:)`), never the digits; in an unencrypted one the 12 digits.
    public let nationalIDs: Database
    /// sequence number (`UInt64` big-endian) → `Change` (op, version, id); append-only.
    public let changes: Database
    /// The audit log (DESIGN §3); its format belongs to the audit writer.
    public let audit: Database
    /// API keys (DESIGN §3); their format belongs to the key store.
    public let keys: Database
    /// Store metadata: `schema_version`, `last_seq`, `tombstones`, and other components' entries.
    public let meta: Database

    static func open(in environment: Environment) throws(LMDBError) -> StoreDatabases {
        StoreDatabases(
            records: try environment.openDatabase("records"),
            nationalIDs: try environment.openDatabase("national_ids", flags: .duplicateSort),
            changes: try environment.openDatabase("changes"),
            audit: try environment.openDatabase("audit"),
            keys: try environment.openDatabase("keys"),
            meta: try environment.openDatabase("meta"))
    }
}

/// Keys of the entries `RecordStore` keeps in `meta`.
public enum MetaKey {
    /// `UInt64` big-endian: the layout of the store (`RecordStore.schemaVersion`).
    public static let schemaVersion = "schema_version"
    /// `UInt64` big-endian: the sequence number of the last change.
    public static let lastSequence = "last_seq"
    /// `UInt64` big-endian: how many values in `records` are tombstones.
    public static let tombstones = "tombstones"
    /// 16 bytes: `DataKey.checkValue` of the key that seals the records (absent: unencrypted store).
    public static let dataKeyCheck = "data_key_check"
    /// 16 bytes: `DataKey.checkValue` of the key a rotation under way is moving the records to.
    public static let dataKeyNext = "data_key_next"
}
