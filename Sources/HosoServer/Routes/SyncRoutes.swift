import HosoEngine
import Hummingbird

/// `POST /v1/sync` and `GET /v1/changes` (DESIGN §5), for agency and admin keys.
struct SyncRoutes {
    let service: HosoService

    /// Adds the routes to `group` (already behind ``CallerMiddleware``).
    func add(to group: RouterGroup<HosoRequestContext>) {
        group.post("sync") { request, context in
            try await sync(request, context)
        }
        group.get("changes") { request, context in
            try await changes(request, context)
        }
    }

    /// `POST /v1/sync`: the role is checked before the body is read; the body is read as it
    /// streams in and refused with a 413 as soon as it passes `SyncLimits.maxBytes` bytes or
    /// `SyncLimits.maxLines` lines, so no more than the limit is ever held.
    func sync(_ request: Request, _ context: HosoRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        _ = try QueryParameters(request.uri.query?[...], allowed: [])
        try HosoService.checkSync(caller)
        var body: [UInt8] = []
        var counter = SyncLineCounter()
        for try await piece in request.body {
            guard body.count + piece.readableBytes <= SyncLimits.maxBytes else {
                throw APIError.tooLarge("the sync body is larger than \(SyncLimits.maxBytes) bytes (16 MiB); split it")
            }
            piece.withUnsafeReadableBytes { counter.feed($0) }
            guard counter.lines <= SyncLimits.maxLines else {
                throw APIError.tooLarge("the sync body has more than \(SyncLimits.maxLines) lines; split it")
            }
            body.append(contentsOf: piece.readableBytesView)
        }
        return .json(try await service.sync(body: body, caller: caller))
    }

    /// `GET /v1/changes?since=SEQ&limit=N`.
    func changes(_ request: Request, _ context: HosoRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let query = try QueryParameters(request.uri.query?[...], allowed: ["since", "limit"])
        var since: UInt64 = 0
        if let text = query["since"] {
            guard let number = UInt64(text) else {
                throw APIError.invalid(parameter: "since", reason: "must be a whole number of at least 0 (a change sequence number)")
            }
            since = number
        }
        var limit = 100
        if let text = query["limit"] {
            guard let number = Int(text), (1...HosoService.maxChangesLimit).contains(number) else {
                throw APIError.invalid(parameter: "limit", reason: "must be a whole number from 1 to \(HosoService.maxChangesLimit)")
            }
            limit = number
        }
        return .json(try await service.changes(since: since, limit: limit, caller: caller))
    }
}
