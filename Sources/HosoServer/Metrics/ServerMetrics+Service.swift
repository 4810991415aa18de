import HosoEngine

extension ServerMetrics {
    /// Copies the service's figures into gauges and counters just before `/metrics` renders:
    /// `hoso_ready`, `hoso_records`, `hoso_index_bytes`, `hoso_flagged_keys`, and the running totals
    /// `hoso_rate_limited_total`, `hoso_audit_entries_total`, `hoso_audit_commits_total`,
    /// `hoso_result_cache_lookups_total`, `hoso_result_cache_hits_total`,
    /// `hoso_page_cache_lookups_total`, `hoso_page_cache_hits_total`.
    public func update(from figures: ServiceMetrics) {
        setGauge("hoso_ready", figures.ready ? 1 : 0)
        setGauge("hoso_records", Double(figures.records))
        setGauge("hoso_index_bytes", Double(figures.indexBytes))
        setGauge("hoso_flagged_keys", Double(figures.flaggedKeys))
        setCounter("hoso_rate_limited_total", UInt64(max(0, figures.rateLimited)))
        setCounter("hoso_audit_entries_total", figures.auditEntries)
        setCounter("hoso_audit_commits_total", figures.auditCommits)
        setCounter("hoso_result_cache_lookups_total", figures.resultCacheLookups)
        setCounter("hoso_result_cache_hits_total", figures.resultCacheHits)
        setCounter("hoso_page_cache_lookups_total", figures.pageCacheLookups)
        setCounter("hoso_page_cache_hits_total", figures.pageCacheHits)
    }
}
