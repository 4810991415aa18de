import HosoModel
import Synchronization

/// Rendered, redacted person objects by (record id, version, caller level).
///
/// Search hits repeat (popular names, paging, load tests), and what `Redaction.write` produces
/// for a record at a level changes only when the record's version does — an update, a deletion
/// and a change of access level all raise it. So a slot is reused only when id, version and level
/// all match; the caller has already checked, from the stored header, that the record is visible.
/// Direct-mapped slots in a few lock stripes bound the memory (about `slots` × the mean JSON size).
final class PersonCache: Sendable {
    struct Slot: Sendable {
        var id: String
        var version: Int64
        var level: AccessLevel
        var json: [UInt8]
    }

    final class Stripe: Sendable {
        let slots: Mutex<[Slot?]>
        init(count: Int) { slots = Mutex([Slot?](repeating: nil, count: count)) }
    }

    private let stripes: [Stripe]
    private let mask: Int
    private let stripeMask: Int

    /// - Parameter slots: rounded up to a power of two; 0 disables the cache.
    init(slots: Int) {
        var count = 1
        while count < slots { count <<= 1 }
        let stripeCount = min(16, count)
        mask = slots <= 0 ? -1 : count - 1
        stripeMask = stripeCount - 1
        stripes = slots <= 0 ? [] : (0..<stripeCount).map { _ in Stripe(count: count / stripeCount) }
    }

    /// The cached JSON for this id, version and level, if any.
    func json(id: String, version: Int64, level: AccessLevel) -> [UInt8]? {
        guard mask >= 0 else { return nil }
        let (stripe, index) = place(id)
        return stripes[stripe].slots.withLock { slots -> [UInt8]? in
            guard let slot = slots[index], slot.version == version, slot.level == level, slot.id == id else { return nil }
            return slot.json
        }
    }

    /// Remembers the JSON of this id, version and level (replacing whatever shared its slot).
    func store(_ json: [UInt8], id: String, version: Int64, level: AccessLevel) {
        guard mask >= 0 else { return }
        let (stripe, index) = place(id)
        stripes[stripe].slots.withLock { $0[index] = Slot(id: id, version: version, level: level, json: json) }
    }

    private func place(_ id: String) -> (Int, Int) {
        // FNV-1a over the id bytes: stable, cheap, good enough for slot spreading.
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in id.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        let slot = Int(truncatingIfNeeded: h) & mask
        return (slot & stripeMask, slot >> stripeMask.nonzeroBitCount)
    }
}
