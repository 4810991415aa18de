import HosoStore

/// Which audit entries an admin asks for.
public enum AuditFilter: Sendable, Hashable {
    /// Entries that asked for or returned this record id ("who looked up this person").
    case subject(String)
    /// Entries made by this key id.
    case caller(String)

    /// Whether `event` matches.
    func matches(_ event: AuditEvent) -> Bool {
        switch self {
        case .subject(let id): event.subject == id || event.ids.contains(id)
        case .caller(let key): event.keyID == key
        }
    }

    /// Bytes every matching stored entry contains (a cheap test before decoding).
    var needle: [UInt8] {
        switch self {
        case .subject(let id): Array(id.utf8)
        case .caller(let key): Array(key.utf8)
        }
    }
}

extension AuditLog {
    /// The newest entries matching `filter`, newest first.
    ///
    /// Scans from the end of the log; entries that do not contain the filter's bytes are skipped
    /// without decoding.
    ///
    /// - Parameters:
    ///   - filter: by subject or by caller key.
    ///   - limit: the most entries to return.
    /// - Throws: `LMDBError`, or `ByteFieldError` for a damaged entry.
    @available(*, noasync)
    public func entries(matching filter: AuditFilter, limit: Int) throws -> [AuditEntry] {
        let needle = filter.needle
        return try environment.read { txn in
            var found: [AuditEntry] = []
            guard limit > 0, !needle.isEmpty else { return found }
            try txn.withCursor(in: audit) { cursor in
                var more = try cursor.last()
                while more {
                    if let entry = try cursor.withCurrent({ _, value -> AuditEntry? in
                        guard Self.contains(AuditCodec.canonicalBytes(value), needle) else { return nil }
                        let entry = try AuditCodec.decode(value)
                        return filter.matches(entry.event) ? entry : nil
                    }) {
                        found.append(entry)
                        if found.count >= limit { return }
                    }
                    more = try cursor.previous()
                }
            }
            return found
        }
    }

    /// How many entries the log holds.
    @available(*, noasync)
    public func count() throws -> Int {
        try environment.read { txn in try txn.statistics(of: audit).entries }
    }

    /// Whether `haystack` contains `needle` (non-empty).
    static func contains(_ haystack: UnsafeRawBufferPointer, _ needle: [UInt8]) -> Bool {
        let n = needle.count
        guard n > 0, haystack.count >= n else { return false }
        let first = needle[0]
        var i = 0
        let last = haystack.count - n
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < n, haystack[i + j] == needle[j] { j += 1 }
                if j == n { return true }
            }
            i += 1
        }
        return false
    }
}
