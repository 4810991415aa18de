import HosoModel
import HosoStore
import Synchronization

/// API keys in the LMDB `keys` database, with an in-memory copy for `authenticate`.
///
/// Every create or revoke bumps `keys_generation` in `meta` in the same transaction. A process
/// compares its copy's generation with LMDB's at most every `refreshInterval` (and sooner when a
/// secret names an id it does not know), so a key revoked by `hoso keys revoke` in another process
/// stops working in a running server within that interval.
public final class KeyStore: Sendable {
    /// How often a process looks for keys created or revoked elsewhere.
    public static let refreshInterval: Duration = .milliseconds(250)
    /// The soonest a secret naming an unknown id triggers another look.
    static let missRefreshInterval: Duration = .milliseconds(20)
    static let generationKey = "keys_generation"

    struct Entry: Sendable {
        var key: APIKey
        var hash: [UInt8]
    }

    struct Cache: Sendable {
        var entries: [String: Entry] = [:]
        var generation: UInt64 = .max
        var checked = ContinuousClock.now
    }

    let lmdbEnvironment: Environment
    let keysDatabase: Database
    let metaDatabase: Database
    private let cache = Mutex(Cache())

    /// Opens the key store of a record store (same LMDB environment).
    ///
    /// - Throws: `KeyError.storage` if the stored keys cannot be read.
    public init(store: RecordStore) throws(KeyError) {
        lmdbEnvironment = store.environment
        keysDatabase = store.databases.keys
        metaDatabase = store.databases.meta
        try reload()
    }

    // MARK: authentication

    /// The valid key whose secret this is, or `nil`.
    ///
    /// The secret is hashed whether or not its id is known, and the hashes are compared in
    /// constant time.
    public func authenticate(secret: String) -> APIKey? {
        guard let id = KeySecret.keyID(of: secret) else { return nil }
        refreshIfDue(Self.refreshInterval)
        let hash = KeySecret.hash(secret)
        let name = String(id)
        var entry = cache.withLock { $0.entries[name] }
        if entry == nil {
            refreshIfDue(Self.missRefreshInterval)
            entry = cache.withLock { $0.entries[name] }
        }
        guard let entry, KeySecret.constantTimeEqual(entry.hash, hash), !entry.key.isRevoked else { return nil }
        return entry.key
    }

    /// Re-reads the keys if another process changed them and `interval` has passed since the last look.
    private func refreshIfDue(_ interval: Duration) {
        let now = ContinuousClock.now
        let due = cache.withLock { cache -> Bool in
            guard now - cache.checked >= interval else { return false }
            cache.checked = now
            return true
        }
        guard due else { return }
        do {
            let stored = try lmdbEnvironment.read { txn in try Self.generation(in: txn, metaDatabase) }
            if stored != cache.withLock({ $0.generation }) { try reload() }
        } catch {
            // Keep the copy we have; the next look tries again.
        }
    }

    /// Replaces the in-memory copy with what LMDB holds now.
    func reload() throws(KeyError) {
        let (entries, generation) = try readAll()
        cache.withLock {
            $0.entries = entries
            $0.generation = generation
            $0.checked = ContinuousClock.now
        }
    }

    /// The keys of the in-memory copy.
    func snapshot() -> [APIKey] { cache.withLock { $0.entries.values.map(\.key) } }

    private func readAll() throws(KeyError) -> ([String: Entry], UInt64) {
        do {
            return try lmdbEnvironment.read { txn in
                var entries: [String: Entry] = [:]
                try txn.forEach(in: keysDatabase) { keyBytes, value in
                    let id = String(decoding: keyBytes, as: UTF8.self)
                    let (key, hash) = try KeyCodec.decode(id: id, value)
                    entries[id] = Entry(key: key, hash: hash)
                    return true
                }
                return (entries, try Self.generation(in: txn, metaDatabase))
            }
        } catch {
            throw .storage("\(error)")
        }
    }

    static func generation(in txn: borrowing ReadTransaction, _ meta: Database) throws -> UInt64 {
        let stored: UInt64?? = try txn.withValue(forKey: generationKey, in: meta) { UInt64(bigEndianBytes: $0) }
        return (stored ?? nil) ?? 0
    }
}
