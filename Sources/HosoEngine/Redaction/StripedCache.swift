import Synchronization

/// A fixed-size, two-way set-associative cache: each key may sit in either slot of its pair; a
/// new value goes to the front slot and pushes the older one to the back, so two hot keys that
/// share a pair both stay. A few lock stripes let threads use it at once. Bounded memory (about
/// `slots` values), no eviction bookkeeping; a lookup costs one hash and one short lock.
final class StripedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private final class Stripe: Sendable {
        let slots: Mutex<[(key: Key, value: Value)?]>
        init(count: Int) { slots = Mutex(.init(repeating: nil, count: count)) }
    }

    private let stripes: [Stripe]
    private let mask: Int
    private let stripeShift: Int

    /// - Parameter slots: rounded up to a power of two (at least 32); 0 or less disables the cache.
    init(slots: Int) {
        var count = 32
        while count < slots { count <<= 1 }
        let stripeCount = min(16, count)
        mask = slots <= 0 ? -1 : count - 1
        stripeShift = (stripeCount - 1).nonzeroBitCount
        stripes = slots <= 0 ? [] : (0..<stripeCount).map { _ in Stripe(count: count / stripeCount) }
    }

    /// Whether the cache holds anything at all (false when made with no slots).
    var isEnabled: Bool { mask >= 0 }

    /// The value stored for `key`, if its pair still holds it.
    func value(for key: Key) -> Value? {
        guard let (stripe, front) = place(key) else { return nil }
        return stripes[stripe].slots.withLock { slots in
            if let slot = slots[front], slot.key == key { return slot.value }
            if let slot = slots[front + 1], slot.key == key { return slot.value }
            return nil
        }
    }

    /// Stores `value` for `key` in the front slot of its pair; what was there moves to the back
    /// (unless it is `key`'s older value), and what was at the back is dropped.
    func store(_ value: Value, for key: Key) {
        guard let (stripe, front) = place(key) else { return }
        stripes[stripe].slots.withLock { slots in
            if let old = slots[front], old.key != key { slots[front + 1] = old }
            slots[front] = (key, value)
        }
    }

    /// The key's stripe and the index of the front slot of its pair there.
    private func place(_ key: Key) -> (stripe: Int, front: Int)? {
        guard mask >= 0 else { return nil }
        let slot = key.hashValue & mask
        let stripeMask = stripes.count - 1
        return (slot & stripeMask, (slot >> stripeShift) & ~1)
    }
}
