import HosoStore

/// One key's audited use in one UTC day, kept beside the audit log so that a restart keeps quotas
/// and flags (`UsageTracker.restore`).
public struct DailyUsage: Sendable, Hashable {
    /// Audited requests (searches, views, histories, `me`, audit reads).
    public var requests: Int
    /// Whether the key was flagged that day.
    public var flagged: Bool
}

extension AuditLog {
    /// Prefix of the `meta` entries `usage/<day: 8 bytes>/<key id>` → requests (8) ‖ flagged (1).
    static let usagePrefix = Array("usage/".utf8)

    static func usageKey(day: Int64, keyID: String) -> [UInt8] {
        var w = ByteFieldWriter(capacity: 32)
        w.raw(usagePrefix)
        w.i64(day)
        w.u8(UInt8(ascii: "/"))
        w.raw(keyID.utf8)
        return w.bytes
    }

    /// Adds the requests and flags of `events` to the daily counters, in the audit transaction.
    static func addUsage(of events: [AuditEvent], in txn: borrowing WriteTransaction, meta: Database) throws {
        var sums: [[UInt8]: DailyUsage] = [:]
        for event in events where event.keyID.hasPrefix("k_") {
            let key = usageKey(day: WallClock.day(ofMilliseconds: event.time), keyID: event.keyID)
            var usage = sums[key] ?? DailyUsage(requests: 0, flagged: false)
            switch event.kind {
            case .flag: usage.flagged = true
            case .search, .view, .history, .me, .audit, .sync, .changes: usage.requests += 1
            case .key: break
            }
            sums[key] = usage
        }
        for (key, add) in sums {
            let stored = try txn.withValue(forKey: key, in: meta) { try decodeUsage($0) }
            let total = DailyUsage(requests: (stored?.requests ?? 0) + add.requests, flagged: (stored?.flagged ?? false) || add.flagged)
            var w = ByteFieldWriter(capacity: 9)
            w.u64(UInt64(total.requests))
            w.u8(total.flagged ? 1 : 0)
            try txn.put(w.bytes, forKey: key, in: meta)
        }
    }

    static func decodeUsage(_ bytes: UnsafeRawBufferPointer) throws(ByteFieldError) -> DailyUsage {
        var r = ByteFieldReader(bytes)
        let requests = try r.u64()
        let flagged = try r.u8() != 0
        return DailyUsage(requests: Int(clamping: requests), flagged: flagged)
    }

    /// Each key's audited use on UTC `day`.
    ///
    /// - Throws: `LMDBError`, or `ByteFieldError` for a damaged counter.
    @available(*, noasync)
    public func usage(day: Int64) throws -> [String: DailyUsage] {
        let prefix = Self.usageKey(day: day, keyID: "")
        return try environment.read { txn in
            var out: [String: DailyUsage] = [:]
            try txn.forEach(in: meta, from: prefix) { key, value in
                guard key.count > prefix.count, key.starts(with: prefix) else { return false }
                out[String(decoding: key[prefix.count...], as: UTF8.self)] = try Self.decodeUsage(value)
                return true
            }
            return out
        }
    }

    /// Removes the counters of days before `day`.
    ///
    /// - Returns: how many were removed.
    @available(*, noasync)
    @discardableResult
    public func pruneUsage(before day: Int64) throws -> Int {
        let end = Self.usageKey(day: day, keyID: "")
        let old: [[UInt8]] = try environment.read { txn in
            var keys: [[UInt8]] = []
            try txn.forEach(in: meta, from: Self.usagePrefix) { key, _ in
                guard key.starts(with: Self.usagePrefix), key.lexicographicallyPrecedes(end) else { return false }
                keys.append(Array(key))
                return true
            }
            return keys
        }
        guard !old.isEmpty else { return 0 }
        try environment.write { txn in
            for key in old { try txn.delete(key, in: meta) }
        }
        return old.count
    }
}
