/// A parsed `/v1/search` request (DESIGN §5). Fielded parameters are ANDed; `q` searches
/// name, hometown, position and agency together, every word somewhere.
public struct SearchRequest: Sendable, Equatable {
    public var q: String?
    public var name: String?
    public var hometown: String?
    public var position: String?
    public var agency: String?
    public var grade: String?
    public var nationalID: String?
    /// Birth-year range, inclusive.
    public var born: ClosedRange<Int>?
    /// 1 Nam, 2 Nữ.
    public var gender: UInt8?
    /// Status code as in `RecordAnalysis.statusCode`.
    public var status: UInt8?
    public var prefix = false
    public var fuzzy = false
    public var limit = 20
    public var cursor: SearchCursor?

    public static let maxLimit = 100
    public static let maxValueBytes = 256
    public static let parameters: Set<String> = [
        "q", "name", "hometown", "position", "agency", "grade", "national_id", "born", "gender", "status",
        "prefix", "fuzzy", "limit", "cursor",
    ]

    public init() {}

    /// Whether anything to match was given (filters alone are not a search).
    public var hasQuery: Bool {
        [q, name, hometown, position, agency, grade, nationalID].contains { $0 != nil }
    }

    /// Parses a URL query string such as `name=Nguyen%20Van%20An&born=1980-1989`.
    /// - Throws: `SearchError.invalid` naming the parameter: bad percent-encoding, invalid UTF-8,
    ///   unknown or repeated parameters, values out of range.
    ///
    /// `&` and `=` delimit as bytes, as in a URL: "&" followed by a combining mark still separates
    /// parameters (splitting `String` by `Character` would not).
    public static func parse(queryString: String) throws(SearchError) -> SearchRequest {
        var pairs: [(String, String)] = []
        for part in queryString.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let equals = part.firstIndex(of: UInt8(ascii: "="))
            let rawName = String(Substring(equals.map { part[..<$0] } ?? part[...]))
            let name = try PercentDecoding.decode(rawName, parameter: rawName)
            let value = try equals.map { e throws(SearchError) in
                try PercentDecoding.decode(String(Substring(part[part.index(after: e)...])), parameter: name)
            } ?? ""
            pairs.append((name, value))
        }
        return try parse(pairs: pairs)
    }

    /// Parses decoded name–value pairs.
    public static func parse(pairs: [(String, String)]) throws(SearchError) -> SearchRequest {
        var r = SearchRequest()
        var seen = Set<String>()
        for (name, value) in pairs {
            guard parameters.contains(name) else {
                throw .invalid(parameter: name, reason: "unknown parameter; expected one of \(parameters.sorted().joined(separator: ", "))")
            }
            guard seen.insert(name).inserted else { throw .invalid(parameter: name, reason: "given more than once") }
            guard value.utf8.count <= maxValueBytes else {
                throw .invalid(parameter: name, reason: "longer than \(maxValueBytes) bytes")
            }
            try r.set(name, value)
        }
        return r
    }

    private mutating func set(_ name: String, _ value: String) throws(SearchError) {
        let trimmed = value.trimmingASCIISpaces()
        func text() throws(SearchError) -> String? {
            if trimmed.isEmpty { throw .invalid(parameter: name, reason: "empty value") }
            return trimmed
        }
        switch name {
        case "q": q = try text()
        case "name": self.name = try text()
        case "hometown": hometown = try text()
        case "position": position = try text()
        case "agency": agency = try text()
        case "grade": grade = try text()
        case "national_id":
            let digits = trimmed.filter { $0 != " " && $0 != "-" && $0 != "." }
            guard digits.count == 12, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw .invalid(parameter: name, reason: "must be 12 digits")
            }
            nationalID = digits
        case "born": born = try SearchRequest.parseBorn(trimmed)
        case "gender":
            switch trimmed.lowercased() {
            case "nam", "male", "m": gender = 1
            case "nữ", "nu", "female", "f": gender = 2
            default: throw .invalid(parameter: name, reason: "must be Nam or Nữ")
            }
        case "status":
            switch trimmed {
            case "active": status = 1
            case "retired": status = 2
            case "transferred_out": status = 3
            case "deceased": status = 4
            default: throw .invalid(parameter: name, reason: "must be active, retired, transferred_out or deceased")
            }
        case "prefix": prefix = try SearchRequest.parseFlag(trimmed, name)
        case "fuzzy": fuzzy = try SearchRequest.parseFlag(trimmed, name)
        case "limit":
            guard let n = Int(trimmed), (1...SearchRequest.maxLimit).contains(n) else {
                throw .invalid(parameter: name, reason: "must be a whole number from 1 to \(SearchRequest.maxLimit)")
            }
            limit = n
        case "cursor":
            guard let c = SearchCursor(encoded: trimmed) else { throw .invalid(parameter: name, reason: "malformed cursor") }
            cursor = c
        default:
            throw .invalid(parameter: name, reason: "unknown parameter")
        }
    }

    static func parseFlag(_ v: String, _ name: String) throws(SearchError) -> Bool {
        switch v {
        case "1", "true": return true
        case "0", "false": return false
        default: throw .invalid(parameter: name, reason: "must be 0 or 1")
        }
    }

    /// "1985" or "1980-1989".
    static func parseBorn(_ v: String) throws(SearchError) -> ClosedRange<Int> {
        let parts = v.split(separator: "-", omittingEmptySubsequences: false)
        func year(_ s: Substring) throws(SearchError) -> Int {
            guard s.count == 4, let y = Int(s), (1900...2100).contains(y) else {
                throw .invalid(parameter: "born", reason: "must be a year (1985) or a range (1980-1989)")
            }
            return y
        }
        switch parts.count {
        case 1:
            let y = try year(parts[0])
            return y...y
        case 2:
            let a = try year(parts[0])
            let b = try year(parts[1])
            guard a <= b else { throw .invalid(parameter: "born", reason: "range starts after it ends") }
            return a...b
        default:
            throw .invalid(parameter: "born", reason: "must be a year (1985) or a range (1980-1989)")
        }
    }
}

extension String {
    func trimmingASCIISpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

/// Decodes `%XX` escapes and `+` as space, then requires valid UTF-8.
enum PercentDecoding {
    static func decode(_ text: String, parameter: String) throws(SearchError) -> String {
        // Bytes, not `Character`s: "%" followed by a combining mark is one Character but still an escape.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var it = Array(text.utf8)[...]
        while let b = it.popFirst() {
            if b == UInt8(ascii: "+") {
                bytes.append(0x20)
            } else if b == UInt8(ascii: "%") {
                guard it.count >= 2, let hi = hex(it.removeFirst()), let lo = hex(it.removeFirst()) else {
                    throw .invalid(parameter: parameter, reason: "invalid percent-encoding")
                }
                bytes.append(hi << 4 | lo)
            } else {
                bytes.append(b)
            }
        }
        guard let s = String(validating: bytes, as: UTF8.self) else {
            throw .invalid(parameter: parameter, reason: "not valid UTF-8")
        }
        return s
    }

    static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: b - 0x30
        case 0x41...0x46: b - 0x37
        case 0x61...0x66: b - 0x57
        default: nil
        }
    }
}
