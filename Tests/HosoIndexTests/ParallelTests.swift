import Foundation
import HosoIndex
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `Parallel.forEach` keeps a lowered-priority thread's work on that thread.
@Suite struct ParallelTests {
    /// Runs `body` on a new thread that first raises its own nice value by `niceness`.
    static func onThread<R: Sendable>(niceness: Int32, _ body: @escaping @Sendable () -> R) -> R {
        let result = Mutex<R?>(nil)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            #if os(Linux)
            let current = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, current + niceness)
            #endif
            let value = body()
            result.withLock { $0 = value }
            done.signal()
        }
        thread.start()
        done.wait()
        return result.withLock { $0! }
    }

    @Test func everyIterationRunsOnceAndOnTheCallingThreadWhenItIsBackground() {
        #if os(Linux)
        let (background, threads, counts) = Self.onThread(niceness: 5) { () -> (Bool, Set<UInt>, [Int]) in
            let me = UInt(pthread_self())
            let seen = Mutex<(Set<UInt>, [Int])>(([], Array(repeating: 0, count: 64)))
            Parallel.forEach(64) { i in
                seen.withLock { $0.0.insert(UInt(pthread_self())); $0.1[i] += 1 }
            }
            let (threads, counts) = seen.withLock { $0 }
            return (Parallel.onBackgroundThread, threads.subtracting([me]), counts)
        }
        #expect(background)
        #expect(threads.isEmpty, "iterations ran on \(threads.count) other threads")
        #expect(counts.allSatisfy { $0 == 1 })
        #endif
    }

    @Test func everyIterationRunsOnceOnTheWorkerThreadsOtherwise() {
        let counts = Mutex(Array(repeating: 0, count: 64))
        Parallel.forEach(64) { i in counts.withLock { $0[i] += 1 } }
        #expect(counts.withLock { $0 }.allSatisfy { $0 == 1 })
    }
}
