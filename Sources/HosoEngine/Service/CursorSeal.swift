import Crypto
import HosoQuery
import HosoStore

/// Seals search cursors so that callers cannot read them.
///
/// A `SearchCursor` holds the last hit's sort key, whose low bits are the record's ordinal — its
/// position among all records, hidden ones included — and the store's change sequence. Both are
/// derived from data a caller may not see, so the service hands out only AES-GCM sealed cursors
/// (`s1.` and base64url), bound to the caller's key id. The 256-bit key is drawn once and kept in
/// `meta`, so cursors survive a restart.
struct CursorSeal: Sendable {
    static let metaKey = "cursor_seal_key"
    static let prefix = "s1."
    private let key: SymmetricKey

    init(store: RecordStore) throws {
        let meta = store.databases.meta
        let bytes: [UInt8] = try store.environment.write { txn in
            if let stored = try txn.withValue(forKey: Self.metaKey, in: meta, { Array($0) }), stored.count == 32 {
                return stored
            }
            let fresh = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
            try txn.put(fresh, forKey: Self.metaKey, in: meta)
            return fresh
        }
        key = SymmetricKey(data: bytes)
    }

    /// The sealed text of `cursor` for the key `keyID`.
    func seal(_ cursor: SearchCursor, keyID: String) -> String {
        var plain = ByteFieldWriter(capacity: 16)
        plain.u64(cursor.key)
        plain.u64(cursor.sequence)
        guard let box = try? AES.GCM.seal(plain.bytes, using: key, authenticating: Array(keyID.utf8)),
            let combined = box.combined
        else { return "" }
        return Self.prefix + KeySecret.encode(Array(combined))
    }

    /// The cursor sealed in `text` for `keyID`, or `nil` if it is not one (forged, altered,
    /// sealed for another key).
    func open(_ text: String, keyID: String) -> SearchCursor? {
        guard text.hasPrefix(Self.prefix), text.utf8.count <= 128,
            let data = KeySecret.decode(String(text.dropFirst(Self.prefix.count))),
            let box = try? AES.GCM.SealedBox(combined: data),
            let plain = try? AES.GCM.open(box, using: key, authenticating: Array(keyID.utf8)),
            plain.count == 16
        else { return nil }
        let bytes = Array(plain)
        var key: UInt64 = 0
        var sequence: UInt64 = 0
        for i in 0..<8 { key = key << 8 | UInt64(bytes[i]) }
        for i in 8..<16 { sequence = sequence << 8 | UInt64(bytes[i]) }
        return SearchCursor(key: key, sequence: sequence)
    }
}
