import Synchronization

/// Rendered search pages per API key: the JSON a key's exact query string produced at one index
/// sequence, valid while the store has not changed since.
///
/// A page — the hits with each person redacted for the caller, the total and the sealed next
/// cursor — depends on the result (`ResultCache`'s key: key id, query string, index sequence),
/// on the caller's level (fixed per key id) and on the stored records of the ids shown. Every
/// change to a record (an upsert, a deletion, a change of its access level) appends to the
/// store's change log in the same transaction, so a page is served again only if the store's
/// last change sequence, read in a transaction of the request itself, is still the one its
/// people were read at: then reading and redacting them again would give these same bytes.
/// Anything else renders afresh. Like results, pages are never shared between keys, and a page
/// served from here is audited like any other lookup.
///
/// Memory: at most `slots` pages of up to `maxPageBytes` each; a page of 20 hits is about
/// 20 KB, so the default 8,192 slots hold about 160 MB when full.
final class PageCache: Sendable {
    /// One rendered page, without `took_ms` and the closing brace.
    struct Page: Sendable {
        /// `{"total":…,"hits":[…],"next_cursor":…` — the body up to `took_ms`.
        var body: [UInt8]
        /// The ids shown, for the audit entry.
        var shown: [String]
        /// The store's last change sequence when the people were read.
        var storeSequence: UInt64
    }

    /// Pages longer than this are not kept (a page at the largest `limit`).
    static let maxPageBytes = 96 * 1024

    private let cache: StripedCache<ResultCache.Key, Page>
    private let counts = Atomic<UInt64>(0)
    private let found = Atomic<UInt64>(0)

    /// - Parameter slots: rounded up to a power of two; 0 disables the cache.
    init(slots: Int) { cache = StripedCache(slots: slots) }

    var isEnabled: Bool { cache.isEnabled }

    /// Lookups so far, and how many found a page still valid.
    var statistics: (lookups: UInt64, hits: UInt64) { (counts.load(ordering: .relaxed), found.load(ordering: .relaxed)) }

    /// The page `keyID` got for `query` at index `sequence`, if held and rendered at
    /// `storeSequence` (the store's current last change sequence).
    func page(keyID: String, query: String, sequence: UInt64, storeSequence: UInt64) -> Page? {
        guard cache.isEnabled else { return nil }
        counts.add(1, ordering: .relaxed)
        guard let page = cache.value(for: ResultCache.Key(keyID: keyID, query: query, sequence: sequence)),
            page.storeSequence == storeSequence
        else { return nil }
        found.add(1, ordering: .relaxed)
        return page
    }

    /// Remembers `page` (replacing whatever shared its slot) unless it is too long.
    func store(_ page: Page, keyID: String, query: String, sequence: UInt64) {
        guard page.body.count <= Self.maxPageBytes else { return }
        cache.store(page, for: ResultCache.Key(keyID: keyID, query: query, sequence: sequence))
    }
}
