/// Counters the HTTP layer exports on `/metrics`.
public struct ServiceMetrics: Sendable, Hashable {
    /// Whether the index is loaded.
    public var ready: Bool
    /// Records in the current index snapshot (0 before it is loaded).
    public var records: Int
    /// Bytes of the current index snapshot in memory.
    public var indexBytes: Int
    /// Keys flagged for viewing unusually many distinct people (since start).
    public var flaggedKeys: Int
    /// Requests refused for rate or quota (since start).
    public var rateLimited: Int
    /// Audit entries and audit write transactions committed by this process.
    public var auditEntries: UInt64
    public var auditCommits: UInt64
}

extension HosoService {
    /// The current counters.
    public var metrics: ServiceMetrics {
        let snapshot = self.snapshot
        let audit = auditLog.statistics
        return ServiceMetrics(
            ready: snapshot != nil, records: snapshot?.recordCount ?? 0, indexBytes: snapshot?.byteSize ?? 0,
            flaggedKeys: usage.flaggedCount, rateLimited: usage.refusedCount, auditEntries: audit.entries,
            auditCommits: audit.commits)
    }
}
