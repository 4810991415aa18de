import Hummingbird
import HosoQuery
import Logging

/// The one place where failures become responses: ``APIError``s as they are, Hummingbird's own
/// `HTTPError`s (unknown route, oversize body) in the same JSON shape, and anything else as a 500
/// that names nothing internal (the cause is logged with the request id instead).
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let apiError = APIError(mapping: error)
            if apiError.status == .internalServerError {
                context.logger.error("unhandled error", metadata: ["error.type": .string(String(reflecting: type(of: error)))])
            }
            return Response.json(apiError.body, status: apiError.status, retryAfterSeconds: apiError.retryAfterSeconds)
        }
    }
}

extension APIError {
    /// Maps any error to what the client sees.
    init(mapping error: any Error) {
        switch error {
        case let error as APIError:
            self = error
        case let error as SearchError:
            self.init(search: error)
        case let error as HTTPError:
            self.init(http: error)
        default:
            if let service = Self.serviceError(error) {
                self = service
            } else {
                self = .internal
            }
        }
    }

    /// Maps a query-parsing error (the search service may let these through unchanged).
    init(search error: SearchError) {
        switch error {
        case let .invalid(parameter, reason):
            self = .invalid(parameter: parameter, reason: reason)
        case let .forbidden(parameter):
            self.init(
                status: .forbidden, code: "forbidden",
                message: "\(parameter): your key's access level does not allow searching this field",
                parameter: parameter
            )
        }
    }

    /// Maps Hummingbird's errors: no route, body too large, bad request framing.
    init(http error: HTTPError) {
        switch error.status {
        case .notFound: self = .noRoute
        case .contentTooLarge: self = .tooLarge("the request body is larger than the server accepts")
        case .methodNotAllowed: self.init(status: .methodNotAllowed, code: "method_not_allowed", message: "method not allowed")
        case .badRequest: self.init(status: .badRequest, code: "bad_request", message: "malformed request")
        default:
            if error.status.kind == .clientError {
                self.init(status: error.status, code: "bad_request", message: error.status.reasonPhrase)
            } else {
                self = .internal
            }
        }
    }
}
