import Dispatch
import Foundation
import Synchronization

/// A fixed set of threads that run CPU-bound request work (a search, its rendering) at a lower
/// scheduling priority than the write path.
///
/// Under a search load that fills every core, the commit and index refresh of a sync (DESIGN §7:
/// p99 ≤ 50 ms while `/v1/search` is under load), the audit writer and the event loops must not
/// wait behind dozens of searches: searches run here at `niceness` (Linux keeps a nice value per
/// thread), while everything else runs at the process's own. When nothing else wants the CPU, the
/// pool gets all of it, so an idle server searches as fast as before. At most `threads` searches
/// run at once; the rest wait in arrival order.
public final class WorkerPool: Sendable {
    private final class State: Sendable {
        let jobs = Mutex<[@Sendable () -> Void]>([])
        let ready = DispatchSemaphore(value: 0)
    }

    /// The pool searches run on: one thread per core, at nice 10.
    public static let queries = WorkerPool(name: "hoso-query", threads: ProcessInfo.processInfo.activeProcessorCount, niceness: 10)

    private let state = State()

    /// Starts `threads` threads named `name-N` that live as long as the process.
    ///
    /// - Parameter niceness: the nice value the threads raise themselves to (never lower than the
    ///   process's own; `ThreadPriority.setNiceness`).
    public init(name: String, threads: Int, niceness: Int32) {
        for n in 0..<max(1, threads) {
            let thread = Thread { [state] in
                ThreadName.set("\(name)-\(n)")
                ThreadPriority.setNiceness(niceness)
                while true {
                    state.ready.wait()
                    let job = state.jobs.withLock { jobs -> (@Sendable () -> Void)? in
                        jobs.isEmpty ? nil : jobs.removeFirst()
                    }
                    job?()
                }
            }
            thread.name = "\(name)-\(n)"
            thread.start()
        }
    }

    /// Runs `body` on one of the pool's threads and returns its result.
    public func run<R: Sendable, E: Error>(_ body: @escaping @Sendable () throws(E) -> R) async throws(E) -> R {
        let outcome: Result<R, E> = await withCheckedContinuation { continuation in
            state.jobs.withLock { jobs in
                jobs.append { continuation.resume(returning: Result { () throws(E) -> R in try body() }) }
            }
            state.ready.signal()
        }
        return try outcome.get()
    }
}
