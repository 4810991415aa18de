extension PersonRecord {
    /// Parses and validates one NDJSON line (DESIGN §2).
    ///
    /// Hand-written on UTF-8 bytes: no Foundation, one pass, strings made only for kept values.
    /// Unknown fields are kept in `extra` with their raw JSON text. Surrounding whitespace, a
    /// trailing `\r` and a leading byte-order mark are ignored.
    ///
    /// - Parameter line: the line's bytes, without the newline.
    /// - Returns: the validated record.
    /// - Throws: `RecordError` naming the field and the reason: invalid JSON, not an object, a
    ///   missing `id` or `full_name`, a value of the wrong type or shape, a field given twice.
    public static func parse(line: some Collection<UInt8>) throws(RecordError) -> PersonRecord {
        let result = line.withContiguousStorageIfAvailable { buffer in
            Result { () throws(RecordError) -> PersonRecord in try parse(buffer: buffer) }
        }
        if let result { return try result.get() }
        let copy = Array(line)
        return try copy.withUnsafeBufferPointer { buffer in
            Result { () throws(RecordError) -> PersonRecord in try parse(buffer: buffer) }
        }.get()
    }

    /// Parses one NDJSON line held in a buffer; see `parse(line:)`.
    public static func parse(buffer: UnsafeBufferPointer<UInt8>) throws(RecordError) -> PersonRecord {
        var parser = RecordParser(scanner: JSONScanner(buffer))
        return try parser.record()
    }
}

/// The state of parsing one record line.
struct RecordParser {
    var scanner: JSONScanner

    mutating func record() throws(RecordError) -> PersonRecord {
        skipByteOrderMark()
        scanner.skipWhitespace()
        if scanner.isAtEnd { throw RecordError(field: nil, reason: "empty line") }
        guard scanner.consume(UInt8(ascii: "{")) else {
            throw RecordError(field: nil, reason: "not a JSON object (the line starts with \(scanner.kindOfNext()))")
        }
        var record = PersonRecord(id: "", fullName: "")
        var seen: UInt32 = 0
        if !scanner.consume(UInt8(ascii: "}")) {
            repeat {
                let key = try scanner.stringSpan()
                try scanner.expect(UInt8(ascii: ":"))
                scanner.skipWhitespace()
                let field = try knownField(key)
                if let field {
                    let bit: UInt32 = 1 << field.ordinal
                    if seen & bit != 0 { throw RecordError(field: field.name, reason: "appears twice") }
                    seen |= bit
                    do { try value(of: field, into: &record) } catch { throw error.nested(under: field.name) }
                } else {
                    try keepUnknown(key, in: &record)
                }
            } while scanner.consume(UInt8(ascii: ","))
            try scanner.expect(UInt8(ascii: "}"))
        }
        scanner.skipWhitespace()
        guard scanner.isAtEnd else { throw scanner.syntaxError("unexpected text after the object") }
        if seen & (1 << RecordField.id.ordinal) == 0 { throw RecordError(field: "id", reason: "is required") }
        if seen & (1 << RecordField.fullName.ordinal) == 0 { throw RecordError(field: "full_name", reason: "is required") }
        return record
    }

    private mutating func skipByteOrderMark() {
        let bytes = scanner.bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { scanner.index = 3 }
    }

    /// Keeps a field not named in DESIGN §2, with its raw JSON value.
    private mutating func keepUnknown(_ key: JSONScanner.StringSpan, in record: inout PersonRecord) throws(RecordError) {
        let name = try scanner.string(key)
        let start = scanner.index
        do { try scanner.skipValue() } catch { throw error.nested(under: name) }
        guard let json = String(validUTF8: UnsafeBufferPointer(rebasing: scanner.bytes[start..<scanner.index]))
        else { throw RecordError(field: name, reason: "invalid UTF-8") }
        record.extra.append(ExtraField(name: name, json: json))
    }

    /// The DESIGN §2 field a key names, or `nil` for an unknown key.
    private func knownField(_ key: JSONScanner.StringSpan) throws(RecordError) -> RecordField? {
        if key.escaped { return RecordField(rawValue: try scanner.string(key)) }
        let first = key.count > 0 ? scanner.bytes[key.start] : 0
        let candidate: RecordField?
        switch (key.count, first) {
        case (2, _): candidate = .id
        case (5, _): candidate = .grade
        case (6, UInt8(ascii: "g")): candidate = .gender
        case (6, UInt8(ascii: "a")): candidate = .agency
        case (6, UInt8(ascii: "s")):
            candidate = scanner.bytes[key.start + 1] == UInt8(ascii: "t") ? .status : .source
        case (7, _): candidate = .version
        case (8, UInt8(ascii: "h")): candidate = .hometown
        case (8, UInt8(ascii: "r")): candidate = .religion
        case (8, UInt8(ascii: "p")): candidate = .position
        case (8, UInt8(ascii: "t")): candidate = .training
        case (9, UInt8(ascii: "f")): candidate = .fullName
        case (9, UInt8(ascii: "e")): candidate = .ethnicity
        case (9, UInt8(ascii: "o")): candidate = .originals
        case (10, UInt8(ascii: "b")): candidate = .birthDate
        case (10, UInt8(ascii: "u")): candidate = .updatedAt
        case (11, UInt8(ascii: "n")): candidate = .nationalID
        case (11, UInt8(ascii: "o")): candidate = .otherNames
        case (11, UInt8(ascii: "a")): candidate = .agencyCode
        case (12, UInt8(ascii: "w")): candidate = .workHistory
        case (12, UInt8(ascii: "a")): candidate = .accessLevel
        default: candidate = nil
        }
        guard let candidate, candidate.matches(key, in: scanner) else { return nil }
        return candidate
    }
}

extension RecordField {
    /// A stable bit position for duplicate detection.
    var ordinal: UInt32 {
        switch self {
        case .id: 0
        case .nationalID: 1
        case .fullName: 2
        case .otherNames: 3
        case .gender: 4
        case .birthDate: 5
        case .hometown: 6
        case .ethnicity: 7
        case .religion: 8
        case .agency: 9
        case .agencyCode: 10
        case .position: 11
        case .grade: 12
        case .workHistory: 13
        case .training: 14
        case .status: 15
        case .accessLevel: 16
        case .source: 17
        case .version: 18
        case .updatedAt: 19
        case .originals: 20
        }
    }

    /// Whether an unescaped key span spells this field's name.
    fileprivate func matches(_ key: JSONScanner.StringSpan, in scanner: JSONScanner) -> Bool {
        scanner.spanEquals(key, staticName)
    }

    /// The JSON key as a static string (no allocation, no bridging).
    var staticName: StaticString {
        switch self {
        case .id: "id"
        case .nationalID: "national_id"
        case .fullName: "full_name"
        case .otherNames: "other_names"
        case .gender: "gender"
        case .birthDate: "birth_date"
        case .hometown: "hometown"
        case .ethnicity: "ethnicity"
        case .religion: "religion"
        case .agency: "agency"
        case .agencyCode: "agency_code"
        case .position: "position"
        case .grade: "grade"
        case .workHistory: "work_history"
        case .training: "training"
        case .status: "status"
        case .accessLevel: "access_level"
        case .source: "source"
        case .version: "version"
        case .updatedAt: "updated_at"
        case .originals: "originals"
        }
    }
}
