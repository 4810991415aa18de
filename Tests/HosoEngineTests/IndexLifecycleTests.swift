import Foundation
import HosoEngine
import HosoIndex
import HosoModel
import HosoQuery
import HosoStore
import Testing
import TestSupport

/// The persisted index: loaded when current, caught up from the change log when behind, rebuilt
/// when missing, corrupt or truncated.
@Suite struct IndexLifecycleTests {
    static func store(_ dir: TemporaryDirectory, records: [PersonRecord]) throws -> RecordStore {
        let store = try RecordStore(directory: dir.path)
        try store.write { writer in
            for r in records { _ = try writer.upsert(r) }
        }
        return store
    }

    @Test func missingAndCorruptFilesAreRebuiltAndStaleOnesCaughtUp() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let corpus = CollisionCorpus(seed: 5, count: 500)
        let store = try Self.store(dir, records: corpus.records)

        let (first, origin1) = try IndexLifecycle.loadLive(store: store, directory: dir.path)
        guard case let .rebuilt(reason) = origin1 else { Issue.record("expected a rebuild of a missing file"); return }
        #expect(reason.contains("does not exist"))
        #expect(first.recordCount == 500)

        let (second, origin2) = try IndexLifecycle.loadLive(store: store, directory: dir.path)
        #expect(origin2 == .loaded)
        #expect(second.recordCount == 500)
        #expect(second.sequence == first.sequence)

        // Same answers from the loaded file as from the freshly built snapshot.
        var request = SearchRequest()
        request.name = "nguyen van an"
        let a = try Searcher(index: first).search(request, callerLevel: 3)
        let b = try Searcher(index: second).search(request, callerLevel: 3)
        #expect(a == b)
        #expect(a.total > 0)

        // Stale: the store moved on by one change, which is replayed onto the file's index.
        var extra = PersonRecord(id: "zzz-new", fullName: "Nguyễn Văn An")
        extra.version = 1
        try store.upsert(extra)
        let (third, origin3) = try IndexLifecycle.loadLive(store: store, directory: dir.path)
        #expect(origin3 == .replayed(changes: 1))
        #expect(third.recordCount == 501)
        #expect(try Searcher(index: third).search(request, callerLevel: 3).total == a.total + 1)

        // Corrupt: flip a byte in the middle.
        let path = IndexLifecycle.indexPath(dir.path)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: path))
        let (fourth, origin4) = try IndexLifecycle.loadLive(store: store, directory: dir.path)
        guard case let .rebuilt(corruptReason) = origin4 else { Issue.record("expected a rebuild of a corrupt file"); return }
        #expect(corruptReason.contains("corrupt"))
        #expect(fourth.recordCount == 501)

        // Truncated.
        try Data(bytes.prefix(bytes.count / 3)).write(to: URL(fileURLWithPath: path))
        let (_, origin5) = try IndexLifecycle.loadLive(store: store, directory: dir.path)
        guard case .rebuilt = origin5 else { Issue.record("expected a rebuild of a truncated file"); return }
    }
}
