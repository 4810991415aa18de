import HosoModel
import HosoStore

extension HosoService {
    /// Runs `GET /v1/people/{id}`: the record's visible fields as one JSON object.
    ///
    /// A `self` key may read only its own id (then every field but `originals`).
    ///
    /// - Throws: `.notFound` for an unknown id and for a record above the caller's level (the
    ///   same error, the same body, the same audit entry); `.invalid` for an id that cannot
    ///   exist; `.forbidden` for a `self` key asking for another id; `.failure` if the audit
    ///   entry cannot be committed.
    public func person(id: String, caller: Caller) async throws(ServiceError) -> [UInt8] {
        let own = try ownership(of: id, caller: caller)
        if own {
            let record = try visibleRecord(id, level: .secret)
            try await self.record(.view, caller: caller, parameters: "id=" + id, subject: id, shown: record.map { [$0.id] } ?? [])
            guard let record else { throw .notFound }
            return Redaction.json(record, level: caller.level, own: true)
        }
        let json = try visiblePeople([id], level: caller.level)[0]
        try await self.record(.view, caller: caller, parameters: "id=" + id, subject: id, shown: json == nil ? [] : [id])
        guard let json else { throw .notFound }
        return json
    }

    /// Runs `GET /v1/me` for a `self` key: the whole own record (but `originals`).
    ///
    /// - Throws: `.forbidden` for other roles, `.notFound` if the bound record is gone.
    public func me(caller: Caller) async throws(ServiceError) -> [UInt8] {
        guard caller.role == .personal, let id = caller.person else {
            throw .forbidden(parameter: nil, message: "only self keys have a record of their own (use GET /v1/people/{id})")
        }
        let record = try visibleRecord(id, level: .secret)
        try await self.record(.me, caller: caller, parameters: "me", subject: id, shown: record.map { [$0.id] } ?? [])
        guard let record else { throw .notFound }
        return Redaction.json(record, level: caller.level, own: true)
    }

    /// Whether `id` is the caller's own record; refuses a `self` key asking for another id and
    /// ids that cannot exist.
    func ownership(of id: String, caller: Caller) throws(ServiceError) -> Bool {
        if caller.role == .personal {
            guard caller.person == id else { throw Self.selfOnly }
            return true
        }
        guard RecordID.isValid(id.utf8) else {
            throw .invalid(parameter: "id", reason: "a record id is 1–64 of A-Z a-z 0-9 . _ -")
        }
        return false
    }

    /// Counts what `caller` was shown, flags it past the threshold, and commits the audit entry.
    func record(
        _ kind: AuditEvent.Kind, caller: Caller, parameters: String, subject: String?, shown: [String]
    ) async throws(ServiceError) {
        let now = options.clock()
        let event = AuditEvent(
            kind: kind, time: now, keyID: caller.keyID, role: caller.role.rawValue, parameters: parameters,
            subject: subject, ids: shown)
        if let distinct = usage.noteShown(shown, keyID: caller.keyID, now: now) {
            let flag = AuditEvent(
                kind: .flag, time: now, keyID: caller.keyID, role: caller.role.rawValue,
                parameters: "distinct_people=\(distinct) threshold=\(usage.flagThreshold)")
            try await auditLog.append(flag)
            try await auditLog.append(event)
        } else {
            try await auditLog.append(event)
        }
    }

    /// The redacted JSON of each of `ids` for a caller of `level` (in one read transaction),
    /// `nil` where absent, deleted or above `level`; from `people` when the version is cached.
    func visiblePeople(_ ids: [String], level: AccessLevel) throws(ServiceError) -> [[UInt8]?] {
        do {
            return try store.environment.read { txn in try visiblePeople(ids, level: level, in: txn) }
        } catch {
            throw .failure(message: "the record store could not be read: \(error)")
        }
    }

    /// `visiblePeople(_:level:)` as `txn` sees the store.
    func visiblePeople(_ ids: [String], level: AccessLevel, in txn: borrowing ReadTransaction) throws -> [[UInt8]?] {
        let records = store.databases.records
        let people = self.people
        var found: [[UInt8]?] = []
        found.reserveCapacity(ids.count)
        for id in ids {
            guard RecordID.isValid(id.utf8) else {
                found.append(nil)
                continue
            }
            let json = try txn.withValue(forKey: id, in: records) { bytes -> [UInt8]? in
                let header = try RecordCodec.header(bytes)
                guard !header.isTombstone, header.accessLevel <= level else { return nil }
                if let json = people.json(id: id, version: header.version, level: level) { return json }
                let json = Redaction.json(try store.decode(bytes), level: level)
                people.store(json, id: id, version: header.version, level: level)
                return json
            }
            found.append(json ?? nil)
        }
        return found
    }

    /// The record `id` if it exists and a caller of `level` may see it.
    func visibleRecord(_ id: String, level: AccessLevel) throws(ServiceError) -> PersonRecord? {
        try visibleRecords([id], level: level)[0]
    }

    /// The records of `ids` (in one read transaction), `nil` where absent, deleted or above `level`.
    ///
    /// The level is read from the stored header, so hidden records are not even decoded.
    func visibleRecords(_ ids: [String], level: AccessLevel) throws(ServiceError) -> [PersonRecord?] {
        let records = store.databases.records
        do {
            return try store.environment.read { txn in
                try ids.map { id -> PersonRecord? in
                    guard RecordID.isValid(id.utf8) else { return nil }
                    let found = try txn.withValue(forKey: id, in: records) { bytes -> PersonRecord? in
                        let header = try RecordCodec.header(bytes)
                        guard !header.isTombstone, header.accessLevel <= level else { return nil }
                        return try store.decode(bytes)
                    }
                    return found ?? nil
                }
            }
        } catch {
            throw .failure(message: "the record store could not be read: \(error)")
        }
    }
}
