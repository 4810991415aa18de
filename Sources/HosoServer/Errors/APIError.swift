import HosoModel
import Hummingbird

/// An error as the API shows it: `{"error":{"code","message","parameter"?}}` with a status and,
/// for 429, a `Retry-After` header (DESIGN §5).
///
/// Every failure reaching a client goes through this type: ``ErrorMiddleware`` converts service
/// errors, request-parsing errors and Hummingbird's own errors into it, and anything it does not
/// recognise becomes ``internal`` with no detail.
public struct APIError: Error, Sendable, Equatable {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// A stable machine-readable code, e.g. `invalid_parameter`.
    public var code: String
    /// A message for people; never carries internal details or hidden data.
    public var message: String
    /// The query or path parameter at fault, when there is one.
    public var parameter: String?
    /// Seconds to wait before retrying (429 only).
    public var retryAfterSeconds: Int?

    /// Creates an error.
    public init(
        status: HTTPResponse.Status, code: String, message: String, parameter: String? = nil,
        retryAfterSeconds: Int? = nil
    ) {
        self.status = status
        self.code = code
        self.message = message
        self.parameter = parameter
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// The JSON body, `{"error":{…}}`.
    public var body: [UInt8] {
        var json = JSONWriter(capacity: 128 + message.utf8.count)
        json.beginObject()
        json.key("error")
        json.beginObject()
        json.key("code")
        json.string(code)
        json.key("message")
        json.string(message)
        if let parameter {
            json.key("parameter")
            json.string(parameter)
        }
        json.endObject()
        json.endObject()
        return json.bytes
    }
}

extension APIError {
    /// 400: a malformed, out-of-range or unknown parameter.
    public static func invalid(parameter: String, reason: String) -> APIError {
        APIError(status: .badRequest, code: "invalid_parameter", message: "\(parameter): \(reason)", parameter: parameter)
    }

    /// 401: no bearer key, or one that is unknown or revoked.
    public static let unauthorized = APIError(
        status: .unauthorized, code: "unauthorized",
        message: "a valid bearer key is required: send Authorization: Bearer <key>"
    )

    /// 404 for a path that no route serves.
    public static let noRoute = APIError(status: .notFound, code: "not_found", message: "no such route")

    /// 413: a request (query string or body) over the server's limit.
    public static func tooLarge(_ message: String, parameter: String? = nil) -> APIError {
        APIError(status: .contentTooLarge, code: "too_large", message: message, parameter: parameter)
    }

    /// 500: anything unexpected. Deliberately says nothing about the cause.
    public static let `internal` = APIError(status: .internalServerError, code: "internal_error", message: "internal error")
}
