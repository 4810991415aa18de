import HosoModel
import HosoStore

extension HosoService {
    /// The most changes one `GET /v1/changes` page returns.
    public static let maxChangesLimit = 1_000
    /// The changes one page of an agency's feed examines at most (other agencies' changes are
    /// skipped); `next_since` then points past them so the agency goes on from there.
    static let maxChangesScanned = 100_000

    /// Runs `GET /v1/changes?since=SEQ&limit=N`: applied changes after `since`, oldest first.
    ///
    /// Body: `{"changes":[{"sequence","op","id","version"}],"next_since":N}`; pass `next_since`
    /// as the next `since`. An agency key sees only changes of records whose `source` is its
    /// agency code (for a delete: the deleted record's source); an admin sees all.
    ///
    /// - Parameters:
    ///   - since: the last sequence number already seen (0 for the start).
    ///   - limit: 1–`maxChangesLimit`.
    ///   - caller: an `agency` or `admin` key.
    /// - Throws: `.forbidden` for other roles; `.invalid` naming `limit`; `.failure` if the
    ///   change log or the audit log fails.
    public func changes(since: UInt64, limit: Int, caller: Caller) async throws(ServiceError) -> [UInt8] {
        try Self.checkSync(caller)
        guard (1...Self.maxChangesLimit).contains(limit) else {
            throw .invalid(parameter: "limit", reason: "must be a whole number from 1 to \(Self.maxChangesLimit)")
        }
        let agency = caller.role == .admin ? nil : caller.agency
        let page: (changes: [Change], next: UInt64)
        do {
            page = try readChanges(since: since, limit: limit, agency: agency)
        } catch {
            throw .failure(message: "the change log could not be read: \(error)")
        }
        var w = JSONWriter(capacity: 64 + page.changes.count * 80)
        w.beginObject()
        w.key("changes")
        w.beginArray()
        for change in page.changes {
            w.beginObject()
            w.key("sequence"); w.integer(Int64(clamping: change.sequence))
            w.key("op"); w.string(change.operation == .upsert ? "upsert" : "delete")
            w.key("id"); w.string(change.id)
            w.key("version"); w.integer(change.version)
            w.endObject()
        }
        w.endArray()
        w.key("next_since"); w.integer(Int64(clamping: page.next))
        w.endObject()
        let event = AuditEvent(
            kind: .changes, time: options.clock(), keyID: caller.keyID, role: caller.role.rawValue,
            parameters: "since=\(since)&limit=\(limit)", ids: page.changes.map(\.id))
        try await auditLog.append(event)
        return w.bytes
    }

    /// One page of the change log after `since`, only `agency`'s changes when given.
    ///
    /// - Returns: the changes, and the sequence to continue from: the last change returned or,
    ///   when the page is not full, the last change examined.
    private func readChanges(since: UInt64, limit: Int, agency: String?) throws -> (changes: [Change], next: UInt64) {
        guard let agency else {
            let changes = try store.changes(since: since, limit: limit)
            return (changes, changes.last?.sequence ?? since)
        }
        var found: [Change] = []
        var position = since
        var scanned = 0
        while scanned < Self.maxChangesScanned {
            let chunk = try store.changes(since: position, limit: min(4_096, Self.maxChangesScanned - scanned))
            guard let last = chunk.last else { break }
            for change in chunk {
                position = change.sequence
                guard change.source == agency else { continue }
                found.append(change)
                if found.count == limit { return (found, position) }
            }
            position = last.sequence
            scanned += chunk.count
        }
        return (found, position)
    }
}
