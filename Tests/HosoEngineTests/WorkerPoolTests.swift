import Testing

@testable import HosoEngine

#if canImport(Glibc)
import Glibc
#endif

/// The query pool runs work below the process's priority and hands back results and errors.
@Suite struct WorkerPoolTests {
    struct Refused: Error, Equatable {}

    @Test func resultsAndErrorsComeBackAndTheWorkRunsAtTheLowerPriority() async throws {
        let pool = WorkerPool(name: "test-pool", threads: 2, niceness: 7)
        let ours = Self.niceness()
        let theirs = await pool.run { () -> Int32 in Self.niceness() }
        #if os(Linux)
        #expect(theirs == max(ours, 7), "pool thread at nice \(theirs), test thread at \(ours)")
        #endif
        await #expect(throws: Refused.self) {
            try await pool.run { () throws(Refused) -> Int in throw Refused() }
        }
        // Many at once, more than threads: every one answered with its own value.
        let sums = await withTaskGroup(of: Int.self) { group in
            for n in 0..<50 { group.addTask { await pool.run { n * 2 } } }
            return await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(sums.sorted() == (0..<50).map { $0 * 2 })
    }

    static func niceness() -> Int32 {
        #if os(Linux)
        return getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
        #else
        return 0
        #endif
    }
}
