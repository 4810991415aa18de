import HosoEngine
import Hummingbird

extension APIError {
    /// Maps a service error to its response: the status, code, message and parameter the service
    /// chose (its messages never depend on hidden data), `Retry-After` for 429 — except
    /// `.failure`, whose message may name storage internals and so becomes a bare 500.
    init(service error: ServiceError) {
        switch error {
        case .failure:
            self = .internal
        case .rateLimited(let seconds):
            self.init(
                status: .tooManyRequests, code: error.code, message: error.message, retryAfterSeconds: max(1, seconds))
        default:
            self.init(
                status: HTTPResponse.Status(code: error.status), code: error.code, message: error.message,
                parameter: error.parameter)
        }
    }

    /// The mapping of `error` if it is a `ServiceError`.
    static func serviceError(_ error: any Error) -> APIError? {
        (error as? ServiceError).map(APIError.init(service:))
    }
}
