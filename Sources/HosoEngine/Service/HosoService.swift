import Dispatch
import HosoIndex
import HosoModel
import HosoQuery
import HosoStore
import Synchronization

/// The service behind the HTTP API (DESIGN §3, §5), without HTTP.
///
/// `HosoServer` resolves the caller once per request with `authenticate(bearer:)`, calls one of
/// the async methods, and sends the bytes it returns — or maps the `ServiceError` it throws to a
/// status and `ServiceError.body`. Every method that shows people applies the record-level filter
/// before counting, writes them through `Redaction`, and returns only after the audit entry is
/// committed.
public final class HosoService: Sendable {
    /// Tunables; the defaults suit production.
    public struct Options: Sendable {
        /// Distinct people a key may see in a UTC day before it is flagged once.
        public var flagThreshold = 2_000
        /// The longest query string accepted, in bytes (longer: `.tooLarge`).
        public var maxQueryBytes = 4_096
        /// Slots of the rendered-person cache (0 disables it); memory is at most about this many
        /// times the mean size of a person's JSON (about 700 bytes), 5 MB when empty.
        public var personCacheSlots = 131_072
        /// Slots of the per-key search result cache (0 disables it; see `ResultCache`); each
        /// holds one page of ids, tiers and scores, about 1–2 KB, and only filled slots cost more
        /// than a few bytes.
        public var resultCacheSlots = 32_768
        /// Slots of the per-key rendered page cache (0 disables it; see `PageCache`); each holds
        /// one page of JSON, about 20 KB for 20 hits, at most `PageCache.maxPageBytes`.
        public var pageCacheSlots = 8_192
        /// Changed records kept beside the base index before it is rebuilt in the background.
        public var compactAfterChanges = 50_000
        /// The least time between two audit group commits (see `AuditLog`).
        public var auditCommitInterval: Duration = .milliseconds(1)
        /// The time in milliseconds since 1970 (UTC); tests replace it.
        public var clock: @Sendable () -> Int64 = { WallClock.milliseconds() }

        public init() {}
    }

    /// The database directory.
    public let directory: String
    /// The LMDB store (records, changes, audit, keys).
    public let store: RecordStore
    /// API keys.
    public let keys: KeyStore
    /// The audit log.
    public let auditLog: AuditLog
    let options: Options
    let usage: UsageTracker
    let cursors: CursorSeal
    let people: PersonCache
    let pages: PageCache
    let results: ResultCache
    let qualityReports = QualityCache()
    private let current = Mutex<Searcher?>(nil)
    /// Index updates (`refreshIndex`, the end of a compaction) run here, one at a time, in order.
    let indexQueue = DispatchQueue(label: "hoso.index")
    /// Whether a background rebuild of the base index is running.
    let compacting = Mutex(false)

    /// Opens the store in `directory`. The index is not loaded: call `load()`; until it finishes,
    /// `isReady` is false and searches throw `.unavailable`.
    ///
    /// - Parameter dataKey: the key restricted fields are sealed with (DESIGN §3); required for an
    ///   encrypted store, and a new store is encrypted with it. `nil` only for an unencrypted store.
    /// - Throws: `LMDBError` / `StoreError` if the store cannot be opened (`.wrongDataKey` for
    ///   another key), `KeyError` if the keys cannot be read.
    public init(directory: String, options: Options = Options(), dataKey: DataKey? = nil) throws {
        self.directory = directory
        self.options = options
        store = try RecordStore(directory: directory, dataKey: dataKey)
        if store.isEncrypted, store.sealer == nil { throw StoreError.dataKeyRequired }
        keys = try KeyStore(store: store)
        auditLog = try AuditLog(store: store, minimumCommitInterval: options.auditCommitInterval)
        usage = UsageTracker(flagThreshold: options.flagThreshold)
        cursors = try CursorSeal(store: store)
        people = PersonCache(slots: options.personCacheSlots)
        results = ResultCache(slots: options.resultCacheSlots)
        pages = PageCache(slots: options.pageCacheSlots)
    }

    /// Whether the whole index is loaded (`/readyz`). Never partial.
    public var isReady: Bool { current.withLock { $0 != nil } }

    /// Restores today's key usage (kept beside the audit log) and loads (or rebuilds) the persisted index,
    /// on a background thread, then becomes ready.
    ///
    /// - Parameter log: receives one line per notable event (rebuild reasons, timings).
    /// - Throws: what `IndexLifecycle.loadLive` throws; the service then stays unready.
    public func load(log: @escaping @Sendable (String) -> Void = { _ in }) async throws {
        let store = self.store
        let directory = self.directory
        let usage = self.usage
        let auditLog = self.auditLog
        let now = options.clock()
        let live: LiveIndex = try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(
                    with: Result {
                        let day = WallClock.day(ofMilliseconds: now)
                        usage.restore(try auditLog.usage(day: day), day: day, now: now)
                        try auditLog.pruneUsage(before: day)
                        return try IndexLifecycle.loadLive(store: store, directory: directory, log: log).0
                    })
            }
        }
        publish(live)
    }

    /// Makes `snapshot` (with no changes on top) the index later requests search.
    public func publish(_ snapshot: IndexSnapshot) {
        publish(LiveIndex(base: snapshot))
    }

    /// Makes `index` the one later requests search (after a load, a sync or a rebuild).
    public func publish(_ index: LiveIndex) {
        let searcher = Searcher(index: index)
        current.withLock { $0 = searcher }
    }

    /// The searcher of the current snapshot, or `.unavailable` before the first load.
    func searcher() throws(ServiceError) -> Searcher {
        guard let searcher = current.withLock({ $0 }) else { throw .unavailable }
        return searcher
    }

    /// The current base snapshot, if loaded.
    public var snapshot: IndexSnapshot? { current.withLock { $0?.snapshot } }

    /// The current index, if loaded.
    public var liveIndex: LiveIndex? { current.withLock { $0?.index } }
}
