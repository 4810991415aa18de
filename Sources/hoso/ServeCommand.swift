import ArgumentParser
import HosoEngine
import HosoServer
import Logging

/// `hoso serve --db DIR --port P [--host H]`: the HTTP API (DESIGN §5).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP API over a hoso database.",
        discussion: """
            Answers /healthz at once and /readyz with 503 while the index loads in the background,
            then 200; searches are 503 until then, never partial. Stops gracefully on SIGTERM or
            SIGINT. Every /v1 route needs a key from `hoso keys create`. The API is described at
            /openapi.json; metrics for Prometheus are at /metrics.
            """
    )

    @Option(help: "The database directory (from `hoso ingest --db`).") var db: String
    @Option(help: "The TCP port to listen on.") var port = 8080
    @Option(help: "The address to bind (0.0.0.0 for every interface).") var host = "127.0.0.1"
    @Option(help: "Longest query string accepted, in bytes (longer: 413).") var maxQueryBytes = 4_096
    @Option(help: "Log level: trace, debug, info, notice, warning, error or critical.") var logLevel = "info"
    @Option(help: "Slots of the per-key search result cache (0 turns it off).") var resultCache = HosoService.Options().resultCacheSlots
    @Option(help: "Slots of the per-key rendered page cache, about 20 KB each when full (0 turns it off).")
    var pageCache = HosoService.Options().pageCacheSlots
    @Option(help: "Least milliseconds between two audit group commits (more: fewer, larger commits; default 1).")
    var auditCommitInterval: Double?
    @OptionGroup var dataKey: DataKeyOption

    func validate() throws {
        guard (1...65_535).contains(port) else { throw ValidationError("--port must be from 1 to 65535") }
        guard maxQueryBytes > 0 else { throw ValidationError("--max-query-bytes must be positive") }
        guard (0...1 << 24).contains(resultCache) else { throw ValidationError("--result-cache must be from 0 to 16777216") }
        guard (0...1 << 20).contains(pageCache) else { throw ValidationError("--page-cache must be from 0 to 1048576") }
        if let auditCommitInterval, !auditCommitInterval.isFinite || !(0...100).contains(auditCommitInterval) {
            throw ValidationError("--audit-commit-interval must be from 0 to 100 (milliseconds)")
        }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
    }

    func run() async throws {
        MemoryTuning.applyForSearch()
        var configuration = ServerConfiguration(host: host, port: port)
        configuration.maxQueryBytes = maxQueryBytes
        configuration.resultCacheSlots = resultCache
        configuration.pageCacheSlots = pageCache
        if let auditCommitInterval {
            configuration.auditCommitInterval = .microseconds(Int64((auditCommitInterval * 1000).rounded()))
        }
        configuration.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let level = configuration.logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let key = try dataKey.key(database: db, create: true)
        try await HosoServerMain.run(directory: db, configuration: configuration, dataKey: key)
    }
}
