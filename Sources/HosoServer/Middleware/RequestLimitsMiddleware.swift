import Hummingbird

/// Refuses oversize requests before anything else reads them: a query string over
/// `maxQueryBytes` or a declared body over `maxBodyBytes` is a 413. Paths in `largerBodies`
/// (`/v1/sync`) have their own limit, which their route also enforces while the body streams.
struct RequestLimitsMiddleware<Context: RequestContext>: RouterMiddleware {
    let maxQueryBytes: Int
    let maxBodyBytes: Int
    var largerBodies: [String: Int] = [:]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let target = request.uri.string.utf8
        if let question = target.firstIndex(of: UInt8(ascii: "?")), target.distance(from: question, to: target.endIndex) - 1 > maxQueryBytes {
            throw APIError.tooLarge("the query string is longer than \(maxQueryBytes) bytes")
        }
        let limit = largerBodies[request.uri.path] ?? maxBodyBytes
        if let length = request.headers[.contentLength], let bytes = Int(length), bytes > limit {
            throw APIError.tooLarge("the request body is larger than \(limit) bytes")
        }
        return try await next(request, context)
    }
}
