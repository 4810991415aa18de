import HosoQuery
import Synchronization

/// Recent search results per API key: the page of ids, tiers and scores, the total and the next
/// cursor that one key's exact query string gave at one index sequence.
///
/// A result depends only on the query, the caller's key (its level and role) and the data, and
/// the data a search sees changes only when the index sequence does (a sync returns after it has
/// moved), so an entry is used only for the same key, the same query string and the same
/// sequence — never across keys, so neither hits nor their timing tell one caller what another
/// looked up. A hit skips the engine only: the people shown are read from the store and redacted
/// for the caller again — or, while the store has not changed at all, taken from the page
/// rendered last time (`PageCache`) — so a record deleted or raised above the caller's level
/// since is left out, and the lookup is audited like any other. Retyping, paging back and load
/// tests that cycle through a query mix hit it.
final class ResultCache: Sendable {
    struct Key: Hashable, Sendable {
        var keyID: String
        var query: String
        var sequence: UInt64
    }

    private let cache: StripedCache<Key, SearchResult>
    private let counts = Atomic<UInt64>(0)
    private let found = Atomic<UInt64>(0)

    /// Lookups so far, and how many found a result.
    var statistics: (lookups: UInt64, hits: UInt64) { (counts.load(ordering: .relaxed), found.load(ordering: .relaxed)) }

    /// - Parameter slots: rounded up to a power of two; 0 disables the cache.
    init(slots: Int) { cache = StripedCache(slots: slots) }

    /// The result `keyID` got for `query` at index `sequence`, if still held.
    func result(keyID: String, query: String, sequence: UInt64) -> SearchResult? {
        guard cache.isEnabled else { return nil }
        counts.add(1, ordering: .relaxed)
        let result = cache.value(for: Key(keyID: keyID, query: query, sequence: sequence))
        if result != nil { found.add(1, ordering: .relaxed) }
        return result
    }

    /// Remembers `result` (replacing whatever shared its slot).
    func store(_ result: SearchResult, keyID: String, query: String, sequence: UInt64) {
        cache.store(result, for: Key(keyID: keyID, query: query, sequence: sequence))
    }
}
