import HosoModel

/// Rendered, redacted person objects by (record id, version, caller level).
///
/// Search hits repeat (popular names, paging, load tests), and what `Redaction.write` produces
/// for a record at a level changes only when the record's version does — an update, a deletion
/// and a change of access level all raise it. So a slot is reused only when id, version and level
/// all match; the caller has already checked, from the stored header, that the record is visible.
/// Memory: about `slots` × the mean JSON size.
final class PersonCache: Sendable {
    struct Key: Hashable, Sendable {
        var id: String
        var version: Int64
        var level: AccessLevel
    }

    private let cache: StripedCache<Key, [UInt8]>

    /// - Parameter slots: rounded up to a power of two; 0 disables the cache.
    init(slots: Int) { cache = StripedCache(slots: slots) }

    /// The cached JSON for this id, version and level, if any.
    func json(id: String, version: Int64, level: AccessLevel) -> [UInt8]? {
        cache.value(for: Key(id: id, version: version, level: level))
    }

    /// Remembers the JSON of this id, version and level (replacing whatever shared its slot).
    func store(_ json: [UInt8], id: String, version: Int64, level: AccessLevel) {
        cache.store(json, for: Key(id: id, version: version, level: level))
    }
}
