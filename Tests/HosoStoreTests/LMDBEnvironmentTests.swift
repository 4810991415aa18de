import CLMDB
import Testing
import TestSupport

@testable import HosoStore

@Suite struct LMDBEnvironmentTests {
    @Test func putGetDeleteAndScan() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let environment = try Environment.open(directory: directory.path)
        let database = try environment.openDatabase("things")
        try environment.write { txn in
            for number in [3, 1, 2] { try txn.put(Array("v\(number)".utf8), forKey: "k\(number)", in: database) }
        }
        let value = try environment.read { txn in
            try txn.withValue(forKey: "k2", in: database) { String(decoding: $0, as: UTF8.self) }
        }
        #expect(value == "v2")
        #expect(try environment.read { txn in try txn.withValue(forKey: "zz", in: database) { _ in 1 } } == nil)
        var keys: [String] = []
        try environment.read { txn in
            try txn.forEach(in: database) { key, _ in
                keys.append(String(decoding: key, as: UTF8.self))
                return true
            }
        }
        #expect(keys == ["k1", "k2", "k3"])
        let removed = try environment.write { txn in (try txn.delete("k1", in: database), try txn.delete("k1", in: database)) }
        #expect(removed == (true, false))
        #expect(try environment.read { txn in try txn.statistics(of: database).entries } == 2)
    }

    @Test func aThrowingBodyAbortsTheWrite() throws {
        struct Stop: Error {}
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let environment = try Environment.open(directory: directory.path)
        let database = try environment.openDatabase("things")
        #expect(throws: Stop.self) {
            try environment.write { txn in
                try txn.put([1], forKey: "a", in: database)
                throw Stop()
            }
        }
        #expect(try environment.read { txn in try txn.contains("a", in: database) } == false)
    }

    @Test func oneEnvironmentPerDirectory() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try Environment.open(directory: directory.path)
        let second = try Environment.open(directory: directory.path + "/.")
        #expect(first === second)
    }

    @Test func growsTheMapWhenFull() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var options = Environment.Options()
        options.mapSize = 256 * 1024
        let environment = try Environment.open(directory: directory.path, options: options)
        let database = try environment.openDatabase("big")
        let value = [UInt8](repeating: 7, count: 1000)
        for batch in 0..<8 {
            try environment.write { txn in
                for number in 0..<500 { try txn.put(value, forKey: UInt64(batch * 500 + number), in: database) }
            }
        }
        #expect(environment.growthCount >= 3)
        #expect(environment.mapSize > 4_000_000)
        #expect(try environment.read { txn in try txn.statistics(of: database).entries } == 4000)
    }

    @Test func reportsLMDBErrors() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let environment = try Environment.open(directory: directory.path)
        let database = try environment.openDatabase("things")
        #expect(throws: LMDBError.badValueSize) {
            try environment.write { txn in try txn.put([1], forKey: [UInt8](repeating: 1, count: 600), in: database) }
        }
        #expect(throws: LMDBError.keyExists) {
            try environment.write { txn in
                try txn.put([1], forKey: "a", in: database)
                try txn.put([2], forKey: "a", in: database, flags: .noOverwrite)
            }
        }
        #expect(throws: LMDBError.notFound) { try environment.read { txn in try txn.withCursor(in: database) { try $0.withCurrent { _, _ in 0 } } } }
    }

    @Test func refusesOtherFlagsForAnExistingDatabase() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        do {
            let environment = try Environment.open(directory: directory.path)
            _ = try environment.openDatabase("things")
        }
        let environment = try Environment.open(directory: directory.path)
        #expect(throws: LMDBError.incompatible) { try environment.openDatabase("things", flags: .duplicateSort) }
    }

    @Test func errorCodesRoundTrip() {
        for code in MDB_KEYEXIST...MDB_BAD_DBI {
            let error = LMDBError(code)
            #expect(error.code == code)
            if case .system = error { Issue.record("code \(code) has no case") }
            #expect(error.description.hasPrefix("MDB_"), "\(error.description)")
        }
        #expect(LMDBError(2) == .system(code: 2))
    }

    @Test func duplicateSortKeepsSeveralValues() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let environment = try Environment.open(directory: directory.path)
        let database = try environment.openDatabase("dups", flags: .duplicateSort)
        try environment.write { txn in
            try txn.put("b", forKey: "k", in: database)
            try txn.put("a", forKey: "k", in: database)
            try txn.put("a", forKey: "k", in: database)
        }
        let values = try environment.read { txn in
            try txn.withCursor(in: database) { cursor in
                var values: [String] = []
                var more = try cursor.seek(exactly: "k")
                while more {
                    values.append(try cursor.withCurrent { _, value in String(decoding: value, as: UTF8.self) })
                    more = try cursor.nextDuplicate()
                }
                return values
            }
        }
        #expect(values == ["a", "b"])
    }
}
