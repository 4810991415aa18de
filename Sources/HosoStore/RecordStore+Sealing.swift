import HosoModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension RecordStore {
    /// How records are written: in clear (format 1) or sealed (format 2).
    enum WriteSealing {
        case plaintext
        case sealed(FieldSealer)
    }

    /// The sealer for a store in the state read from `meta`.
    static func sealing(
        check: [UInt8]?, pending: [UInt8]?, hasRecords: Bool, dataKey: DataKey?, next: DataKey?
    ) throws(StoreError) -> FieldSealer? {
        let from = check.map { DataKey.hex($0.prefix(4)) } ?? "none (unencrypted)"
        if let pending {
            guard let next, next.checkValue == pending else {
                throw .rotationInProgress(from: from, to: DataKey.hex(pending.prefix(4)))
            }
        }
        if let next {
            // A rotation: records sealed with the old key (or in clear) or the new one both open.
            if let check {
                guard let dataKey else { throw .dataKeyRequired }
                guard dataKey.checkValue == check else { throw .wrongDataKey(expected: from, given: dataKey.keyID) }
            }
            return FieldSealer(key: next, alsoOpens: dataKey.map { [$0] } ?? [])
        }
        guard let check else {
            guard let dataKey else { return nil }
            if hasRecords { throw .notEncrypted }
            return FieldSealer(key: dataKey)
        }
        guard let dataKey else { return nil }
        guard dataKey.checkValue == check else { throw .wrongDataKey(expected: from, given: dataKey.keyID) }
        return FieldSealer(key: dataKey)
    }

    /// How a write transaction must encode records.
    ///
    /// - Throws: `StoreError.dataKeyRequired` for an encrypted store opened without its key.
    func writeSealing() throws(StoreError) -> WriteSealing {
        if let sealer { return .sealed(sealer) }
        if isEncrypted { throw .dataKeyRequired }
        return .plaintext
    }

    /// The sealer a caller that encodes records itself (ingest) must use: `nil` for an
    /// unencrypted store.
    ///
    /// - Throws: `StoreError.dataKeyRequired` for an encrypted store opened without its key.
    public func writeSealer() throws(StoreError) -> FieldSealer? {
        switch try writeSealing() {
        case .plaintext: nil
        case .sealed(let sealer): sealer
        }
    }

    /// The key under which `nationalID` is filed in the lookup database and the search index:
    /// its blind term in an encrypted store, the digits themselves in an unencrypted one.
    ///
    /// - Parameter nationalID: the id as stored or as typed (everything but 0–9 is ignored).
    /// - Throws: `StoreError.dataKeyRequired` for an encrypted store opened without its key.
    public func nationalIDTerm(_ nationalID: String) throws(StoreError) -> String {
        if let sealer { return sealer.key.blindTerm(nationalID: nationalID) }
        if isEncrypted { throw .dataKeyRequired }
        return String(decoding: nationalID.utf8.filter { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }, as: UTF8.self)
    }

    /// `record` as the search index must see it: in an encrypted store, `nationalID` replaced by
    /// its blind term, so the index (in memory and in `index.hoso`) never holds the digits.
    ///
    /// - Throws: `StoreError.dataKeyRequired` for an encrypted store opened without its key.
    public func indexable(_ record: PersonRecord) throws(StoreError) -> PersonRecord {
        guard isEncrypted || sealer != nil, let nationalID = record.nationalID else { return record }
        var copy = record
        copy.nationalID = try nationalIDTerm(nationalID)
        return copy
    }

    /// Decodes a stored record value with this store's key.
    ///
    /// - Throws: `CodecError` (including `.dataKeyRequired`) for bytes that cannot be read.
    public func decode(_ bytes: UnsafeRawBufferPointer) throws(CodecError) -> PersonRecord {
        try RecordCodec.decode(bytes, sealer: sealer)
    }
}

extension RecordStore {
    /// What a database directory holds, as far as encryption goes.
    public enum EncryptionState: Sendable, Equatable {
        /// No database there yet, or one without records and without a data key.
        case new
        /// Records written without a data key (before encryption, or by tests).
        case unencrypted
        /// Encrypted with the data key of this key id.
        case encrypted(keyID: String)
        /// A rotation between these key ids was interrupted (`from` may be "none (unencrypted)").
        case rotating(from: String, to: String)
    }

    /// Looks at the database in `directory` without a key and without changing its records.
    ///
    /// Opens the environment and lets it go again, so call it before opening the store for real
    /// (or while the store is open: the environment is then shared).
    /// - Throws: `LMDBError` for a directory that holds something LMDB cannot open.
    @available(*, noasync)
    public static func encryptionState(directory: String) throws -> EncryptionState {
        guard access(directory + "/data.mdb", F_OK) == 0 else { return .new }
        let store: RecordStore
        do {
            store = try RecordStore(directory: directory, options: Environment.Options(), dataKey: nil, rotatingTo: nil)
        } catch StoreError.rotationInProgress(let from, let to) {
            return .rotating(from: from, to: to)
        }
        let check = try store.environment.read { txn in
            try txn.withValue(forKey: MetaKey.dataKeyCheck, in: store.databases.meta) { Array($0) }
        }
        if let check { return .encrypted(keyID: DataKey.hex(check.prefix(4))) }
        return try store.count() > 0 || store.lastSequence() > 0 ? .unencrypted : .new
    }
}
