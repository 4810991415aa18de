import Hummingbird

/// One file of the web interface, compiled into the binary (`Sources/HosoServer/Web`, embedded
/// by SwiftPM's `embedInCode`), so `hoso serve` needs no files beside it at run time.
struct WebAsset: Sendable {
    /// The path it is served at, e.g. `/app.js`.
    let path: String
    /// The `Content-Type` header.
    let contentType: String
    /// The file's bytes.
    let bytes: [UInt8]

    /// The page and its two companions. The page loads only these, from the same origin.
    static let all: [WebAsset] = [
        WebAsset(path: "/", contentType: "text/html; charset=utf-8", bytes: PackageResources.index_html),
        WebAsset(path: "/app.js", contentType: "text/javascript; charset=utf-8", bytes: PackageResources.app_js),
        WebAsset(path: "/app.css", contentType: "text/css; charset=utf-8", bytes: PackageResources.app_css),
    ]

    /// The Content-Security-Policy of every asset: scripts, styles and API calls from this origin
    /// only, no inline script or style, no plugins, no framing, no form posts elsewhere.
    static let contentSecurityPolicy = [
        "default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'",
        "img-src 'self' data:", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
    ].joined(separator: "; ")

    /// The response: the bytes with their type, the policy, and headers that keep the page from
    /// being sniffed, framed, leaking its address, or served stale after an upgrade.
    ///
    /// - Parameter withBody: false for `HEAD`: the same headers and `Content-Length`, no bytes.
    func response(withBody: Bool = true) -> Response {
        var headers: HTTPFields = [
            .contentType: contentType,
            .cacheControl: "no-cache",
            .contentSecurityPolicy: Self.contentSecurityPolicy,
            .xContentTypeOptions: "nosniff",
        ]
        headers[.init("Referrer-Policy")!] = "no-referrer"
        headers[.init("X-Frame-Options")!] = "DENY"
        guard withBody else {
            headers[.contentLength] = String(bytes.count)
            return Response(status: .ok, headers: headers, body: .init())
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
