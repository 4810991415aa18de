import Hummingbird

extension Response {
    /// A response with a JSON body.
    /// - Parameters:
    ///   - bytes: the UTF-8 JSON text.
    ///   - status: the status, 200 unless given.
    ///   - retryAfterSeconds: sets `Retry-After` when given (429).
    static func json(_ bytes: [UInt8], status: HTTPResponse.Status = .ok, retryAfterSeconds: Int? = nil) -> Response {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if let retryAfterSeconds {
            headers[.retryAfter] = String(retryAfterSeconds)
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A response with a plain-text or other non-JSON body.
    static func bytes(_ bytes: [UInt8], contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
