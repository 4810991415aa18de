import Foundation
import HosoModel
import HosoStore
import Testing
import TestSupport

@testable import HosoEngine

/// The audit chain: verification finds changed, inserted and removed entries; group commit keeps
/// every entry under concurrency.
@Suite struct AuditLogTests {
    static func event(_ i: Int) -> AuditEvent {
        AuditEvent(
            kind: i % 3 == 0 ? .view : .search, time: 1_764_000_000_000 + Int64(i), keyID: "k_test\(i % 4)", role: "officer",
            parameters: "name=An&page=\(i)", subject: i % 3 == 0 ? "HS\(i)" : nil, ids: ["HS\(i)", "HS\(i + 1)"])
    }

    /// A store whose log holds `count` entries.
    static func log(_ dir: TemporaryDirectory, count: Int) throws -> (RecordStore, AuditLog) {
        let store = try RecordStore(directory: dir.path)
        let log = try AuditLog(store: store)
        try log.appendNow((1...count).map(event))
        return (store, log)
    }

    /// Rewrites the stored value of entry `sequence`.
    static func rewrite(_ store: RecordStore, _ sequence: UInt64, _ change: (inout [UInt8]) -> Void) throws {
        try store.environment.write { txn in
            guard var value = try txn.withValue(forKey: sequence, in: store.databases.audit, { Array($0) }) else { return }
            change(&value)
            try txn.put(value, forKey: sequence, in: store.databases.audit)
        }
    }

    static func verify(_ store: RecordStore) throws -> AuditVerification { try AuditVerifier.verify(store: store) }

    @Test func anIntactLogVerifies() throws {
        let dir = try TemporaryDirectory(prefix: "hoso-audit")
        defer { dir.remove() }
        let (store, log) = try Self.log(dir, count: 50)
        let result = try AuditVerifier.verify(store: store)
        #expect(result.isValid, "\(result)")
        #expect(result.entries == 50)
        let entries = try log.entries(matching: .subject("HS9"), limit: 10)
        #expect(entries.map(\.sequence) == [9, 8], "HS9 was returned by entry 8 and asked for by entry 9")
        #expect(try log.entries(matching: .caller("k_test1"), limit: 100).count == 13)
    }

    @Test func aChangedEntryIsFound() throws {
        let dir = try TemporaryDirectory(prefix: "hoso-audit")
        defer { dir.remove() }
        let (store, _) = try Self.log(dir, count: 50)
        // Change one byte of the parameters of entry 17 ("page=17" → "page=18").
        try Self.rewrite(store, 17) { value in
            let needle = Array("page=17".utf8)
            if let at = (0...(value.count - needle.count)).first(where: { Array(value[$0..<$0 + needle.count]) == needle }) {
                value[at + 6] = UInt8(ascii: "8")
            }
        }
        let result = try AuditVerifier.verify(store: store)
        #expect(result.firstBadSequence == 17)
        #expect(result.reason?.contains("hash does not match") == true, "\(result.reason ?? "")")
    }

    @Test func aChangedHashIsFoundAtTheNextEntry() throws {
        let dir = try TemporaryDirectory(prefix: "hoso-audit")
        defer { dir.remove() }
        let (store, _) = try Self.log(dir, count: 20)
        // Recompute entry 5 after changing it, so it is self-consistent: entry 6 no longer chains.
        try store.environment.write { txn in
            let entry = try txn.withValue(forKey: UInt64(5), in: store.databases.audit) { try AuditCodec.decode($0) }
            guard var entry else { return }
            entry.event.ids = []
            let canonical = AuditCodec.canonical(entry.event, sequence: 5)
            let hash = AuditCodec.hash(previous: entry.previousHash, canonical: canonical)
            try txn.put(AuditCodec.value(canonical: canonical, previous: entry.previousHash, hash: hash), forKey: UInt64(5), in: store.databases.audit)
        }
        #expect(try AuditVerifier.verify(store: store).firstBadSequence == 6)
    }

    @Test func aRemovedEntryIsFound() throws {
        let dir = try TemporaryDirectory(prefix: "hoso-audit")
        defer { dir.remove() }
        let (store, _) = try Self.log(dir, count: 40)
        try store.environment.write { txn in _ = try txn.delete(UInt64(23), in: store.databases.audit) }
        let result = try AuditVerifier.verify(store: store)
        #expect(result.firstBadSequence == 23)
        #expect(result.reason?.contains("missing") == true)
    }

    @Test func aRemovedTailIsFound() throws {
        let dir = try TemporaryDirectory(prefix: "hoso-audit")
        defer { dir.remove() }
        let (store, _) = try Self.log(dir, count: 40)
        try store.environment.write { txn in
            for s in UInt64(38)...40 { _ = try txn.delete(s, in: store.databases.audit) }
        }
        let result = try AuditVerifier.verify(store: store)
        #expect(result.firstBadSequence == 38)
        #expect(result.entries == 37)
    }

    @Test func anInsertedEntryIsFound() throws {
        let dir = try TemporaryDirectory(prefix: "hoso-audit")
        defer { dir.remove() }
        let (store, _) = try Self.log(dir, count: 30)
        // Forge an entry 11 that chains correctly to entry 10, and shift 11…30 up by one.
        try store.environment.write { txn in
            let audit = store.databases.audit
            var shifted: [(UInt64, [UInt8])] = []
            for s in UInt64(11)...30 {
                if let value = try txn.withValue(forKey: s, in: audit, { Array($0) }) { shifted.append((s + 1, value)) }
            }
            for (s, value) in shifted.reversed() { try txn.put(value, forKey: s, in: audit) }
            let previous = try txn.withValue(forKey: UInt64(10), in: audit) { Array($0.suffix(32)) } ?? []
            let forged = AuditEvent(kind: .view, time: 1, keyID: "k_forged", role: "admin", parameters: "id=HS1", subject: "HS1")
            let canonical = AuditCodec.canonical(forged, sequence: 11)
            let hash = AuditCodec.hash(previous: previous, canonical: canonical)
            try txn.put(AuditCodec.value(canonical: canonical, previous: previous, hash: hash), forKey: UInt64(11), in: audit)
        }
        let result = try AuditVerifier.verify(store: store)
        #expect(result.firstBadSequence == 12, "the entry after the forged one no longer chains: \(result)")
    }

    @Test func anEntryAppendedBehindTheWritersBackIsFound() throws {
        let dir = try TemporaryDirectory(prefix: "hoso-audit")
        defer { dir.remove() }
        let (store, _) = try Self.log(dir, count: 10)
        try store.environment.write { txn in
            let audit = store.databases.audit
            let previous = try txn.withValue(forKey: UInt64(10), in: audit) { Array($0.suffix(32)) } ?? []
            let canonical = AuditCodec.canonical(Self.event(99), sequence: 11)
            let hash = AuditCodec.hash(previous: previous, canonical: canonical)
            try txn.put(AuditCodec.value(canonical: canonical, previous: previous, hash: hash), forKey: UInt64(11), in: audit)
        }
        let result = try AuditVerifier.verify(store: store)
        #expect(result.firstBadSequence == 11, "the head in meta still says 10: \(result)")
    }

    @Test func concurrentAppendsShareCommitsAndKeepEveryEntry() async throws {
        let dir = try TemporaryDirectory(prefix: "hoso-audit")
        defer { dir.remove() }
        let store = try RecordStore(directory: dir.path)
        let log = try AuditLog(store: store)
        let count = 400
        let sequences = try await withThrowingTaskGroup(of: UInt64.self) { group in
            for i in 0..<count { group.addTask { try await log.append(Self.event(i)) } }
            var all: [UInt64] = []
            for try await s in group { all.append(s) }
            return all
        }
        #expect(Set(sequences) == Set(1...UInt64(count)))
        let stats = log.statistics
        #expect(stats.entries == UInt64(count))
        #expect(stats.commits < UInt64(count), "group commit should batch concurrent appends: \(stats)")
        let result = try Self.verify(store)
        #expect(result.isValid && result.entries == UInt64(count), "\(result)")
    }

    @Test func blockFiltersFindWhatAFullScanFinds() throws {
        let dir = try TemporaryDirectory(prefix: "hoso-audit")
        defer { dir.remove() }
        let store = try RecordStore(directory: dir.path)
        let log = try AuditLog(store: store)
        var random = TestSupport.SeededRandom(seed: 9)
        let events: [AuditEvent] = (0..<10_000).map { i in
            let ids = (0..<3).map { _ in "HS\(Int.random(in: 0..<3000, using: &random))" }
            return AuditEvent(
                kind: i % 5 == 0 ? .view : .search, time: Int64(i), keyID: "k_t\(i % 7)", role: "officer", parameters: "p",
                subject: i % 5 == 0 ? ids[0] : nil, ids: i % 5 == 0 ? [] : ids)
        }
        for start in stride(from: 0, to: events.count, by: 999) {
            try log.appendNow(Array(events[start..<min(events.count, start + 999)]))
        }
        #expect(try Self.blooms(store, log) == 2, "blocks 0 and 1 are complete (sequences 1…8191)")
        for subject in ["HS17", "HS2999", "HS0", "HS42", "HSnone"] {
            let expected = events.indices.reversed()
                .filter { events[$0].subject == subject || events[$0].ids.contains(subject) }.map { UInt64($0 + 1) }
            #expect(try log.entries(matching: .subject(subject), limit: 100_000).map(\.sequence) == expected, "\(subject)")
            #expect(try log.entries(matching: .subject(subject), limit: 2).map(\.sequence) == Array(expected.prefix(2)))
        }
        let byKey = try log.entries(matching: .caller("k_t3"), limit: 100_000).map(\.sequence)
        #expect(byKey == events.indices.reversed().filter { $0 % 7 == 3 }.map { UInt64($0 + 1) })
        #expect(try Self.verify(store).isValid)
    }

    static func blooms(_ store: RecordStore, _ log: AuditLog) throws -> Int {
        try store.environment.read { txn in try txn.statistics(of: try store.environment.openDatabase(AuditLog.bloomDatabase)).entries }
    }
}
