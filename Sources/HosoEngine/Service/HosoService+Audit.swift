import HosoModel

extension HosoService {
    /// Runs `GET /v1/audit?subject=ID`: who asked for or was shown this record, newest first.
    ///
    /// Body: `{"entries":[{"sequence","time","kind","key","role","parameters","subject","ids","hash"}]}`.
    ///
    /// - Parameters:
    ///   - subject: a record id.
    ///   - caller: must be an admin.
    ///   - limit: 1–1000.
    /// - Throws: `.forbidden` for other roles; `.invalid` for a bad id or limit.
    public func audit(subject: String, caller: Caller, limit: Int = 100) async throws(ServiceError) -> [UInt8] {
        guard RecordID.isValid(subject.utf8) else {
            throw .invalid(parameter: "subject", reason: "a record id is 1–64 of A-Z a-z 0-9 . _ -")
        }
        return try await audit(.subject(subject), parameters: "subject=" + subject, caller: caller, limit: limit)
    }

    /// Runs `GET /v1/audit?caller=KEY`: what one key asked and was shown, newest first.
    ///
    /// - Throws: `.forbidden` for other roles; `.invalid` for a bad key id or limit.
    public func audit(callerKey: String, caller: Caller, limit: Int = 100) async throws(ServiceError) -> [UInt8] {
        guard callerKey.hasPrefix("k_"), RecordID.isValid(callerKey.utf8) else {
            throw .invalid(parameter: "caller", reason: "a key id looks like k_ followed by letters and digits")
        }
        return try await audit(.caller(callerKey), parameters: "caller=" + callerKey, caller: caller, limit: limit)
    }

    /// The most entries one audit query returns.
    public static let maxAuditLimit = 1_000

    private func audit(
        _ filter: AuditFilter, parameters: String, caller: Caller, limit: Int
    ) async throws(ServiceError) -> [UInt8] {
        guard caller.role == .admin else {
            throw .forbidden(parameter: nil, message: "only admin keys may read the audit log")
        }
        guard (1...Self.maxAuditLimit).contains(limit) else {
            throw .invalid(parameter: "limit", reason: "must be a whole number from 1 to \(Self.maxAuditLimit)")
        }
        let entries: [AuditEntry]
        do {
            entries = try readAudit(filter, limit: limit)
        } catch {
            throw .failure(message: "the audit log could not be read: \(error)")
        }
        var w = JSONWriter(capacity: 256 + entries.count * 256)
        w.beginObject()
        w.key("entries")
        w.beginArray()
        for entry in entries { Self.write(entry, to: &w) }
        w.endArray()
        w.endObject()
        try await record(.audit, caller: caller, parameters: parameters, subject: nil, shown: [])
        return w.bytes
    }

    private func readAudit(_ filter: AuditFilter, limit: Int) throws -> [AuditEntry] {
        try auditLog.entries(matching: filter, limit: limit)
    }

    static func write(_ entry: AuditEntry, to w: inout JSONWriter) {
        let e = entry.event
        w.beginObject()
        w.key("sequence"); w.integer(Int64(clamping: entry.sequence))
        w.key("time"); w.string(Timestamp.rfc3339(milliseconds: e.time))
        w.key("kind"); w.string(e.kind.rawValue)
        w.key("key"); w.string(e.keyID)
        w.key("role"); w.string(e.role)
        w.key("parameters"); w.string(e.parameters)
        w.key("subject")
        if let subject = e.subject { w.string(subject) } else { w.null() }
        w.key("ids")
        w.beginArray()
        for id in e.ids { w.string(id) }
        w.endArray()
        w.key("hash"); w.string(Timestamp.hex(entry.hash))
        w.endObject()
    }
}
