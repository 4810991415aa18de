import HosoEngine
import Logging
import ServiceLifecycle

/// Loads the index in the background while the server already answers `/healthz` (and `/readyz`
/// with 503), then keeps running until shutdown so the service group stays up. A load that fails
/// ends the group: `hoso serve` exits with the error rather than serving an empty index.
struct IndexLoader: Service {
    let service: HosoService
    let metrics: ServerMetrics
    let logger: Logger

    func run() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        logger.info("loading index", metadata: ["db": .string(service.directory)])
        let logger = self.logger
        do {
            try await service.load { line in logger.info("\(line)") }
        } catch {
            logger.critical("index load failed", metadata: ["error": .string("\(error)")])
            throw error
        }
        let figures = service.metrics
        metrics.update(from: figures)
        logger.info(
            "ready",
            metadata: [
                "records": .stringConvertible(figures.records),
                "index_bytes": .stringConvertible(figures.indexBytes),
                "load_ms": .stringConvertible((clock.now - start).components.seconds * 1000 + (clock.now - start).components.attoseconds / 1_000_000_000_000_000),
            ]
        )
        try? await gracefulShutdown()
    }
}
