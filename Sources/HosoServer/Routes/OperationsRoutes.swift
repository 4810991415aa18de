import HosoEngine
import Hummingbird

/// Routes for operators and tools, without a key: `/healthz`, `/readyz`, `/metrics`,
/// `/openapi.json`.
struct OperationsRoutes {
    let service: HosoService
    let metrics: ServerMetrics

    /// Adds the routes to `router`.
    func add(to router: Router<HosoRequestContext>) {
        let healthy = Array(#"{"status":"ok"}"#.utf8)
        let ready = Array(#"{"ready":true}"#.utf8)
        let notReady = Array(#"{"ready":false}"#.utf8)
        let openAPI = OpenAPIDocument.bytes
        router.get("healthz") { _, _ in
            Response.json(healthy)
        }
        router.get("readyz") { _, _ in
            service.isReady ? Response.json(ready) : Response.json(notReady, status: .serviceUnavailable)
        }
        router.get("metrics") { _, _ in
            metrics.update(from: service.metrics)
            return Response.bytes(metrics.exposition(), contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
        router.get("openapi.json") { _, _ in
            Response.json(openAPI)
        }
    }
}
