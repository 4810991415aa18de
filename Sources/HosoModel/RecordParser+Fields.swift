extension RecordParser {
    /// Parses the value of a known top-level field into `record`.
    ///
    /// Errors thrown here carry no field or a path relative to the field; the caller prefixes it.
    mutating func value(of field: RecordField, into record: inout PersonRecord) throws(RecordError) {
        switch field {
        case .id: record.id = try identifier()
        case .nationalID: record.nationalID = try nationalID()
        case .fullName:
            let name = try requiredString()
            if name.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { throw RecordError(field: nil, reason: "must not be empty") }
            record.fullName = name
        case .otherNames: record.otherNames = try stringList()
        case .gender: record.gender = try gender()
        case .birthDate: record.birthDate = try birthDate()
        case .hometown: record.hometown = try hometown()
        case .ethnicity: record.ethnicity = try optionalString()
        case .religion: record.religion = try optionalString()
        case .agency: record.agency = try optionalString()
        case .agencyCode: record.agencyCode = try optionalString()
        case .position: record.position = try optionalString()
        case .grade: record.grade = try optionalString()
        case .workHistory: record.workHistory = try workHistory()
        case .training: record.training = try training()
        case .status: record.status = try status()
        case .accessLevel: record.accessLevel = try accessLevel()
        case .source: record.source = try optionalString()
        case .version: record.version = try version()
        case .updatedAt: record.updatedAt = try timestamp()
        case .originals: record.originals = try originals()
        }
    }

    // MARK: strings

    /// A string, or `nil` for `null`.
    mutating func optionalString() throws(RecordError) -> String? {
        if scanner.consumeNull() { return nil }
        return try requiredString()
    }

    /// A string; `null` and other kinds are errors.
    mutating func requiredString() throws(RecordError) -> String {
        try scanner.string(try span())
    }

    /// The span of a string value, or an "expected a string" error naming what was found.
    mutating func span() throws(RecordError) -> JSONScanner.StringSpan {
        scanner.skipWhitespace()
        guard scanner.peek() == UInt8(ascii: "\"") else {
            throw RecordError(field: nil, reason: "expected a string, got \(scanner.kindOfNext())")
        }
        return try scanner.stringSpan()
    }

    /// Runs `body` on the bytes of a string value, resolving escapes only when there are any.
    mutating func withStringBytes<T>(
        _ body: (UnsafeBufferPointer<UInt8>) throws(RecordError) -> T
    ) throws(RecordError) -> T {
        let located = try span()
        if !located.escaped { return try body(scanner.raw(located)) }
        var text = try scanner.string(located)
        return try text.withUTF8 { bytes in Result { () throws(RecordError) in try body(bytes) } }.get()
    }

    /// A list of strings; `null` is the empty list.
    mutating func stringList() throws(RecordError) -> [String] {
        if scanner.consumeNull() { return [] }
        try expectOpening(UInt8(ascii: "["), kind: "an array")
        var list: [String] = []
        if scanner.consume(UInt8(ascii: "]")) { return list }
        repeat {
            do { list.append(try requiredString()) } catch { throw error.nested(under: "[\(list.count)]") }
        } while scanner.consume(UInt8(ascii: ","))
        try scanner.expect(UInt8(ascii: "]"))
        return list
    }

    /// Consumes `opening` (`{` or `[`) or throws "expected <kind>, got …".
    mutating func expectOpening(_ opening: UInt8, kind: String) throws(RecordError) {
        scanner.skipWhitespace()
        guard scanner.consume(opening) else {
            throw RecordError(field: nil, reason: "expected \(kind), got \(scanner.kindOfNext())")
        }
    }

    // MARK: scalars

    private mutating func identifier() throws(RecordError) -> String {
        let text = try requiredString()
        do { try RecordID.validate(text) } catch { throw RecordError(field: nil, reason: error.reason) }
        return text
    }

    private mutating func nationalID() throws(RecordError) -> String? {
        if scanner.consumeNull() { return nil }
        return try withStringBytes { bytes throws(RecordError) in
            guard bytes.allSatisfy(RecordFormats.isDigit) else {
                let text = String(decoding: bytes, as: UTF8.self)
                throw RecordError(field: nil, reason: "must be 12 digits, found \(RecordError.quoted(text))")
            }
            guard bytes.count == 12 else { throw RecordError(field: nil, reason: "must be 12 digits, got \(bytes.count)") }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    private mutating func gender() throws(RecordError) -> Gender? {
        guard let text = try optionalString() else { return nil }
        // `String ==` compares canonically, so NFD "Nữ" matches too.
        switch text {
        case "Nam", "NAM", "nam": return .male
        case "Nữ", "NỮ", "nữ": return .female
        default: throw RecordError(field: nil, reason: "must be \"Nam\" or \"Nữ\", got \(RecordError.quoted(text))")
        }
    }

    private mutating func birthDate() throws(RecordError) -> BirthDate? {
        if scanner.consumeNull() { return nil }
        return try withStringBytes { bytes throws(RecordError) in
            guard let date = RecordFormats.birthDate(bytes) else {
                let text = String(decoding: bytes, as: UTF8.self)
                throw RecordError(field: nil, reason: "expected \"YYYY-MM-DD\" or \"YYYY\", got \(RecordError.quoted(text))")
            }
            return date
        }
    }

    /// A `YYYY-MM` month.
    mutating func yearMonth() throws(RecordError) -> YearMonth {
        try withStringBytes { bytes throws(RecordError) in
            guard let month = RecordFormats.yearMonth(bytes) else {
                let text = String(decoding: bytes, as: UTF8.self)
                throw RecordError(field: nil, reason: "expected \"YYYY-MM\", got \(RecordError.quoted(text))")
            }
            return month
        }
    }

    private mutating func status() throws(RecordError) -> Status? {
        guard let text = try optionalString() else { return nil }
        guard let status = Status(rawValue: text) else {
            throw RecordError(
                field: nil, reason: "must be one of active, retired, transferred_out, deceased, got \(RecordError.quoted(text))")
        }
        return status
    }

    private mutating func accessLevel() throws(RecordError) -> AccessLevel {
        if scanner.consumeNull() { return .public }
        let number = try scanner.integer()
        guard let level = AccessLevel(number: Int(clamping: number)) else {
            throw RecordError(field: nil, reason: "must be 0, 1, 2 or 3, got \(number)")
        }
        return level
    }

    private mutating func version() throws(RecordError) -> Int64 {
        if scanner.consumeNull() { return 0 }
        let number = try scanner.integer()
        guard number >= 0 else { throw RecordError(field: nil, reason: "must be a non-negative integer, got \(number)") }
        return number
    }

    private mutating func timestamp() throws(RecordError) -> String? {
        if scanner.consumeNull() { return nil }
        return try withStringBytes { bytes throws(RecordError) in
            let text = String(decoding: bytes, as: UTF8.self)
            guard RecordFormats.isTimestamp(bytes) else {
                throw RecordError(field: nil, reason: "expected an RFC 3339 timestamp, got \(RecordError.quoted(text))")
            }
            return text
        }
    }
}
