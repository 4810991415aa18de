/// What an upsert did.
public enum UpsertOutcome: Sendable, Hashable {
    /// The id was new (or only a tombstone was there).
    case inserted
    /// A lower version was replaced.
    case updated
    /// The stored version is the same or higher; nothing changed.
    case stale
}

/// What a delete did.
public enum DeleteOutcome: Sendable, Hashable {
    /// The record was replaced by a tombstone.
    case deleted
    /// The stored version (record or tombstone) is the same or higher; nothing changed.
    case stale
    /// No such record.
    case notFound
}

/// One entry of the change log.
public struct Change: Sendable, Hashable {
    public enum Operation: UInt8, Sendable, Hashable {
        case upsert = 1
        case delete = 2
    }

    /// Position in the log; strictly increasing, never reused.
    public var sequence: UInt64
    public var id: String
    public var version: Int64
    public var operation: Operation
    /// The `source` (sending agency) of the record: the new record's for an upsert, the deleted
    /// record's for a delete; `nil` when the record had none (and for entries written before
    /// the log kept it). Lets `GET /v1/changes` show an agency only its own changes.
    public var source: String?

    public init(sequence: UInt64, id: String, version: Int64, operation: Operation, source: String? = nil) {
        self.sequence = sequence
        self.id = id
        self.version = version
        self.operation = operation
        self.source = source
    }

    /// Set on the stored op byte when the source follows the id.
    private static let hasSource: UInt8 = 0x80

    /// The stored value: `op:u8 version:varint id:utf8`, or with a source
    /// `op|0x80:u8 version:varint idLength:varint id:utf8 source:utf8`.
    func encodedValue() -> [UInt8] {
        var writer = ByteWriter(out: [])
        guard let source else {
            writer.byte(operation.rawValue)
            writer.varint(UInt64(max(0, version)))
            writer.out.append(contentsOf: id.utf8)
            return writer.out
        }
        writer.byte(operation.rawValue | Self.hasSource)
        writer.varint(UInt64(max(0, version)))
        writer.varint(UInt64(id.utf8.count))
        writer.out.append(contentsOf: id.utf8)
        writer.out.append(contentsOf: source.utf8)
        return writer.out
    }

    /// Reads a stored value (either layout).
    static func decode(sequence: UInt64, _ bytes: UnsafeRawBufferPointer) throws(CodecError) -> Change {
        var reader = ByteReader(bytes)
        let op = try reader.byte()
        guard let operation = Operation(rawValue: op & ~Self.hasSource) else { throw CodecError.malformed("change op") }
        let version = try reader.varint()
        var source: String?
        let id: String
        if op & Self.hasSource != 0 {
            let length = try reader.varint()
            guard length <= UInt64(bytes.count - reader.index) else { throw CodecError.malformed("change id length") }
            id = try ByteReader.text(try reader.take(Int(length)))
            source = try ByteReader.text(try reader.take(bytes.count - reader.index))
        } else {
            id = try ByteReader.text(try reader.take(bytes.count - reader.index))
        }
        return Change(sequence: sequence, id: id, version: Int64(clamping: version), operation: operation, source: source)
    }
}

/// Store-level failures that are not LMDB's or the codec's.
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The database was written with another store layout.
    case schemaMismatch(found: UInt64, expected: UInt64)
    /// A record id is not 1–64 of `[A-Za-z0-9._-]`.
    case invalidID(String)
    /// The store is encrypted and no data key was given.
    case dataKeyRequired
    /// The data key given is not the one the store was encrypted with (key ids in hex).
    case wrongDataKey(expected: String, given: String)
    /// A data key was given for a store that holds unencrypted records (written before encryption).
    case notEncrypted
    /// `hoso keys rotate-data-key` from one key to another was interrupted (key ids in hex).
    case rotationInProgress(from: String, to: String)
    /// An encoded value in the wrong format for this store (sealed for an unencrypted store or
    /// the reverse); the format byte found.
    case wrongRecordFormat(UInt8)

    public var description: String {
        switch self {
        case .schemaMismatch(let found, let expected):
            "database has store schema \(found), this build reads \(expected); rebuild it with `hoso ingest` into a new directory"
        case .invalidID(let id): "invalid record id \"\(id)\""
        case .dataKeyRequired:
            "the database is encrypted at rest: give its data key with --data-key-file FILE or HOSO_DATA_KEY (base64 of 32 bytes)"
        case .wrongDataKey(let expected, let given):
            "wrong data key: the database was encrypted with key \(expected), the key given is \(given)"
        case .notEncrypted:
            "the database holds records written without encryption; encrypt them with `hoso keys rotate-data-key --db DIR --new-key-file FILE` (no old key), or open it without a data key"
        case .rotationInProgress(let from, let to):
            "a data key rotation from key \(from) to key \(to) was interrupted; run `hoso keys rotate-data-key` again with both keys to finish it"
        case .wrongRecordFormat(let format):
            "record encoded in format \(format), which this store does not accept (encrypted stores take sealed records only)"
        }
    }
}
