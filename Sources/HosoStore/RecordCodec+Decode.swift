import HosoModel

extension RecordCodec {
    /// What the first bytes of a stored value say, read without decoding the record.
    public struct Header: Sendable, Hashable {
        /// The record's version.
        public var version: Int64
        /// Whether the value is a tombstone left by a delete.
        public var isTombstone: Bool
        /// The record's access level (`.public` for tombstones).
        public var accessLevel: AccessLevel
    }

    /// Reads the format, version and access level of a stored value.
    ///
    /// - Throws: `CodecError` for an unknown format or truncated bytes.
    public static func header(_ bytes: UnsafeRawBufferPointer) throws(CodecError) -> Header {
        var reader = ByteReader(bytes)
        return try header(&reader)
    }

    /// The national id stored in a record value, found by skipping to tag 2.
    ///
    /// - Returns: the id, or `nil` for a record without one or a tombstone.
    /// - Throws: `CodecError` for damaged bytes.
    public static func nationalID(_ bytes: UnsafeRawBufferPointer) throws(CodecError) -> String? {
        try text(of: .nationalID, in: bytes, orderedBefore: true)
    }

    /// The `source` of a stored record, read without opening sealed fields.
    ///
    /// - Returns: the source, or `nil` for a record without one or a tombstone.
    /// - Throws: `CodecError` for damaged bytes.
    public static func source(_ bytes: UnsafeRawBufferPointer) throws(CodecError) -> String? {
        try text(of: .source, in: bytes)
    }

    /// The key of a record in the `nationalIDs` lookup database, read without opening sealed
    /// fields: the national id itself in format 1, its blind term (tag 22) in format 2.
    ///
    /// - Returns: the key, or `nil` for a record without a national id or a tombstone.
    /// - Throws: `CodecError` for damaged bytes.
    public static func nationalIDLookupKey(_ bytes: UnsafeRawBufferPointer) throws(CodecError) -> String? {
        guard bytes.first == sealedFormatVersion else { return try nationalID(bytes) }
        return try text(of: .blindNationalID, in: bytes)
    }

    /// The text under `tag` in a stored record, found by skipping the fields before it without
    /// opening sealed ones; `nil` for a tombstone or a record without it.
    ///
    /// - Parameter orderedBefore: stop at the first greater tag (fields are written in tag order).
    private static func text(of tag: Tag, in bytes: UnsafeRawBufferPointer, orderedBefore: Bool = false) throws(CodecError) -> String? {
        var reader = ByteReader(bytes)
        guard try !header(&reader).isTombstone else { return nil }
        while !reader.isAtEnd {
            let found = try reader.byte()
            if found == endTag { return nil }
            let length = try reader.count(limit: bytes.count)
            let payload = try reader.take(length)
            if found == tag.rawValue { return try ByteReader.text(payload) }
            if orderedBefore, found > tag.rawValue { return nil }
        }
        return nil
    }

    /// Decodes a stored record.
    ///
    /// - Throws: `CodecError.tombstone` for a deleted record; `.unknownFormat`, `.truncated` or
    ///   `.malformed` for bytes this build cannot read.
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws(CodecError) -> PersonRecord {
        try decode(bytes, sealer: nil)
    }

    /// Decodes a stored record, opening its sealed fields (format 2) with `sealer`.
    ///
    /// - Throws: `CodecError.dataKeyRequired` for sealed fields without a sealer,
    ///   `.sealedWithOtherKey` when the sealer's keys did not seal them, and the errors of
    ///   `decode(_:)`.
    public static func decode(_ bytes: UnsafeRawBufferPointer, sealer: FieldSealer?) throws(CodecError) -> PersonRecord {
        var reader = ByteReader(bytes)
        let head = try header(&reader)
        if head.isTombstone { throw CodecError.tombstone }
        var record = PersonRecord(id: "", fullName: "")
        record.version = head.version
        record.accessLevel = head.accessLevel
        var seenID = false
        var seenName = false
        var sealed: UnsafeRawBufferPointer?
        while true {
            let tagByte = try reader.byte()
            if tagByte == endTag { break }
            let length = try reader.count(limit: bytes.count)
            let payload = try reader.take(length)
            guard let tag = Tag(rawValue: tagByte) else { continue }  // a field from a later layout
            switch tag {
            case .id: record.id = try ByteReader.text(payload); seenID = true
            case .fullName: record.fullName = try ByteReader.text(payload); seenName = true
            case .sealed: sealed = payload
            default: try read(tag, payload, into: &record)
            }
        }
        guard reader.isAtEnd else { throw CodecError.malformed("bytes after the end") }
        guard seenID, seenName else { throw CodecError.malformed("id or full_name missing") }
        if let sealed {
            guard let sealer else { throw CodecError.dataKeyRequired }
            let inner = try sealer.open(sealed, id: record.id)
            record = try inner.withUnsafeBytes { raw in
                Result { () throws(CodecError) -> PersonRecord in
                    var opened = record
                    var fields = ByteReader(raw)
                    while !fields.isAtEnd {
                        let tagByte = try fields.byte()
                        let length = try fields.count(limit: raw.count)
                        let payload = try fields.take(length)
                        guard let tag = Tag(rawValue: tagByte) else { continue }
                        guard tag != .sealed, tag != .id, tag != .fullName else {
                            throw CodecError.malformed("tag \(tagByte) inside sealed fields")
                        }
                        try read(tag, payload, into: &opened)
                    }
                    return opened
                }
            }.get()
        }
        return record
    }

    /// Reads one field (not id, full name or sealed) into `record`.
    private static func read(_ tag: Tag, _ payload: UnsafeRawBufferPointer, into record: inout PersonRecord) throws(CodecError) {
        let length = payload.count
        var field = ByteReader(payload)
        switch tag {
        case .id, .fullName, .sealed, .blindNationalID: break
        case .nationalID: record.nationalID = try field.rest()
        case .otherNames: while !field.isAtEnd { record.otherNames.append(try field.string()) }
        case .gender:
            switch try field.byte() {
            case 1: record.gender = .male
            case 2: record.gender = .female
            case let other: throw CodecError.malformed("gender \(other)")
            }
        case .birthDate:
            let year = Int(try field.count(limit: 9999))
            let month = try field.byte()
            let day = try field.byte()
            record.birthDate = BirthDate(year: year, month: month == 0 ? nil : Int(month), day: day == 0 ? nil : Int(day))
        case .hometownUnit:
            let flags = try field.byte()
            let commune = try field.string()
            let district = flags & 1 == 0 ? nil : try field.string()
            record.hometown = .unit(commune: commune, district: district, province: try field.string())
        case .hometownText: record.hometown = .text(try field.rest())
        case .ethnicity: record.ethnicity = try field.rest()
        case .religion: record.religion = try field.rest()
        case .agency: record.agency = try field.rest()
        case .agencyCode: record.agencyCode = try field.rest()
        case .position: record.position = try field.rest()
        case .grade: record.grade = try field.rest()
        case .workHistory:
            for _ in 0..<(try field.count(limit: length)) {
                let (from, to) = try field.period()
                record.workHistory.append(WorkEntry(from: from, to: to, agency: try field.string(), position: try field.string()))
            }
        case .training:
            for _ in 0..<(try field.count(limit: length)) {
                let (from, to) = try field.period()
                record.training.append(
                    TrainingEntry(from: from, to: to, institution: try field.string(), qualification: try field.string()))
            }
        case .status:
            let code = try field.byte()
            guard let status = Status.allCases.first(where: { statusCode($0) == code }) else {
                throw CodecError.malformed("status \(code)")
            }
            record.status = status
        case .source: record.source = try field.rest()
        case .updatedAt: record.updatedAt = try field.rest()
        case .extra:
            for _ in 0..<(try field.count(limit: length)) {
                record.extra.append(ExtraField(name: try field.string(), json: try field.string()))
            }
        case .originals:
            for _ in 0..<(try field.count(limit: length)) {
                record.originals.append(OriginalText(path: try field.string(), text: try field.string()))
            }
        }
    }

    /// Decodes a stored record held in an array.
    public static func decode(_ bytes: [UInt8], sealer: FieldSealer? = nil) throws(CodecError) -> PersonRecord {
        try bytes.withUnsafeBytes { raw in Result { () throws(CodecError) in try decode(raw, sealer: sealer) } }.get()
    }

    private static func header(_ reader: inout ByteReader) throws(CodecError) -> Header {
        let format = try reader.byte()
        switch format {
        case formatVersion, sealedFormatVersion:
            let version = try reader.varint()
            guard version <= UInt64(Int64.max) else { throw CodecError.malformed("version out of range") }
            let level = try reader.byte()
            guard let accessLevel = AccessLevel(rawValue: level) else { throw CodecError.malformed("access level \(level)") }
            return Header(version: Int64(version), isTombstone: false, accessLevel: accessLevel)
        case tombstoneFormat:
            let version = try reader.varint()
            guard version <= UInt64(Int64.max) else { throw CodecError.malformed("version out of range") }
            return Header(version: Int64(version), isTombstone: true, accessLevel: .public)
        default:
            throw CodecError.unknownFormat(format)
        }
    }
}

extension ByteReader {
    /// The rest of the region as UTF-8 text.
    fileprivate mutating func rest() throws(CodecError) -> String {
        try Self.text(try take(bytes.count - index))
    }

    /// A `from` month and an optional `to` month.
    fileprivate mutating func period() throws(CodecError) -> (YearMonth, YearMonth?) {
        let from = try varint()
        let to = try varint()
        return (try Self.month(from), to == 0 ? nil : try Self.month(to - 1))
    }

    private static func month(_ code: UInt64) throws(CodecError) -> YearMonth {
        guard code < 12 * 10_000 else { throw CodecError.malformed("month \(code)") }
        return YearMonth(year: Int(code / 12), month: Int(code % 12) + 1)
    }
}
