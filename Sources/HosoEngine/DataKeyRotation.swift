import Foundation
import HosoStore

/// `hoso keys rotate-data-key`: re-encrypts a database under a new data key, then rebuilds its
/// search index (which knows national ids only by blind terms of the key).
public enum DataKeyRotation {
    /// What a rotation did.
    public struct Summary: Sendable {
        /// What the store reported.
        public var store: RecordStore.RotationSummary
        /// Records in the rebuilt index.
        public var indexed: Int
    }

    /// Rotates the database in `directory` from `old` (nil: a database written without
    /// encryption, or the old key is not needed because the rotation already finished) to `new`.
    ///
    /// The index file is removed first, so an interrupted run never leaves an index of the old
    /// key beside records of the new one; the next load (or this run's end) rebuilds it. Run it
    /// with the server stopped; it can be run again after a crash with the same keys.
    ///
    /// - Throws: `StoreError` for keys that do not fit (wrong old key, a different rotation under
    ///   way), `LMDBError`/`CodecError`, `IndexFileError` if the index cannot be saved.
    @available(*, noasync)
    public static func run(
        directory: String, from old: DataKey?, to new: DataKey, batchSize: Int = 10_000, log: (String) -> Void = { _ in }
    ) throws -> Summary {
        if let old, old.checkValue == new.checkValue {
            throw DataKeySourceError("the new data key is the same as the old one (key \(new.keyID))")
        }
        let indexPath = IndexLifecycle.indexPath(directory)
        if FileManager.default.fileExists(atPath: indexPath) { try FileManager.default.removeItem(atPath: indexPath) }
        let clock = ContinuousClock()
        let start = clock.now
        let rotated = try RecordStore.rotateDataKey(directory: directory, from: old, to: new, batchSize: batchSize) { count in
            log("re-encrypted \(count) records")
        }
        if rotated.alreadyDone {
            log("the database is already encrypted with key \(new.keyID); rebuilding the index")
        } else {
            log("re-encrypted \(rotated.records) records with key \(new.keyID) in \(clock.now - start)\(rotated.resumed ? " (finished an interrupted rotation)" : "")")
        }
        let store = try RecordStore(directory: directory, dataKey: new)
        let snapshot = try IndexLifecycle.rebuild(store: store, directory: directory, log: log)
        return Summary(store: rotated, indexed: snapshot.recordCount)
    }
}
