import HosoIndex
import HosoModel
import HosoQuery
import HosoStore

extension IndexLifecycle {
    /// The most changes a load replays onto an older index file before it rebuilds instead.
    public static let maxReplay: UInt64 = 250_000

    /// The persisted index brought up to the store's last change: loaded as is when current,
    /// loaded and caught up by replaying the change log when behind by at most `maxReplay`
    /// changes, otherwise (missing, corrupt, ahead of the store, far behind) rebuilt and saved.
    ///
    /// - Parameter log: receives one line per notable event (replays, rebuild reasons, timings).
    @available(*, noasync)
    public static func loadLive(
        store: RecordStore, directory: String, log: (String) -> Void = { _ in }
    ) throws -> (LiveIndex, Origin) {
        let sequence = try store.lastSequence()
        let reason: String
        do {
            let snapshot = try IndexFile.read(from: indexPath(directory))
            if snapshot.sequence == sequence { return (LiveIndex(base: snapshot), .loaded) }
            if snapshot.sequence < sequence, sequence - snapshot.sequence <= maxReplay {
                return try replay(onto: snapshot, store: store, log: log)
            }
            reason = snapshot.sequence > sequence
                ? "index file is at change \(snapshot.sequence), ahead of the store at \(sequence)"
                : "index file is at change \(snapshot.sequence), \(sequence - snapshot.sequence) changes behind the store"
        } catch let error as IndexFileError {
            reason = error.description
        }
        log("rebuilding the index: \(reason)")
        let snapshot = try rebuild(store: store, directory: directory, log: log)
        return (try catchUp(LiveIndex(base: snapshot), store: store), .rebuilt(reason: reason))
    }

    @available(*, noasync)
    private static func replay(
        onto snapshot: IndexSnapshot, store: RecordStore, log: (String) -> Void
    ) throws -> (LiveIndex, Origin) {
        let live = try catchUp(LiveIndex(base: snapshot), store: store)
        let replayed = Int(live.sequence - snapshot.sequence)
        log("index file is at change \(snapshot.sequence); replayed \(replayed) changes to \(live.sequence)")
        return (live, .replayed(changes: replayed))
    }

    /// `live` with every change the store has after `live.sequence` applied.
    ///
    /// Each round reads changed ids and their current records in one read transaction, so the
    /// result reflects whole write transactions only (a sync batch is never half applied).
    @available(*, noasync)
    public static func catchUp(_ live: LiveIndex, store: RecordStore, chunk: Int = 50_000) throws -> LiveIndex {
        var live = live
        while true {
            let changed = try store.changedRecords(since: live.sequence, limit: chunk)
            guard changed.through > live.sequence else { return live }
            let present = try changed.records.compactMap(\.record).map { record throws(StoreError) in try store.indexable(record) }
            let analyses = present.count > 256 ? analyseInParallel(present) : present.map { RecordAnalysis($0) }
            var next = analyses.makeIterator()
            let changes = changed.records.map { entry in
                (id: entry.id, analysis: entry.record == nil ? nil : next.next())
            }
            live = live.applying(changes, sequence: changed.through)
            if !changed.more { return live }
        }
    }
}
