import HosoEngine
import HosoStore
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
    ///   - dataKey: the key restricted fields are sealed with (`DataKeySource`); `nil` only for a
    ///     database written without encryption.
    /// - Throws: if the store cannot be opened (or the data key is missing or wrong), the port
    ///   cannot be bound, or the index fails to load.
    public static func run(directory: String, configuration: ServerConfiguration, dataKey: DataKey? = nil) async throws {
        var logger = Logger(label: "hoso.server")
        logger.logLevel = configuration.logLevel
        var options = HosoService.Options()
        options.resultCacheSlots = configuration.resultCacheSlots
        options.pageCacheSlots = configuration.pageCacheSlots
        options.auditCommitInterval = configuration.auditCommitInterval
        let service = try HosoService(directory: directory, options: options, dataKey: dataKey)
        let app = buildApplication(service: service, configuration: configuration, logger: logger)
        logger.info(
            "serving",
            metadata: ["host": .string(configuration.host), "port": .stringConvertible(configuration.port), "db": .string(directory)]
        )
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
        logger.info("stopped")
    }
}
