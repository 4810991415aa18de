import HosoEngine
import Hummingbird
import Logging

/// Builds the HTTP application over `service` (DESIGN §5).
///
/// Middleware, outermost first: request metrics and logs → error mapping (the only place errors
/// become responses) → request limits → on `/v1` only, the caller. With
/// `configuration.loadIndexInBackground`, the index loads as a service of the application once
/// the server runs; until then `/readyz` is 503 and searches are 503, never partial.
///
/// - Parameters:
///   - service: the opened service (its index may or may not be loaded).
///   - configuration: address and limits.
///   - metrics: where request latencies go and what `/metrics` renders.
///   - logger: the application's logger.
/// - Returns: the application, ready for `runService()` or `test(_:)`.
public func buildApplication(
    service: HosoService,
    configuration: ServerConfiguration,
    metrics: ServerMetrics = ServerMetrics(),
    logger: Logger? = nil
) -> some ApplicationProtocol {
    var logger = logger ?? Logger(label: "hoso.server")
    logger.logLevel = configuration.logLevel
    let router = buildRouter(service: service, configuration: configuration, metrics: metrics)
    var app = Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port)),
        logger: logger
    )
    if configuration.loadIndexInBackground {
        app.addServices(IndexLoader(service: service, metrics: metrics, logger: logger))
    }
    return app
}

/// The router of ``buildApplication(service:configuration:metrics:logger:)``.
func buildRouter(service: HosoService, configuration: ServerConfiguration, metrics: ServerMetrics) -> Router<HosoRequestContext> {
    let router = Router(context: HosoRequestContext.self)
    router.add(middleware: RequestMetricsMiddleware(metrics: metrics))
    router.add(middleware: ErrorMiddleware())
    router.add(
        middleware: RequestLimitsMiddleware(
            maxQueryBytes: configuration.maxQueryBytes, maxBodyBytes: configuration.maxBodyBytes,
            largerBodies: ["/v1/sync": SyncLimits.maxBytes]))
    OperationsRoutes(service: service, metrics: metrics).add(to: router)
    WebRoutes().add(to: router)
    let api = router.group("v1").add(middleware: CallerMiddleware(service: service))
    APIRoutes(service: service).add(to: api)
    SyncRoutes(service: service).add(to: api)
    return router
}
