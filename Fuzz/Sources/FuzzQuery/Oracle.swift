@testable import HosoQuery

/// An independent reading of a URL query string, written from DESIGN §5 and RFC 3986 rather than
/// from the product code: `&` and `=` are delimiter *bytes*, `%XX` and `+` are decoded, and the
/// result must be UTF-8.
enum Oracle {
    /// The decoded name–value pairs, or `nil` when some part is not well-formed.
    static func pairs(_ query: String) -> [(String, String)]? {
        var result: [(String, String)] = []
        for part in query.utf8.split(separator: UInt8(ascii: "&")) {
            let equals = part.firstIndex(of: UInt8(ascii: "="))
            let rawName = equals.map { part[..<$0] } ?? part[...]
            let rawValue = equals.map { part[part.index(after: $0)...] } ?? part[part.endIndex...]
            guard let name = decode(rawName), let value = decode(rawValue) else { return nil }
            result.append((name, value))
        }
        return result
    }

    /// Percent-decoding with `+` as a space; `nil` for a bad escape or bytes that are not UTF-8.
    static func decode<Bytes: Collection<UInt8>>(_ raw: Bytes) -> String? {
        var out: [UInt8] = []
        var rest = raw[...]
        while let byte = rest.popFirst() {
            switch byte {
            case UInt8(ascii: "+"):
                out.append(0x20)
            case UInt8(ascii: "%"):
                guard let high = rest.popFirst().flatMap(hexDigit), let low = rest.popFirst().flatMap(hexDigit) else {
                    return nil
                }
                out.append(high * 16 + low)
            default:
                out.append(byte)
            }
        }
        return String(validating: out, as: UTF8.self)
    }

    private static func hexDigit(_ byte: UInt8) -> UInt8? {
        if let v = "0123456789".utf8.firstIndex(of: byte) { return UInt8("0123456789".utf8.distance(from: "0123456789".utf8.startIndex, to: v)) }
        if let v = "abcdef".utf8.firstIndex(of: byte | 0x20) { return 10 + UInt8("abcdef".utf8.distance(from: "abcdef".utf8.startIndex, to: v)) }
        return nil
    }

    /// Whether some value is one DESIGN §5 refuses (the names are known and unique).
    static func hasBadValue(_ pairs: [(String, String)]) -> Bool {
        pairs.contains { name, value in !isGood(name: name, value: value) }
    }

    private static func isGood(name: String, value: String) -> Bool {
        if value.utf8.count > SearchRequest.maxValueBytes { return false }
        var trimmed = Substring(value)
        while trimmed.first == " " { trimmed.removeFirst() }
        while trimmed.last == " " { trimmed.removeLast() }
        switch name {
        case "q", "name", "hometown", "position", "agency", "grade":
            return !trimmed.isEmpty
        case "national_id":
            let digits = trimmed.unicodeScalars.filter { $0 != " " && $0 != "-" && $0 != "." }
            return digits.count == 12 && digits.allSatisfy { $0.value >= 0x30 && $0.value <= 0x39 }
        case "born":
            let years = trimmed.split(separator: "-", omittingEmptySubsequences: false).map { part -> Int? in
                guard part.utf8.count == 4, part.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let y = Int(part),
                    (1900...2100).contains(y)
                else { return nil }
                return y
            }
            if years.count == 1, years[0] != nil { return true }
            if years.count == 2, let a = years[0], let b = years[1] { return a <= b }
            return false
        case "gender":
            return ["nam", "male", "m", "nữ", "nu", "female", "f"].contains(String(trimmed).lowercased())
        case "status":
            return ["active", "retired", "transferred_out", "deceased"].contains(String(trimmed))
        case "prefix", "fuzzy":
            return ["0", "1", "true", "false"].contains(String(trimmed))
        case "limit":
            guard let n = Int(trimmed) else { return false }
            return (1...SearchRequest.maxLimit).contains(n)
        case "cursor":
            return SearchCursor(encoded: String(trimmed)) != nil
        default:
            return false
        }
    }

    /// The request as a query string, every byte of every value percent-encoded.
    static func encode(_ r: SearchRequest) -> String {
        var parts: [String] = []
        func add(_ name: String, _ value: String?) {
            guard let value else { return }
            // Upper-case hex digits for every other parameter, lower-case for the rest: both decode.
            let hex = Array((parts.count % 2 == 0 ? "0123456789ABCDEF" : "0123456789abcdef").utf8)
            parts.append(name + "=" + value.utf8.map { byte in
                String(decoding: [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]], as: UTF8.self)
            }.joined())
        }
        add("q", r.q)
        add("name", r.name)
        add("hometown", r.hometown)
        add("position", r.position)
        add("agency", r.agency)
        add("grade", r.grade)
        add("national_id", r.nationalID)
        add("born", r.born.map { "\($0.lowerBound)-\($0.upperBound)" })
        add("gender", r.gender.map { $0 == 1 ? "Nam" : "Nữ" })
        add("status", r.status.map { ["", "active", "retired", "transferred_out", "deceased"][Int($0)] })
        if r.prefix { add("prefix", "1") }
        if r.fuzzy { add("fuzzy", "true") }
        add("limit", String(r.limit))
        add("cursor", r.cursor?.encoded)
        return parts.joined(separator: "&")
    }
}
