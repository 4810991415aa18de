import Foundation
import HosoEngine
import HosoIndex
import HosoModel
import HosoQuery
import HosoStore
import Testing
import TestSupport

/// Changes reach the index without a full rebuild: a stale index file is caught up from the
/// change log at load, `refreshIndex` publishes what a write committed, and a background
/// compaction folds the delta back into a new base that is saved.
@Suite struct IndexRefreshTests {
    static func person(_ id: String, _ name: String, version: Int64 = 1) -> PersonRecord {
        var r = PersonRecord(id: id, fullName: name)
        r.version = version
        return r
    }

    /// Upserts `records` in one write transaction (outside the async context, as the service does).
    static func write(_ store: RecordStore, _ records: [PersonRecord]) throws {
        try { () throws in try store.write { writer in for r in records { _ = try writer.upsert(r) } } }()
    }

    static func names(_ searcher: Searcher, _ name: String) throws -> [String] {
        var request = SearchRequest()
        request.name = name
        request.limit = 100
        return try searcher.search(request, callerLevel: 3).hits.map(\.id)
    }

    @Test func aStaleIndexFileIsCaughtUpFromTheChangeLog() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let corpus = CollisionCorpus(seed: 9, count: 400)
        let store = try IndexLifecycleTests.store(dir, records: corpus.records)
        _ = try IndexLifecycle.rebuild(store: store, directory: dir.path)
        let victim = corpus.records[17]
        try store.write { writer in
            _ = try writer.upsert(Self.person("zz-1", "Khổng Minh Triết"))
            _ = try writer.upsert(Self.person("00-2", "Khổng Minh Triết"))
            var renamed = corpus.records[3]
            renamed.fullName = "Khổng Minh Triết"
            renamed.version += 1
            _ = try writer.upsert(renamed)
            _ = try writer.delete(id: victim.id, version: victim.version + 1)
        }
        let (live, origin) = try IndexLifecycle.loadLive(store: store, directory: dir.path)
        #expect(origin == .replayed(changes: 4))
        #expect(live.sequence == (try store.lastSequence()))
        #expect(live.recordCount == 401)
        let searcher = Searcher(index: live)
        #expect(try Self.names(searcher, "khong minh triet") == ["00-2", corpus.records[3].id, "zz-1"].sorted { ByteOrder.compare($0, $1) < 0 })
        #expect(try !Self.names(searcher, victim.fullName).contains(victim.id))

        // The file itself is still the old base; a full rebuild gives the same answers.
        let rebuilt = Searcher(snapshot: try IndexLifecycle.rebuild(store: store, directory: dir.path))
        for name in ["khong minh triet", victim.fullName, corpus.records[3].fullName, "nguyen van an"] {
            var request = SearchRequest()
            request.name = name
            let (a, b) = (try searcher.search(request, callerLevel: 3), try rebuilt.search(request, callerLevel: 3))
            #expect(a.total == b.total, "\(name)")
            #expect(a.hits.map { "\($0.id) \($0.tier) \($0.score)" } == b.hits.map { "\($0.id) \($0.tier) \($0.score)" }, "\(name)")
            #expect(a.nextCursor == b.nextCursor, "\(name)")
        }
    }

    @Test func refreshPublishesCommittedChangesAndCompactionFoldsThemIntoTheBase() async throws {
        let dir = try TemporaryDirectory(prefix: "hoso-refresh")
        defer { dir.remove() }
        try ServiceFixture.store(CollisionCorpus(seed: 3, count: 300).records, in: dir.path)
        var options = HosoService.Options()
        options.compactAfterChanges = 5
        let service = try HosoService(directory: dir.path, options: options)
        try await service.load()
        let before = try #require(service.liveIndex)

        try Self.write(service.store, [Self.person("HS-NEW-1", "Khổng Minh Triết")])
        // Committed but not yet published: searches still read the old index.
        #expect(try Self.names(Searcher(index: try #require(service.liveIndex)), "khong minh triet").isEmpty)
        let sequence = try await service.refreshIndex()
        #expect(sequence == before.sequence + 1)
        #expect(try Self.names(Searcher(index: try #require(service.liveIndex)), "khong minh triet") == ["HS-NEW-1"])
        #expect(service.liveIndex?.deltaCount == 1)

        // Past `compactAfterChanges`, a rebuild of the base starts in the background.
        try Self.write(service.store, (2...8).map { Self.person("HS-NEW-\($0)", "Khổng Minh Triết") })
        try await service.refreshIndex()
        #expect(try Self.names(Searcher(index: try #require(service.liveIndex)), "khong minh triet").count == 8)
        for _ in 0..<400 where service.liveIndex?.deltaCount != 0 { try await Task.sleep(for: .milliseconds(25)) }
        let compacted = try #require(service.liveIndex)
        #expect(compacted.deltaCount == 0)
        #expect(compacted.base.recordCount == 308)
        #expect(try IndexFile.sequence(at: IndexLifecycle.indexPath(dir.path)) == compacted.sequence)
        #expect(try Self.names(Searcher(index: compacted), "khong minh triet").count == 8)
    }
}
