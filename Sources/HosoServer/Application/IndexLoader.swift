import HosoEngine
import Logging
import ServiceLifecycle
import Synchronization

/// Loads the index in the background while the server already answers `/healthz` (and `/readyz`
/// with 503), then keeps running until shutdown so the service group stays up. A load that fails
/// ends the group: `hoso serve` exits with the error rather than serving an empty index. A
/// shutdown signal during a long load (a rebuild) does not wait for it: the loader returns at
/// once and the process exits; the index on disk is only ever replaced whole.
struct IndexLoader: Service {
    let service: HosoService
    let metrics: ServerMetrics
    let logger: Logger

    func run() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        logger.info("loading index", metadata: ["db": .string(service.directory)])
        let logger = self.logger
        let service = self.service
        let finished: Bool
        do {
            finished = try await Self.unlessShutdown {
                try await service.load { line in logger.info("\(line)") }
            }
        } catch {
            logger.critical("index load failed", metadata: ["error": .string("\(error)")])
            throw error
        }
        guard finished else {
            logger.notice("shutdown requested while the index was loading")
            return
        }
        let figures = service.metrics
        metrics.update(from: figures)
        let elapsed = (clock.now - start).components
        logger.info(
            "ready",
            metadata: [
                "records": .stringConvertible(figures.records),
                "index_bytes": .stringConvertible(figures.indexBytes),
                "load_ms": .stringConvertible(elapsed.seconds * 1000 + elapsed.attoseconds / 1_000_000_000_000_000),
            ]
        )
        try? await gracefulShutdown()
    }

    /// Runs `work` in its own task and waits for it or for graceful shutdown, whichever comes first.
    /// - Returns: `true` if `work` finished, `false` if shutdown came first (`work` is then left
    ///   to finish or die with the process).
    /// - Throws: what `work` throws.
    static func unlessShutdown(_ work: @escaping @Sendable () async throws -> Void) async throws -> Bool {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Bool, any Error>) in
            let once = ResumeOnce(continuation)
            Task {
                do {
                    try await work()
                    once.resume(.success(true))
                } catch {
                    once.resume(.failure(error))
                }
            }
            Task {
                try? await gracefulShutdown()
                once.resume(.success(false))
            }
        }
    }
}

/// A continuation that the first of several racers resumes; the others find it gone.
private final class ResumeOnce: Sendable {
    private let continuation: Mutex<CheckedContinuation<Bool, any Error>?>

    init(_ continuation: CheckedContinuation<Bool, any Error>) {
        self.continuation = Mutex(continuation)
    }

    func resume(_ result: Result<Bool, any Error>) {
        continuation.withLock { $0.take() }?.resume(with: result)
    }
}
