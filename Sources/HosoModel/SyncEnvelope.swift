/// One line of a `POST /v1/sync` body (DESIGN §5), before its record is parsed:
/// `{"op":"upsert","record":{…}}` or `{"op":"delete","id":"…","version":N}`.
///
/// The record of an upsert is only located here (`recordBytes`), so that the caller runs it
/// through the same parse-and-repair path as `hoso ingest`.
public enum SyncEnvelope: Sendable, Hashable {
    /// Insert or replace the record whose JSON object is at `recordBytes` in the parsed buffer.
    case upsert(recordBytes: Range<Int>)
    /// Delete `id`, leaving a tombstone at `version`.
    case delete(id: String, version: Int64)

    /// Parses one line.
    ///
    /// Keys may come in any order; unknown or repeated keys are errors, as are `id`/`version`
    /// beside an upsert (the record carries them) and `record` beside a delete.
    ///
    /// - Parameter buffer: the line's bytes, without the newline.
    /// - Returns: the operation.
    /// - Throws: `RecordError` naming the envelope field at fault (`op`, `record`, `id`,
    ///   `version`), or the line for invalid JSON.
    public static func parse(buffer: UnsafeBufferPointer<UInt8>) throws(RecordError) -> SyncEnvelope {
        var scanner = JSONScanner(buffer)
        scanner.skipWhitespace()
        if scanner.isAtEnd { throw RecordError(field: nil, reason: "empty line") }
        guard scanner.consume(UInt8(ascii: "{")) else {
            throw RecordError(field: nil, reason: "not a JSON object (the line starts with \(scanner.kindOfNext()))")
        }
        var op: String?
        var record: Range<Int>?
        var id: String?
        var version: Int64?
        if !scanner.consume(UInt8(ascii: "}")) {
            repeat {
                let key = try scanner.string(try scanner.stringSpan())
                try scanner.expect(UInt8(ascii: ":"))
                scanner.skipWhitespace()
                switch key {
                case "op":
                    guard op == nil else { throw RecordError(field: key, reason: "appears twice") }
                    guard scanner.peek() == UInt8(ascii: "\"") else {
                        throw RecordError(field: key, reason: "expected \"upsert\" or \"delete\", got \(scanner.kindOfNext())")
                    }
                    op = try scanner.string(try scanner.stringSpan())
                case "record":
                    guard record == nil else { throw RecordError(field: key, reason: "appears twice") }
                    guard scanner.peek() == UInt8(ascii: "{") else {
                        throw RecordError(field: key, reason: "expected an object, got \(scanner.kindOfNext())")
                    }
                    let start = scanner.index
                    do { try scanner.skipValue(depth: 2) } catch { throw error.nested(under: key) }
                    record = start..<scanner.index
                case "id":
                    guard id == nil else { throw RecordError(field: key, reason: "appears twice") }
                    guard scanner.peek() == UInt8(ascii: "\"") else {
                        throw RecordError(field: key, reason: "expected a string, got \(scanner.kindOfNext())")
                    }
                    let text = try scanner.string(try scanner.stringSpan())
                    try RecordID.validate(text)
                    id = text
                case "version":
                    guard version == nil else { throw RecordError(field: key, reason: "appears twice") }
                    do { version = try scanner.integer() } catch { throw error.nested(under: key) }
                default:
                    throw RecordError(field: key, reason: "unknown field; a sync line has op, and record or id and version")
                }
            } while scanner.consume(UInt8(ascii: ","))
            try scanner.expect(UInt8(ascii: "}"))
        }
        scanner.skipWhitespace()
        guard scanner.isAtEnd else { throw scanner.syntaxError("unexpected text after the object") }

        switch op {
        case "upsert":
            if id != nil { throw RecordError(field: "id", reason: "not allowed with op upsert (the record carries its id)") }
            if version != nil {
                throw RecordError(field: "version", reason: "not allowed with op upsert (the record carries its version)")
            }
            guard let record else { throw RecordError(field: "record", reason: "is required with op upsert") }
            return .upsert(recordBytes: record)
        case "delete":
            if record != nil { throw RecordError(field: "record", reason: "not allowed with op delete") }
            guard let id else { throw RecordError(field: "id", reason: "is required with op delete") }
            guard let version else { throw RecordError(field: "version", reason: "is required with op delete") }
            guard version >= 1 else { throw RecordError(field: "version", reason: "must be at least 1, got \(version)") }
            return .delete(id: id, version: version)
        case nil:
            throw RecordError(field: "op", reason: "is required (\"upsert\" or \"delete\")")
        case let other?:
            throw RecordError(field: "op", reason: "must be \"upsert\" or \"delete\", got \(RecordError.quoted(other))")
        }
    }
}
