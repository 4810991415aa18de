extension RecordParser {
    /// `{commune, district?, province}`, a string, or `null`.
    mutating func hometown() throws(RecordError) -> Hometown? {
        if scanner.consumeNull() { return nil }
        scanner.skipWhitespace()
        if scanner.peek() == UInt8(ascii: "\"") { return .text(try requiredString()) }
        try expectOpening(UInt8(ascii: "{"), kind: "an object or a string")
        var commune: String?
        var district: String?
        var province: String?
        if !scanner.consume(UInt8(ascii: "}")) {
            repeat {
                let key = try scanner.stringSpan()
                try scanner.expect(UInt8(ascii: ":"))
                if scanner.spanEquals(key, "commune") {
                    commune = try member("commune", seen: commune != nil) { (p: inout Self) throws(RecordError) in try p.requiredString() }
                } else if scanner.spanEquals(key, "district") {
                    district = try member("district", seen: district != nil) { (p: inout Self) throws(RecordError) in try p.optionalString() }
                } else if scanner.spanEquals(key, "province") {
                    province = try member("province", seen: province != nil) { (p: inout Self) throws(RecordError) in try p.requiredString() }
                } else {
                    throw try unknownMember(key, expected: "commune, district, province")
                }
            } while scanner.consume(UInt8(ascii: ","))
            try scanner.expect(UInt8(ascii: "}"))
        }
        guard let commune else { throw RecordError(field: "commune", reason: "is required") }
        guard let province else { throw RecordError(field: "province", reason: "is required") }
        return .unit(commune: commune, district: district, province: province)
    }

    /// `[{from, to, agency, position}]`; `null` is the empty list.
    mutating func workHistory() throws(RecordError) -> [WorkEntry] {
        try list { (p: inout Self) throws(RecordError) in
            let entry = try p.period(names: ("agency", "position"))
            return WorkEntry(from: entry.from, to: entry.to, agency: entry.first, position: entry.second)
        }
    }

    /// `[{from, to, institution, qualification}]`; `null` is the empty list.
    mutating func training() throws(RecordError) -> [TrainingEntry] {
        try list { (p: inout Self) throws(RecordError) in
            let entry = try p.period(names: ("institution", "qualification"))
            return TrainingEntry(from: entry.from, to: entry.to, institution: entry.first, qualification: entry.second)
        }
    }

    /// `{"path": "original text", …}`; `null` is the empty list.
    mutating func originals() throws(RecordError) -> [OriginalText] {
        if scanner.consumeNull() { return [] }
        try expectOpening(UInt8(ascii: "{"), kind: "an object")
        var list: [OriginalText] = []
        if scanner.consume(UInt8(ascii: "}")) { return list }
        repeat {
            let path = try scanner.string(try scanner.stringSpan())
            try scanner.expect(UInt8(ascii: ":"))
            do { list.append(OriginalText(path: path, text: try requiredString())) } catch { throw error.nested(under: path) }
        } while scanner.consume(UInt8(ascii: ","))
        try scanner.expect(UInt8(ascii: "}"))
        return list
    }

    // MARK: helpers

    /// A list of objects parsed by `element`; errors are placed under `[index]`.
    private mutating func list<Element>(
        _ element: (inout Self) throws(RecordError) -> Element
    ) throws(RecordError) -> [Element] {
        if scanner.consumeNull() { return [] }
        try expectOpening(UInt8(ascii: "["), kind: "an array")
        var list: [Element] = []
        if scanner.consume(UInt8(ascii: "]")) { return list }
        repeat {
            do { list.append(try element(&self)) } catch { throw error.nested(under: "[\(list.count)]") }
        } while scanner.consume(UInt8(ascii: ","))
        try scanner.expect(UInt8(ascii: "]"))
        return list
    }

    /// An object `{from, to?, <first>, <second>}` with `to` not before `from`.
    private mutating func period(
        names: (first: StaticString, second: StaticString)
    ) throws(RecordError) -> (from: YearMonth, to: YearMonth?, first: String, second: String) {
        try expectOpening(UInt8(ascii: "{"), kind: "an object")
        var from: YearMonth?
        var to: YearMonth?
        var seenTo = false
        var first: String?
        var second: String?
        if !scanner.consume(UInt8(ascii: "}")) {
            repeat {
                let key = try scanner.stringSpan()
                try scanner.expect(UInt8(ascii: ":"))
                if scanner.spanEquals(key, "from") {
                    from = try member("from", seen: from != nil) { (p: inout Self) throws(RecordError) in try p.yearMonth() }
                } else if scanner.spanEquals(key, "to") {
                    to = try member("to", seen: seenTo) { (p: inout Self) throws(RecordError) in
                        p.scanner.consumeNull() ? nil : try p.yearMonth()
                    }
                    seenTo = true
                } else if scanner.spanEquals(key, names.first) {
                    first = try member("\(names.first)", seen: first != nil) { (p: inout Self) throws(RecordError) in try p.requiredString() }
                } else if scanner.spanEquals(key, names.second) {
                    second = try member("\(names.second)", seen: second != nil) { (p: inout Self) throws(RecordError) in try p.requiredString() }
                } else {
                    throw try unknownMember(key, expected: "from, to, \(names.first), \(names.second)")
                }
            } while scanner.consume(UInt8(ascii: ","))
            try scanner.expect(UInt8(ascii: "}"))
        }
        guard let from else { throw RecordError(field: "from", reason: "is required") }
        guard let first else { throw RecordError(field: "\(names.first)", reason: "is required") }
        guard let second else { throw RecordError(field: "\(names.second)", reason: "is required") }
        if let to, to < from { throw RecordError(field: "to", reason: "\(to) is before from \(from)") }
        return (from, to, first, second)
    }

    /// Parses one member's value with `body`, placing errors under `name`.
    private mutating func member<T>(
        _ name: String, seen: Bool, _ body: (inout Self) throws(RecordError) -> T
    ) throws(RecordError) -> T {
        if seen { throw RecordError(field: name, reason: "appears twice") }
        do { return try body(&self) } catch { throw error.nested(under: name) }
    }

    /// The error for a key that nested objects do not have.
    private func unknownMember(_ key: JSONScanner.StringSpan, expected: String) throws(RecordError) -> RecordError {
        let name = try scanner.string(key)
        return RecordError(field: name, reason: "unknown field (expected \(expected))")
    }
}
