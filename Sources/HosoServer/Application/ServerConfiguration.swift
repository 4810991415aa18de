import HosoEngine
import Logging

/// How `hoso serve` listens and what it accepts.
public struct ServerConfiguration: Sendable {
    /// The address to bind; loopback unless told otherwise.
    public var host = "127.0.0.1"
    /// The TCP port.
    public var port = 8080
    /// The longest query string accepted, in bytes; longer is a 413 (DESIGN §5: oversize queries).
    public var maxQueryBytes = 4_096
    /// The largest request body accepted, in bytes; larger is a 413.
    public var maxBodyBytes = 1 << 20
    /// Whether the application loads the index itself, in the background, once it starts
    /// serving (`hoso serve`); tests load it when they want to.
    public var loadIndexInBackground = true
    /// Slots of the per-key search result cache (`HosoService.Options.resultCacheSlots`; 0: off).
    public var resultCacheSlots = HosoService.Options().resultCacheSlots
    /// Slots of the per-key rendered page cache (`HosoService.Options.pageCacheSlots`; 0: off).
    public var pageCacheSlots = HosoService.Options().pageCacheSlots
    /// The least time between two audit group commits (`HosoService.Options.auditCommitInterval`).
    public var auditCommitInterval = HosoService.Options().auditCommitInterval
    /// The lowest level logged.
    public var logLevel: Logger.Level = .info

    /// Creates the default configuration.
    public init() {}

    /// Creates a configuration listening on `host`:`port`.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }
}
