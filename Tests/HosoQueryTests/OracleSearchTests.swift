import HosoIndex
import HosoModel
import HosoQuery
import HosoText
import Testing
import TestSupport

/// The index and query engine against the brute-force oracle on corpora built to collide.
@Suite struct OracleSearchTests {
    static let corpus = CollisionCorpus(seed: 42, count: 3000)
    static let snapshot = IndexBuilder.snapshot(of: corpus.records)
    static let oracle = OracleSearcher(records: corpus.records)

    @Test func invariantsHoldAfterBuild() {
        #if DEBUG
        for f in IndexField.allCases { Self.snapshot.field(f).checkInvariants() }
        #endif
        #expect(Self.snapshot.recordCount == Self.corpus.records.count)
    }

    @Test(arguments: 0..<400)
    func agreesWithOracle(_ n: Int) throws {
        let request = Self.corpus.request(n)
        let settings = [(0, false, true, 20_000), (1, true, true, 20_000), (3, false, true, 20_000), (3, true, false, 0),
                        (3, false, false, 0), (1, false, true, 0), (3, true, true, 0)]
        for (level, memo, values, driverLimit) in settings {
            // memo: tiers remembered per field value from the first candidate on; values: start
            // from an interned field's matching values (else from record-level posting lists);
            // driverLimit 0: several interned fields go through the tabulated scan.
            let searcher = Searcher(snapshot: Self.snapshot, memoThreshold: memo ? 0 : .max, valueDriven: values,
                                    valueDriverLimit: driverLimit)
            let got: SearchResult
            do {
                got = try searcher.search(request, callerLevel: level)
            } catch {
                // Forbidden parameters are the only refusals these requests can meet.
                #expect(error == .forbidden(parameter: error.parameter), "request \(n): \(error)")
                #expect(request.hometown != nil && level < 1, "request \(n): unexpected \(error)")
                continue
            }
            let want = Self.oracle.search(request, callerLevel: level)
            #expect(got.total == want.total, "request \(n) \(request) level \(level): total \(got.total) vs oracle \(want.total)")
            #expect(got.hits.map(\.id) == want.hits.map(\.id),
                    "request \(n) \(request) level \(level): order differs")
            #expect(got.hits.map(\.tier) == want.hits.map(\.tier), "request \(n) level \(level): tiers differ")
        }
    }

    @Test func cursorPagesThroughEveryHitOnce() throws {
        var request = SearchRequest()
        request.name = "nguyen"
        request.limit = 7
        let searcher = Searcher(snapshot: Self.snapshot)
        var seen: [String] = []
        var total = 0
        for _ in 0..<10_000 {
            let page = try searcher.search(request, callerLevel: 3)
            total = page.total
            seen += page.hits.map(\.id)
            guard let next = page.nextCursor else { break }
            request.cursor = next
        }
        #expect(seen.count == total)
        #expect(Set(seen).count == seen.count)
        var all = SearchRequest()
        all.name = "nguyen"
        all.limit = 100
        let oracle = Self.oracle.search(all, callerLevel: 3)
        #expect(oracle.total == total)
    }
}

extension OracleSearchTests {
    /// The random requests must actually find things, at every tier, or the comparison proves little.
    @Test func requestsExerciseEveryTier() throws {
        var nonEmpty = 0
        var tiers = Set<MatchTier>()
        for n in 0..<400 {
            let r = Self.corpus.request(n)
            guard let result = try? Searcher(snapshot: Self.snapshot).search(r, callerLevel: 3) else { continue }
            if result.total > 0 { nonEmpty += 1 }
            tiers.formUnion(result.hits.map(\.tier))
        }
        #expect(nonEmpty > 200, "only \(nonEmpty) of 400 random requests found anything")
        #expect(tiers.isSuperset(of: [.exact, .tone, .folded, .variant, .fuzzy]), "tiers seen: \(tiers)")
    }
}
