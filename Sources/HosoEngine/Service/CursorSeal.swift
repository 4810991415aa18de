import Crypto
import HosoQuery
import HosoStore

/// Seals search cursors so that callers cannot read them.
///
/// A `SearchCursor` holds the last hit's rank and id and the index's change sequence; the
/// sequence and the rank's make-up derive from data a caller may not see (how many changes
/// there were, how ranking works), so the service hands out only AES-GCM sealed cursors
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
        var plain = ByteFieldWriter(capacity: 12 + cursor.id.utf8.count)
        plain.u64(UInt64(cursor.rank))
        plain.u64(cursor.sequence)
        plain.bytes.append(contentsOf: cursor.id.utf8)
        guard let box = try? AES.GCM.seal(plain.bytes, using: key, authenticating: Array(keyID.utf8)),
            let combined = box.combined
        else { return "" }
        return Self.prefix + KeySecret.encode(Array(combined))
    }

    /// The cursor sealed in `text` for `keyID`, or `nil` if it is not one (forged, altered,
    /// sealed for another key).
    func open(_ text: String, keyID: String) -> SearchCursor? {
        guard text.hasPrefix(Self.prefix), text.utf8.count <= 192,
            let data = KeySecret.decode(String(text.dropFirst(Self.prefix.count))),
            let box = try? AES.GCM.SealedBox(combined: data),
            let plain = try? AES.GCM.open(box, using: key, authenticating: Array(keyID.utf8)),
            plain.count > 16, plain.count <= 16 + 64
        else { return nil }
        let bytes = Array(plain)
        var rank: UInt64 = 0
        var sequence: UInt64 = 0
        for i in 0..<8 { rank = rank << 8 | UInt64(bytes[i]) }
        for i in 8..<16 { sequence = sequence << 8 | UInt64(bytes[i]) }
        guard rank <= UInt64(UInt32.max), let id = String(validating: bytes[16...], as: UTF8.self) else { return nil }
        return SearchCursor(rank: UInt32(rank), id: id, sequence: sequence)
    }
}
