import HosoModel

/// Appends varints, bytes and length-prefixed fields to a buffer.
struct ByteWriter {
    var out: [UInt8]

    @inline(__always)
    mutating func byte(_ value: UInt8) { out.append(value) }

    @inline(__always)
    mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        out.append(UInt8(rest))
    }

    /// A length-prefixed UTF-8 string.
    @inline(__always)
    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            varint(UInt64(bytes.count))
            out.append(contentsOf: bytes)
        }
    }

    mutating func stringField(_ tag: RecordCodec.Tag, _ text: String) {
        out.append(tag.rawValue)
        string(text)
    }

    /// `YearMonth` as one integer: `year * 12 + month - 1`.
    static func monthCode(_ month: YearMonth) -> UInt64 {
        UInt64(max(0, month.year * 12 + month.month - 1))
    }

    /// A field whose payload `body` writes; the length prefix is filled in afterwards.
    mutating func field(_ tag: RecordCodec.Tag, _ body: (inout ByteWriter) -> Void) {
        out.append(tag.rawValue)
        let lengthAt = out.count
        out.append(0)
        body(&self)
        let length = out.count - lengthAt - 1
        if length < 0x80 {
            out[lengthAt] = UInt8(length)
            return
        }
        var prefix: [UInt8] = []
        var rest = UInt64(length)
        while rest >= 0x80 {
            prefix.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        prefix.append(UInt8(rest))
        out.replaceSubrange(lengthAt..<(lengthAt + 1), with: prefix)
    }

    mutating func period(_ from: YearMonth, _ to: YearMonth?, _ first: String, _ second: String) {
        varint(Self.monthCode(from))
        varint(to.map { Self.monthCode($0) + 1 } ?? 0)
        string(first)
        string(second)
    }
}

/// Reads what `ByteWriter` wrote; every read checks bounds.
struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    var index: Int

    init(_ bytes: UnsafeRawBufferPointer, index: Int = 0) {
        self.bytes = bytes
        self.index = index
    }

    var isAtEnd: Bool { index >= bytes.count }

    @inline(__always)
    mutating func byte() throws(CodecError) -> UInt8 {
        guard index < bytes.count else { throw CodecError.truncated }
        defer { index += 1 }
        return bytes[index]
    }

    @inline(__always)
    mutating func varint() throws(CodecError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw CodecError.malformed("varint too long") }
            value |= UInt64(next & 0x7F) << shift
            if next & 0x80 == 0 { return value }
            shift += 7
        }
    }

    /// A varint that must fit in `Int` and not exceed `limit`.
    mutating func count(limit: Int) throws(CodecError) -> Int {
        let value = try varint()
        guard value <= UInt64(limit) else { throw CodecError.truncated }
        return Int(value)
    }

    /// The next `count` bytes as a region.
    mutating func take(_ count: Int) throws(CodecError) -> UnsafeRawBufferPointer {
        guard count >= 0, count <= bytes.count - index else { throw CodecError.truncated }
        defer { index += count }
        return UnsafeRawBufferPointer(rebasing: bytes[index..<(index + count)])
    }

    /// A length-prefixed UTF-8 string.
    mutating func string() throws(CodecError) -> String {
        let length = try count(limit: bytes.count - index)
        return try Self.text(try take(length))
    }

    static func text(_ region: UnsafeRawBufferPointer) throws(CodecError) -> String {
        guard let text = String(validUTF8: region.bindMemory(to: UInt8.self)) else {
            throw CodecError.malformed("invalid UTF-8")
        }
        return text
    }
}

/// Why stored bytes could not be decoded.
public enum CodecError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The bytes end in the middle of a field.
    case truncated
    /// The first byte is not a format this build reads.
    case unknownFormat(UInt8)
    /// The bytes are a tombstone (a deleted record), not a record.
    case tombstone
    /// A value is out of range or a required field is missing.
    case malformed(String)
    /// The record has sealed fields (format 2) and no data key was given to open them.
    case dataKeyRequired
    /// The record's sealed fields were sealed with another data key (its key id in hex).
    case sealedWithOtherKey(String)

    public var description: String {
        switch self {
        case .truncated: "stored record is truncated"
        case .unknownFormat(let format): "stored record has unknown format \(format)"
        case .tombstone: "stored record is a tombstone"
        case .malformed(let what): "stored record is malformed: \(what)"
        case .dataKeyRequired:
            "stored record has encrypted fields and no data key was given (--data-key-file or HOSO_DATA_KEY)"
        case .sealedWithOtherKey(let keyID):
            "stored record was encrypted with data key \(keyID), not with the key given"
        }
    }
}

