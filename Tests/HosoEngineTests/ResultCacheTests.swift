import Foundation
import HosoEngine
import HosoModel
import HosoStore
import Testing

/// The per-key result cache (`ResultCache`) never changes what a search answers: a repeated
/// query gives the same page and is audited again, a sync in between is seen at once, and keys
/// of different levels never share a result.
@Suite struct ResultCacheTests {
    static let anQuery = "name=Nguy%E1%BB%85n%20V%C4%83n%20An"

    /// The body without `took_ms`, which differs between two runs of one search.
    static func stable(_ bytes: [UInt8]) throws -> NSDictionary {
        var object = try Body.object(bytes)
        object["took_ms"] = nil
        return object as NSDictionary
    }

    @Test func aRepeatedSearchGivesTheSamePageAndIsAuditedEachTime() async throws {
        let f = try await ServiceFixture.make(records: People.all)
        defer { f.remove() }
        let officer = try f.caller("officer")
        let before = f.service.auditLog.statistics.entries
        let first = try await f.service.search(queryString: Self.anQuery, caller: officer)
        let second = try await f.service.search(queryString: Self.anQuery, caller: officer)
        #expect(try Self.stable(first) == Self.stable(second))
        #expect(try Body.hitIDs(first).contains("HS0000000001"))
        #expect(f.service.auditLog.statistics.entries == before + 2)
    }

    @Test func aSyncBetweenTwoSearchesIsSeenByTheSecond() async throws {
        let f = try await ServiceFixture.make(records: People.all)
        defer { f.remove() }
        let officer = try f.caller("officer")
        #expect(try Body.hitIDs(try await f.service.search(queryString: Self.anQuery, caller: officer)).contains("HS0000000001"))
        var renamed = People.an()
        renamed.version = 9
        renamed.fullName = "Nguyễn Văn Bảo"
        _ = try await f.service.sync(body: Array(#"{"op":"upsert","record":\#(renamed.jsonLine())}"#.utf8), caller: try f.caller("agency"))
        let again = try await f.service.search(queryString: Self.anQuery, caller: officer)
        #expect(try !Body.hitIDs(again).contains("HS0000000001"), "a cached page outlived the sync")
    }

    /// The officer's page holds the restricted and secret Nguyễn Văn An; the public key, asking
    /// the same query string right after, gets exactly what a service without the cache gives it.
    @Test func keysOfDifferentLevelsNeverShareAResult() async throws {
        let f = try await ServiceFixture.make(records: People.all)
        defer { f.remove() }
        let officerPage = try await f.service.search(queryString: Self.anQuery, caller: try f.caller("officer"))
        #expect(try Body.hitIDs(officerPage).contains("HS0000000003"))
        let publicPage = try await f.service.search(queryString: Self.anQuery, caller: try f.caller("public"))
        #expect(try !Body.hitIDs(publicPage).contains("HS0000000003") && !Body.hitIDs(publicPage).contains("HS0000000002"))

        var options = HosoService.Options()
        options.resultCacheSlots = 0
        let uncached = try HosoService(directory: f.directory.path, options: options)
        try await uncached.load()
        let publicKey = try uncached.authenticate(bearer: "Bearer " + (f.secrets["public"] ?? ""))
        let want = try await uncached.search(queryString: Self.anQuery, caller: publicKey)
        #expect(try Self.stable(publicPage)["total"] as? Int == Self.stable(want)["total"] as? Int)
        #expect(try Body.hitIDs(publicPage) == Body.hitIDs(want))
    }

    /// A rendered page is reused only while the store has not changed: a record deleted in the
    /// store behind the index's back (as another process could) leaves the next page at once,
    /// although the index, and so the cached result, still hold it.
    @Test func aPageIsNotServedOnceTheStoreHasChanged() async throws {
        let f = try await ServiceFixture.make(records: People.all)
        defer { f.remove() }
        let officer = try f.caller("officer")
        let first = try await f.service.search(queryString: Self.anQuery, caller: officer)
        let second = try await f.service.search(queryString: Self.anQuery, caller: officer)
        #expect(try Self.stable(first) == Self.stable(second))
        #expect(f.service.metrics.pageCacheHits == 1)
        #expect(try Body.hitIDs(second).contains("HS0000000001"))

        _ = try Self.deleteInStore(f.service, id: "HS0000000001")
        let third = try await f.service.search(queryString: Self.anQuery, caller: officer)
        #expect(try !Body.hitIDs(third).contains("HS0000000001"), "a cached page outlived a change in the store")
        #expect(f.service.metrics.pageCacheHits == 1)
        #expect(f.service.metrics.resultCacheHits == 2, "the result still came from the result cache")
        let fourth = try await f.service.search(queryString: Self.anQuery, caller: officer)
        #expect(try Self.stable(third) == Self.stable(fourth))
        #expect(f.service.metrics.pageCacheHits == 2)
    }

    static func deleteInStore(_ service: HosoService, id: String) throws -> DeleteOutcome {
        try service.store.write { writer in try writer.delete(id: id, version: 1_000) }
    }
}
