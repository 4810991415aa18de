import HosoModel

/// What `POST /v1/sync` did with each line, and the change-log position after it.
public struct SyncResult: Sendable, Hashable {
    /// The outcome of one line.
    public enum Outcome: String, Sendable, Hashable {
        /// Written (committed with the rest of the batch).
        case applied
        /// The stored version (record or tombstone) is the same or higher: nothing written.
        case stale
        /// Not written; `reason` says why.
        case rejected
    }

    /// One non-blank line's result.
    public struct Line: Sendable, Hashable {
        /// 1-based line number in the body (blank lines count).
        public var number: Int
        /// The record id, when the line could be read that far.
        public var id: String?
        public var outcome: Outcome
        /// Why it was stale or rejected.
        public var reason: String?
    }

    public var lines: [Line] = []
    /// The change-log sequence number after the batch (unchanged when nothing was applied).
    public var sequence: UInt64 = 0

    /// How many lines had `outcome`.
    public func count(_ outcome: Outcome) -> Int { lines.reduce(0) { $0 + ($1.outcome == outcome ? 1 : 0) } }

    /// The ids of applied lines, in line order.
    public var appliedIDs: [String] { lines.compactMap { $0.outcome == .applied ? $0.id : nil } }

    /// The response body:
    /// `{"sequence","lines","applied","stale","rejected","results":[{"line","id","result","reason"?}]}`.
    public var json: [UInt8] {
        var w = JSONWriter(capacity: 128 + lines.count * 64)
        w.beginObject()
        w.key("sequence"); w.integer(Int64(clamping: sequence))
        w.key("lines"); w.integer(Int64(lines.count))
        w.key("applied"); w.integer(Int64(count(.applied)))
        w.key("stale"); w.integer(Int64(count(.stale)))
        w.key("rejected"); w.integer(Int64(count(.rejected)))
        w.key("results")
        w.beginArray()
        for line in lines {
            w.beginObject()
            w.key("line"); w.integer(Int64(line.number))
            w.key("id")
            if let id = line.id { w.string(id) } else { w.null() }
            w.key("result"); w.string(line.outcome.rawValue)
            if let reason = line.reason { w.key("reason"); w.string(reason) }
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.bytes
    }

    /// The audit parameters of the sync: counts and the sequence.
    var auditParameters: String {
        "lines=\(lines.count) applied=\(count(.applied)) stale=\(count(.stale)) rejected=\(count(.rejected)) sequence=\(sequence)"
    }
}
