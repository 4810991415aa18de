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
