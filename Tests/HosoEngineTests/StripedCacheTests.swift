import Testing

@testable import HosoEngine

/// The set-associative cache behind the person and result caches: it may forget, never mix up.
@Suite struct StripedCacheTests {
    @Test func aLookupGivesTheValueStoredForThatKeyOrNothing() {
        let cache = StripedCache<String, Int>(slots: 32)
        var latest: [String: Int] = [:]
        var random = SystemRandomNumberGenerator()
        for step in 0..<5_000 {
            let key = "k\(Int.random(in: 0..<200, using: &random))"
            if step % 3 == 0 {
                cache.store(step, for: key)
                latest[key] = step
                #expect(cache.value(for: key) == step, "the value just stored is found")
            } else if let got = cache.value(for: key) {
                #expect(got == latest[key], "\(key) gave \(got), last stored \(String(describing: latest[key]))")
            }
        }
    }

    @Test func twoKeysOfOnePairBothStay() {
        // With 32 slots in 16 stripes, each stripe holds one pair: keys of one stripe share it.
        let cache = StripedCache<Int, Int>(slots: 32)
        var byStripe: [Int: [Int]] = [:]
        for key in 0..<10_000 { byStripe[key.hashValue & 15, default: []].append(key) }
        let keys = byStripe.values.first { $0.count >= 3 }!
        cache.store(1, for: keys[0])
        cache.store(2, for: keys[1])
        #expect(cache.value(for: keys[0]) == 1 && cache.value(for: keys[1]) == 2)
        cache.store(3, for: keys[2])
        #expect(cache.value(for: keys[2]) == 3 && cache.value(for: keys[1]) == 2 && cache.value(for: keys[0]) == nil)
    }

    @Test func noSlotsMeansNothingIsKept() {
        let cache = StripedCache<String, Int>(slots: 0)
        cache.store(1, for: "a")
        #expect(cache.value(for: "a") == nil && !cache.isEnabled)
    }
}
