import Synchronization

/// Per-key request rates, daily quotas and distinct-people counts, in memory.
///
/// Rate: a token bucket holding one second's worth of requests (at least one), refilled
/// continuously. Quota: requests per UTC day. Scraping: the distinct record ids a key was shown
/// in a UTC day (search hits and record views); the first time the count reaches the threshold
/// the key is flagged (once a day), and its set is dropped so memory stays bounded.
final class UsageTracker: Sendable {
    struct Usage {
        var tokens: Double
        var refilled: Int64
        var day: Int64
        var requests = 0
        var seen: Set<Int> = []
        var flagged = false
    }

    let flagThreshold: Int
    private let state = Mutex<[String: Usage]>([:])
    private let flaggedKeys = Atomic<Int>(0)
    private let refusals = Atomic<Int>(0)

    init(flagThreshold: Int) {
        self.flagThreshold = max(1, flagThreshold)
    }

    /// Charges `key` one request at time `now` (ms).
    ///
    /// - Throws: `.rateLimited` with the whole seconds to wait when the bucket is empty or the
    ///   day's quota is used up; a refused request is not charged.
    func admit(_ key: APIKey, now: Int64) throws(ServiceError) {
        guard key.rate != nil || key.dailyQuota != nil else { return }
        let day = WallClock.day(ofMilliseconds: now)
        let wait = state.withLock { all -> Int? in
            var usage = all[key.id] ?? Usage(tokens: max(1, key.rate ?? 1), refilled: now, day: day)
            defer { all[key.id] = usage }
            usage.roll(to: day)
            if let quota = key.dailyQuota, usage.requests >= quota {
                let midnight = (day + 1) * 86_400_000
                return Int(max(1, (midnight - now + 999) / 1000))
            }
            if let rate = key.rate {
                let capacity = max(1, rate)
                let elapsed = Double(max(0, now - usage.refilled)) / 1000
                usage.tokens = min(capacity, usage.tokens + elapsed * rate)
                usage.refilled = max(usage.refilled, now)
                guard usage.tokens >= 1 else {
                    return Int(max(1, ((1 - usage.tokens) / rate).rounded(.up)))
                }
                usage.tokens -= 1
            }
            usage.requests += 1
            return nil
        }
        if let wait {
            refusals.add(1, ordering: .relaxed)
            throw .rateLimited(retryAfterSeconds: wait)
        }
    }

    /// Counts the ids `keyID` was just shown.
    ///
    /// - Returns: the distinct count when this call made the key reach the threshold (flag it
    ///   now), otherwise `nil`.
    func noteShown(_ ids: some Sequence<String>, keyID: String, now: Int64) -> Int? {
        let day = WallClock.day(ofMilliseconds: now)
        let crossed = state.withLock { all -> Int? in
            var usage = all[keyID] ?? Usage(tokens: 1, refilled: now, day: day)
            defer { all[keyID] = usage }
            usage.roll(to: day)
            guard !usage.flagged else { return nil }
            for id in ids { usage.seen.insert(id.hashValue) }
            guard usage.seen.count >= flagThreshold else { return nil }
            let count = usage.seen.count
            usage.flagged = true
            usage.seen = []
            return count
        }
        if crossed != nil { flaggedKeys.add(1, ordering: .relaxed) }
        return crossed
    }

    /// Takes over today's counts kept beside the audit log, so a restart neither resets quotas
    /// nor flags a key twice in a day.
    ///
    /// Only audited requests were counted (requests refused before auditing — bad parameters,
    /// 403s — are not), and distinct people start again from zero for keys not yet flagged.
    func restore(_ usage: [String: DailyUsage], day: Int64, now: Int64) {
        state.withLock { all in
            for (key, daily) in usage where all[key] == nil {
                var restored = Usage(tokens: 1, refilled: now, day: day)
                restored.requests = daily.requests
                restored.flagged = daily.flagged
                all[key] = restored
            }
        }
    }

    /// Keys flagged by this process since it started (a key flagged on two days counts twice).
    var flaggedCount: Int { flaggedKeys.load(ordering: .relaxed) }

    /// Requests refused for rate or quota since start.
    var refusedCount: Int { refusals.load(ordering: .relaxed) }
}

extension UsageTracker.Usage {
    /// Starts a new UTC day's counts when `day` is later than the one counted.
    mutating func roll(to day: Int64) {
        guard day != self.day else { return }
        self.day = day
        requests = 0
        seen = []
        flagged = false
    }
}
