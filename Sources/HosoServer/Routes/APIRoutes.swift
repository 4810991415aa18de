import HosoEngine
import Hummingbird

/// The `/v1` routes (DESIGN §5). Each handler checks its query parameters strictly, asks the
/// service, and sends the JSON bytes it returns; failures are thrown for ``ErrorMiddleware``.
struct APIRoutes {
    let service: HosoService

    /// Adds the routes to `group` (already behind ``CallerMiddleware``).
    func add(to group: RouterGroup<HosoRequestContext>) {
        group.get("search") { request, context in
            try await search(request, context)
        }
        group.get("people/:id") { request, context in
            try await person(request, context)
        }
        group.get("people/:id/history") { request, context in
            try await history(request, context)
        }
        group.get("me") { request, context in
            try await me(request, context)
        }
        group.get("audit") { request, context in
            try await audit(request, context)
        }
        group.get("quality") { request, context in
            try await quality(request, context)
        }
    }

    /// `GET /v1/search`: the service parses the whole query string itself (unknown, repeated,
    /// malformed and forbidden parameters are its errors, each naming the parameter).
    func search(_ request: Request, _ context: HosoRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let body = try await service.search(queryString: request.uri.query ?? "", caller: caller)
        return .json(body)
    }

    /// `GET /v1/people/{id}`.
    func person(_ request: Request, _ context: HosoRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        _ = try QueryParameters(request.uri.query?[...], allowed: [])
        return .json(try await service.person(id: try Self.pathID(context), caller: caller))
    }

    /// `GET /v1/people/{id}/history`.
    func history(_ request: Request, _ context: HosoRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        _ = try QueryParameters(request.uri.query?[...], allowed: [])
        return .json(try await service.history(id: try Self.pathID(context), caller: caller))
    }

    /// `GET /v1/me`.
    func me(_ request: Request, _ context: HosoRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        _ = try QueryParameters(request.uri.query?[...], allowed: [])
        return .json(try await service.me(caller: caller))
    }

    /// `GET /v1/audit?subject=ID|caller=KEY[&limit=N]` (admin keys).
    func audit(_ request: Request, _ context: HosoRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let query = try QueryParameters(request.uri.query?[...], allowed: ["subject", "caller", "limit"])
        var limit = 100
        if let text = query["limit"] {
            guard let number = Int(text), (1...HosoService.maxAuditLimit).contains(number) else {
                throw APIError.invalid(parameter: "limit", reason: "must be a whole number from 1 to \(HosoService.maxAuditLimit)")
            }
            limit = number
        }
        switch (query["subject"], query["caller"]) {
        case (let subject?, nil):
            return .json(try await service.audit(subject: subject, caller: caller, limit: limit))
        case (nil, let key?):
            return .json(try await service.audit(callerKey: key, caller: caller, limit: limit))
        case (_?, _?):
            throw APIError.invalid(parameter: "caller", reason: "give subject or caller, not both")
        case (nil, nil):
            throw APIError.invalid(parameter: "subject", reason: "give subject=ID or caller=KEY")
        }
    }

    /// The `{id}` path segment, percent-decoded and checked to be UTF-8.
    static func pathID(_ context: HosoRequestContext) throws(APIError) -> String {
        guard let raw = context.parameters.get("id") else {
            throw .invalid(parameter: "id", reason: "missing")
        }
        let decoded = try QueryParameters.decode(Substring(raw).utf8[...], parameter: "id")
        return decoded
    }
}
