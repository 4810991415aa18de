import Dispatch
import HosoIndex
import HosoQuery
import HosoStore

extension HosoService {
    /// Brings the searchable index up to the store's last change, and returns once searches see
    /// it (read-your-writes for `POST /v1/sync`: call after the write transaction commits).
    ///
    /// Changes are applied on `indexQueue`, one refresh after another, each from one consistent
    /// read of the store, as one small delta segment, so a search sees whole write transactions
    /// only. When the records changed since the base index pass `Options.compactAfterChanges`, a
    /// rebuild of the base starts in the background; when a run of delta segments is due to be
    /// merged (`LiveIndex.needsMerge`), they are merged in the background. Searches and refreshes
    /// go on meanwhile.
    ///
    /// - Returns: the change-log sequence now searchable.
    /// - Throws: `.unavailable` before the index is loaded; `.failure` if the store cannot be read.
    @discardableResult
    public func refreshIndex() async throws(ServiceError) -> UInt64 {
        let result: Result<LiveIndex, ServiceError> = await withCheckedContinuation { continuation in
            indexQueue.async { [self] in
                continuation.resume(returning: refreshOnQueue())
            }
        }
        let live = try result.get()
        if live.deltaCount > options.compactAfterChanges {
            compactInBackground()
        } else if live.needsMerge {
            mergeInBackground()
        }
        return live.sequence
    }

    /// One refresh; runs on `indexQueue`.
    private func refreshOnQueue() -> Result<LiveIndex, ServiceError> {
        guard let live = liveIndex else { return .failure(.unavailable) }
        do {
            let next = try IndexLifecycle.catchUp(live, store: store)
            if next !== live { publish(next) }
            return .success(next)
        } catch {
            return .failure(.failure(message: "the index could not be brought up to date: \(error)"))
        }
    }

    /// Merges the run of delta segments that is due on a background thread (`BackgroundWork`),
    /// then adopts the merge into the newest index on `indexQueue` (segments applied meanwhile stay
    /// as they are), and goes on while another merge is due. Keeps merging, whose cost grows with the changes
    /// since the base, off the sync path. At most one merge or compaction runs at a time.
    func mergeInBackground() {
        guard let live = liveIndex, startBackgroundWork() else { return }
        BackgroundWork.start("hoso-merge") { [self] in
            var again = false
            if let merge = live.merged() {
                indexQueue.sync {
                    if let current = liveIndex {
                        let next = current.adopting(merge)
                        publish(next)
                        again = next.needsMerge
                    }
                }
            }
            compacting.withLock { $0 = false }
            if again { mergeInBackground() }
        }
    }

    /// Claims the one background slot (merge or compaction); false when one is running.
    private func startBackgroundWork() -> Bool {
        compacting.withLock { running in
            if running { return false }
            running = true
            return true
        }
    }

    /// Rebuilds the base index from the store (and saves it) on a background thread
    /// (`BackgroundWork`), then replays the changes made meanwhile on `indexQueue` and publishes the
    /// result. At most one runs at a time.
    func compactInBackground(log: @escaping @Sendable (String) -> Void = { _ in }) {
        guard startBackgroundWork() else { return }
        BackgroundWork.start("hoso-compact") { [self] in
            defer { compacting.withLock { $0 = false } }
            do {
                let base = try IndexLifecycle.rebuild(store: store, directory: directory, log: log)
                try indexQueue.sync {
                    publish(try IndexLifecycle.catchUp(LiveIndex(base: base), store: store))
                }
            } catch {
                log("background index rebuild failed: \(error); the delta keeps serving")
            }
        }
    }
}
