/// Query-string parsing for the routes other than `/v1/search` (whose parameters
/// `SearchRequest.parse(queryString:)` reads): strict, so that a typo is a 400 naming the
/// parameter rather than a silently ignored value.
struct QueryParameters: Sendable {
    /// The decoded name–value pairs, in order.
    private(set) var pairs: [(name: String, value: String)] = []

    /// Parses `a=1&b=x%20y`, allowing only the names in `allowed`, each at most once.
    /// - Parameters:
    ///   - query: the raw query string (after `?`), or `nil` when there is none.
    ///   - allowed: the parameter names this route accepts.
    /// - Throws: `APIError.invalid` naming the parameter: unknown, repeated, bad percent-encoding,
    ///   invalid UTF-8.
    init(_ query: Substring?, allowed: Set<String>) throws(APIError) {
        guard let query, !query.isEmpty else { return }
        for part in query.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let equals = part.firstIndex(of: UInt8(ascii: "="))
            let rawName = equals.map { part[part.startIndex..<$0] } ?? part[...]
            let shownName = String(decoding: rawName, as: UTF8.self)
            let name = try Self.decode(rawName, parameter: shownName)
            guard allowed.contains(name) else {
                let expected = allowed.isEmpty ? "this route takes no parameters" : "expected one of \(allowed.sorted().joined(separator: ", "))"
                throw .invalid(parameter: name, reason: "unknown parameter; \(expected)")
            }
            guard !pairs.contains(where: { $0.name == name }) else {
                throw .invalid(parameter: name, reason: "given more than once")
            }
            let rawValue = equals.map { part[part.index(after: $0)...] } ?? part[part.endIndex...]
            pairs.append((name, try Self.decode(rawValue, parameter: name)))
        }
    }

    /// The value of `name`, if given.
    subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// Decodes `%XX` escapes and `+` as a space, then requires valid UTF-8.
    /// - Throws: `APIError.invalid` for a truncated or non-hex escape, or bytes that are not UTF-8.
    static func decode(_ raw: Substring.UTF8View.SubSequence, parameter: String) throws(APIError) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var index = raw.startIndex
        while index < raw.endIndex {
            let byte = raw[index]
            index = raw.index(after: index)
            switch byte {
            case UInt8(ascii: "+"):
                bytes.append(0x20)
            case UInt8(ascii: "%"):
                guard index < raw.endIndex, let high = hexValue(raw[index]) else {
                    throw .invalid(parameter: parameter, reason: "invalid percent-encoding")
                }
                index = raw.index(after: index)
                guard index < raw.endIndex, let low = hexValue(raw[index]) else {
                    throw .invalid(parameter: parameter, reason: "invalid percent-encoding")
                }
                index = raw.index(after: index)
                bytes.append(high << 4 | low)
            default:
                bytes.append(byte)
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .invalid(parameter: parameter, reason: "not valid UTF-8")
        }
        return text
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
