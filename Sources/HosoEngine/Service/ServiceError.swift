import HosoModel

/// Every way a service call can fail; `HosoServer` maps each case to one HTTP status.
///
/// Messages never depend on hidden data: a hidden record and an unknown id give the same
/// `.notFound`, with the same body.
public enum ServiceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No key, or a key that is unknown, malformed or revoked (401).
    case unauthorized
    /// The key's role or level does not allow this; `parameter` names the query parameter at
    /// fault when there is one (403).
    case forbidden(parameter: String?, message: String)
    /// No such record, or one the caller may not see (404).
    case notFound
    /// A malformed parameter (400).
    case invalid(parameter: String, reason: String)
    /// The request is larger than the service accepts (413).
    case tooLarge
    /// Over the key's rate or daily quota; retry after this many seconds (429).
    case rateLimited(retryAfterSeconds: Int)
    /// The index is not loaded yet, or the service is shutting down (503).
    case unavailable
    /// Storage failed (e.g. the audit entry could not be committed); nothing was returned (500).
    case failure(message: String)

    /// The HTTP status this error maps to.
    public var status: Int {
        switch self {
        case .unauthorized: 401
        case .forbidden: 403
        case .notFound: 404
        case .invalid: 400
        case .tooLarge: 413
        case .rateLimited: 429
        case .unavailable: 503
        case .failure: 500
        }
    }

    /// A stable machine-readable code for the `error.code` field.
    public var code: String {
        switch self {
        case .unauthorized: "unauthorized"
        case .forbidden: "forbidden"
        case .notFound: "not_found"
        case .invalid: "invalid_parameter"
        case .tooLarge: "too_large"
        case .rateLimited: "rate_limited"
        case .unavailable: "unavailable"
        case .failure: "internal_error"
        }
    }

    /// The parameter at fault, if any.
    public var parameter: String? {
        switch self {
        case .forbidden(let parameter, _): parameter
        case .invalid(let parameter, _): parameter
        default: nil
        }
    }

    /// A human-readable explanation.
    public var message: String {
        switch self {
        case .unauthorized: "a valid API key is required: send Authorization: Bearer <key>"
        case .forbidden(_, let message): message
        case .notFound: "no such record"
        case .invalid(let parameter, let reason): "\(parameter): \(reason)"
        case .tooLarge: "the request is too large"
        case .rateLimited(let seconds): "rate limit or daily quota exceeded; retry after \(seconds) s"
        case .unavailable: "the index is still loading; retry shortly"
        case .failure(let message): message
        }
    }

    public var description: String { "\(status) \(code): \(message)" }

    /// The response body: `{"error":{"code","message","parameter"?}}`.
    public var body: [UInt8] {
        var w = JSONWriter(capacity: 160)
        w.beginObject()
        w.key("error")
        w.beginObject()
        w.key("code"); w.string(code)
        w.key("message"); w.string(message)
        if let parameter { w.key("parameter"); w.string(parameter) }
        w.endObject()
        w.endObject()
        return w.bytes
    }
}
