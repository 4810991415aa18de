import HosoEngine
import Hummingbird
import Logging
import ServiceLifecycle

/// What `hoso serve` runs: open the database, start serving at once, load the index in the
/// background, and stop gracefully on SIGTERM or SIGINT (in-flight requests finish, and with
/// them their audit entries).
public enum HosoServerMain {
    /// Serves `directory` until a shutdown signal.
    /// - Parameters:
    ///   - directory: the database directory (`hoso ingest --db`).
    ///   - configuration: address, limits, log level.
    /// - Throws: if the store cannot be opened, the port cannot be bound, or the index fails to load.
    public static func run(directory: String, configuration: ServerConfiguration) async throws {
        var logger = Logger(label: "hoso.server")
        logger.logLevel = configuration.logLevel
        let service = try HosoService(directory: directory)
        let app = buildApplication(service: service, configuration: configuration, logger: logger)
        logger.info(
            "serving",
            metadata: ["host": .string(configuration.host), "port": .stringConvertible(configuration.port), "db": .string(directory)]
        )
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
        logger.info("stopped")
    }
}
