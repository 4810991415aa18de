import HosoEngine
import Hummingbird

/// Resolves the caller once per request from `Authorization: Bearer <key>` and stores it in the
/// context; a missing, unknown or revoked key is a 401, a key over its rate or quota a 429 —
/// before any handler runs.
struct CallerMiddleware: RouterMiddleware {
    typealias Context = HosoRequestContext
    let service: HosoService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.caller = try service.authenticate(bearer: request.headers[.authorization])
        // Setting logger metadata re-renders the handler's whole metadata text, which cost about
        // 3 % of a search's CPU under load; only the debug logs below this point would show it.
        if context.logger.logLevel <= .debug {
            context.logger[metadataKey: "hoso.key"] = .string(context.caller?.keyID ?? "-")
        }
        return try await next(request, context)
    }
}
