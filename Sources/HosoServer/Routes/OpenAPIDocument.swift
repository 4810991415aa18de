/// The OpenAPI 3.1 document served at `/openapi.json` (DESIGN §5): every route, parameter,
/// response and error shape. Written by hand in `Sources/HosoServer/OpenAPI/openapi.json` (kept as
/// a JSON file, so editors and validators read it as what it is) and compiled into the binary;
/// `HosoServerTests` checks real responses against it.
enum OpenAPIDocument {
    /// The document as UTF-8 bytes.
    static let bytes: [UInt8] = PackageResources.openapi_json

    /// The document as text.
    static var text: String { String(decoding: bytes, as: UTF8.self) }
}
