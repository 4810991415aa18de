#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import HosoIndex
import HosoModel
import HosoQuery
import HosoStore

/// Builds, persists and loads the in-memory index of a store (DESIGN §1).
///
/// LMDB is the source of truth: the index file next to it records the change-log sequence it
/// was built at. A missing, stale (behind the store) or corrupt file is reported and rebuilt;
/// nothing partial is ever returned.
public enum IndexLifecycle {
    /// Where the persisted index of the store in `directory` lives.
    public static func indexPath(_ directory: String) -> String { directory + "/index.hoso" }

    /// How `loadLive` obtained its index.
    public enum Origin: Sendable, Equatable {
        case loaded
        /// Loaded, then caught up with this many changes from the store's change log.
        case replayed(changes: Int)
        /// Rebuilt from LMDB, and why the file could not be used.
        case rebuilt(reason: String)
    }

    /// Builds a snapshot from every record in the store and persists it.
    @available(*, noasync)
    public static func rebuild(store: RecordStore, directory: String, log: (String) -> Void = { _ in }) throws
        -> IndexSnapshot
    {
        let clock = ContinuousClock()
        let start = clock.now
        let (snapshot, sequence) = try build(store: store)
        let built = clock.now
        try IndexFile.write(snapshot, to: indexPath(directory))
        log("indexed \(snapshot.recordCount) records at change \(sequence) in \(built - start), saved in \(clock.now - built)")
        return snapshot
    }

    /// Builds a snapshot from the store. Records are read in id order in chunks; each chunk is
    /// analysed on every core while the previous chunk's analyses are added to the builder, so
    /// reading, analysing and building overlap.
    @available(*, noasync)
    public static func build(store: RecordStore) throws -> (IndexSnapshot, UInt64) {
        var builder = IndexBuilder()
        let sequence = try store.lastSequence()
        var chunk: [PersonRecord] = []
        let chunkSize = 8_192
        chunk.reserveCapacity(chunkSize)
        var pending: PendingAnalysis?
        func finish(_ p: PendingAnalysis) {
            p.group.wait()
            let analyses = p.box.values()
            builder.add(ids: p.records.map(\.id), analyses: analyses)
        }
        func hand(_ records: [PersonRecord]) {
            let next = PendingAnalysis(records)
            if let pending { finish(pending) }
            pending = next
        }
        try store.forEachRecord { record in
            chunk.append(try store.indexable(record))
            if chunk.count == chunkSize {
                hand(chunk)
                chunk.removeAll(keepingCapacity: true)
            }
            return true
        }
        hand(chunk)
        if let pending { finish(pending) }
        return (builder.build(sequence: sequence), sequence)
    }

    /// `RecordAnalysis` of each record, computed on all cores, in input order.
    public static func analyseInParallel(_ records: [PersonRecord]) -> [RecordAnalysis] {
        let p = PendingAnalysis(records)
        p.group.wait()
        return p.box.values()
    }
}

/// A chunk being analysed in the background, one slice per core (or, from a background thread
/// that keeps its work to itself, `Parallel.onBackgroundThread`, right away on that thread).
private final class PendingAnalysis: @unchecked Sendable {
    let records: [PersonRecord]
    let box: ResultBox
    let group = DispatchGroup()

    init(_ records: [PersonRecord]) {
        self.records = records
        box = ResultBox(count: records.count)
        if Parallel.onBackgroundThread {
            for (i, record) in records.enumerated() { box.set(i, RecordAnalysis(record)) }
            return
        }
        let workers = max(1, min(8, System.coreCount))
        for w in 0..<workers {
            group.enter()
            DispatchQueue.global().async { [self] in
                var i = w
                while i < records.count {
                    box.set(i, RecordAnalysis(records[i]))
                    i += workers
                }
                group.leave()
            }
        }
    }
}

/// Fixed-size result slots written by distinct workers (each index by exactly one worker).
private final class ResultBox: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<RecordAnalysis?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func set(_ i: Int, _ value: RecordAnalysis) { slots[i] = value }

    func values() -> [RecordAnalysis] { slots.map { $0! } }
}

enum System {
    static var coreCount: Int {
        #if canImport(Glibc)
        Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        #else
        2
        #endif
    }
}
