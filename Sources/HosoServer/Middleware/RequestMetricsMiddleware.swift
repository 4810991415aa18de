import Hummingbird
import Logging

/// The outermost middleware: times every request, records it in ``ServerMetrics`` under its
/// route template and final status, and writes one structured log line (`debug` for answered
/// requests, `error` for a 500). It sees the response ``ErrorMiddleware`` built, so errors are
/// counted under their real status.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let clock = ContinuousClock()
        let start = clock.now
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            // ErrorMiddleware answers every error; reaching here means a bug, so count it as a 500.
            record(request, context, status: 500, elapsed: clock.now - start)
            throw error
        }
        record(request, context, status: response.status.code, elapsed: clock.now - start)
        return response
    }

    private func record(_ request: Request, _ context: Context, status: Int, elapsed: Duration) {
        let route = context.endpointPath ?? "unmatched"
        let (seconds, attoseconds) = elapsed.components
        let nanoseconds = seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        metrics.recordRequest(route: route, method: request.method.rawValue, status: status, nanoseconds: nanoseconds)
        let level: Logger.Level = status == 500 ? .error : .debug
        if context.logger.logLevel <= level {
            context.logger.log(
                level: level, "request",
                metadata: [
                    "http.method": .string(request.method.rawValue),
                    "http.route": .string(route),
                    "http.status": .stringConvertible(status),
                    "duration_us": .stringConvertible(nanoseconds / 1000),
                ]
            )
        }
    }
}
