import HosoIndex
import HosoModel
import HosoQuery
import HosoText
import Testing
import TestSupport

/// A base snapshot with batches of updates, inserts and deletes on top (`LiveIndex`) must answer
/// exactly like the brute-force oracle over the records as they now are — totals, order, tiers
/// and cursor pages — while batches land as delta segments and runs of them are merged, the
/// merges adopted several batches late.
@Suite struct LiveIndexOracleTests {
    /// The corpus' first 2,000 records are the base; the rest, and edits of them, arrive as changes.
    struct World {
        var live: LiveIndex
        var current: [String: PersonRecord]
    }

    static let corpus = CollisionCorpus(seed: 77, count: 3000)

    static func world(seed: UInt64, merging: Bool) -> World {
        let initial = Array(corpus.records.prefix(2000))
        var current = Dictionary(uniqueKeysWithValues: initial.map { ($0.id, $0) })
        var live = LiveIndex(base: IndexBuilder.snapshot(of: initial, sequence: 10), mergeFactor: 2)
        var random = SeededRandom(seed: seed)
        let donors = corpus.records
        var sequence: UInt64 = 10
        var fresh = 0
        var pending: (MergedSegment, Int)?
        for _ in 0..<40 {
            var batch: [(id: String, analysis: RecordAnalysis?)] = []
            for _ in 0..<Int(random.next() % 60 + 1) {
                let ids = Array(current.keys)
                switch random.next() % 3 {
                case 0 where !ids.isEmpty:
                    // An update: an existing id takes another person's data.
                    let id = ids[Int(random.next() % UInt64(ids.count))]
                    var record = donors[Int(random.next() % UInt64(donors.count))]
                    record.id = id
                    current[id] = record
                    batch.append((id, RecordAnalysis(record)))
                case 1 where !ids.isEmpty:
                    let id = ids[Int(random.next() % UInt64(ids.count))]
                    current[id] = nil
                    batch.append((id, nil))
                default:
                    // A new id, sorting anywhere among the old ones.
                    var record = donors[Int(random.next() % UInt64(donors.count))]
                    fresh += 1
                    record.id = (fresh % 2 == 0 ? "0-new-" : "zz-new-") + String(fresh)
                    current[record.id] = record
                    batch.append((record.id, RecordAnalysis(record)))
                }
            }
            sequence += UInt64(batch.count)
            live = live.applying(batch, sequence: sequence)
            // The owner merges off the update path: a merge made from this index is adopted now
            // or a few batches later, when newer segments have arrived on top of it.
            guard merging else { continue }
            if let (merge, due) = pending, due == 0 {
                live = live.adopting(merge)
                pending = nil
            } else if let (merge, due) = pending {
                pending = (merge, due - 1)
            } else if live.needsMerge, let merge = live.merged() {
                pending = (merge, Int(random.next() % 4))
            }
        }
        return World(live: live, current: current)
    }

    static let worlds = [world(seed: 1, merging: true), world(seed: 2, merging: false)]
    static let oracles = worlds.map { OracleSearcher(records: Array($0.current.values)) }

    @Test func countsAndSegments() {
        for world in Self.worlds {
            #expect(world.live.recordCount == world.current.count)
            #expect(world.live.deltaCount > 0)
        }
        // Merging keeps the segments to a few per size tier; without it, one per batch.
        #expect(Self.worlds[0].live.segments.count < 12, "\(Self.worlds[0].live.segments.count) segments")
        #expect(Self.worlds[0].live.segments.dropFirst().contains { $0.snapshot.recordCount > 128 })
        #expect(Self.worlds[1].live.segments.count == 41)
    }

    @Test func aMergeOverAnotherBaseOrOfGoneSegmentsIsIgnored() throws {
        let world = Self.worlds[1]
        var other = LiveIndex(base: IndexBuilder.snapshot(of: Array(Self.corpus.records.prefix(10))), mergeFactor: 2)
        for n in 0..<2 { other = other.applying([(id: "x\(n)", analysis: nil)], sequence: 99 + UInt64(n)) }
        #expect(world.live.adopting(try #require(other.merged())) === world.live)
        // A merge whose segments were merged meanwhile by another one.
        let merge = try #require(world.live.merged())
        let adopted = world.live.adopting(merge)
        #expect(adopted !== world.live && adopted.segments.count < world.live.segments.count)
        #expect(adopted.adopting(merge) === adopted)
    }

    @Test(arguments: 0..<300)
    func agreesWithOracle(_ n: Int) throws {
        let request = Self.corpus.request(n)
        for (world, oracle) in zip(Self.worlds, Self.oracles) {
            for level in [1, 3] {
                let got: SearchResult
                do {
                    got = try Searcher(index: world.live).search(request, callerLevel: level)
                } catch {
                    #expect(error == .forbidden(parameter: error.parameter), "request \(n): \(error)")
                    continue
                }
                let want = oracle.search(request, callerLevel: level)
                #expect(got.total == want.total, "request \(n) \(request) level \(level): total \(got.total) vs \(want.total)")
                #expect(got.hits.map(\.id) == want.hits.map(\.id), "request \(n) \(request) level \(level): order differs")
                #expect(got.hits.map(\.tier) == want.hits.map(\.tier), "request \(n) level \(level): tiers differ")
            }
        }
    }

    @Test func cursorPagesAcrossSegmentsMatchTheOracle() throws {
        for (world, oracle) in zip(Self.worlds, Self.oracles) {
            for name in ["nguyen", "tran thi", "le"] {
                var request = SearchRequest()
                request.name = name
                request.limit = 9
                let searcher = Searcher(index: world.live)
                var seen: [String] = []
                var total = -1
                for _ in 0..<1_000 {
                    let page = try searcher.search(request, callerLevel: 3)
                    total = page.total
                    seen += page.hits.map(\.id)
                    guard let next = page.nextCursor else { break }
                    request.cursor = next
                }
                var all = SearchRequest()
                all.name = name
                all.limit = SearchRequest.maxLimit
                let want = oracle.search(all, callerLevel: 3)
                #expect(total == want.total)
                #expect(seen.count == total, "\(name): paged \(seen.count) of \(total)")
                #expect(Set(seen).count == seen.count, "\(name): a hit came twice")
                var everything: [String] = []
                var skip = 0
                while skip < want.total {
                    everything += oracle.search(all, callerLevel: 3, skip: skip).hits.map(\.id)
                    skip += all.limit
                }
                #expect(seen == everything, "\(name): pages differ from the oracle's order")
            }
        }
    }

    @Test func deletedRecordsAreNeverFound() throws {
        let world = Self.worlds[0]
        let searcher = Searcher(index: world.live)
        var checked = 0
        for record in Self.corpus.records.prefix(2000) where world.current[record.id] == nil {
            var request = SearchRequest()
            request.name = record.fullName
            request.limit = SearchRequest.maxLimit
            var pages = 0
            while pages < 100 {
                let page = try searcher.search(request, callerLevel: 3)
                #expect(!page.hits.contains { $0.id == record.id }, "deleted \(record.id) found by \(record.fullName)")
                pages += 1
                guard let next = page.nextCursor else { break }
                request.cursor = next
            }
            checked += 1
        }
        #expect(checked > 50)
    }
}
