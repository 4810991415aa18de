/// Counters the HTTP layer exports on `/metrics`.
public struct ServiceMetrics: Sendable, Hashable {
    /// Whether the index is loaded.
    public var ready: Bool
    /// Records searchable in the current index (0 before it is loaded).
    public var records: Int
    /// Bytes of the current index (base and delta segments) in memory.
    public var indexBytes: Int
    /// Keys flagged for viewing unusually many distinct people (since start).
    public var flaggedKeys: Int
    /// Requests refused for rate or quota (since start).
    public var rateLimited: Int
    /// Audit entries and audit write transactions committed by this process.
    public var auditEntries: UInt64
    public var auditCommits: UInt64
    /// Searches that asked the per-key result cache, and those it answered.
    public var resultCacheLookups: UInt64
    public var resultCacheHits: UInt64
    /// Searches that asked the per-key page cache, and those it answered.
    public var pageCacheLookups: UInt64
    public var pageCacheHits: UInt64
}

extension HosoService {
    /// The current counters.
    public var metrics: ServiceMetrics {
        let index = liveIndex
        let audit = auditLog.statistics
        let cache = results.statistics
        let page = pages.statistics
        return ServiceMetrics(
            ready: index != nil, records: index?.recordCount ?? 0, indexBytes: index?.byteSize ?? 0,
            flaggedKeys: usage.flaggedCount, rateLimited: usage.refusedCount, auditEntries: audit.entries,
            auditCommits: audit.commits, resultCacheLookups: cache.lookups, resultCacheHits: cache.hits,
            pageCacheLookups: page.lookups, pageCacheHits: page.hits)
    }
}
