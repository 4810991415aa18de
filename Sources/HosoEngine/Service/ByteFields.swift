/// Appends fixed-layout fields to bytes: the stored forms of keys and audit entries.
///
/// Integers are big-endian; strings are a LEB128 length and their UTF-8. Nothing here depends on
/// the platform, so the bytes are canonical (the audit chain hashes them).
struct ByteFieldWriter {
    var bytes: [UInt8] = []

    init(capacity: Int = 128) { bytes.reserveCapacity(capacity) }

    mutating func u8(_ value: UInt8) { bytes.append(value) }

    mutating func u64(_ value: UInt64) {
        var shift = 56
        while shift >= 0 {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
            shift -= 8
        }
    }

    mutating func i64(_ value: Int64) { u64(UInt64(bitPattern: value)) }

    mutating func varint(_ value: Int) {
        var v = UInt64(max(0, value))
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func string(_ text: String) {
        varint(text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }

    /// A presence byte (0 or 1), then the string if present.
    mutating func optionalString(_ text: String?) {
        guard let text else { return u8(0) }
        u8(1)
        string(text)
    }

    mutating func raw(_ data: some Sequence<UInt8>) { bytes.append(contentsOf: data) }
}

/// Reads what `ByteFieldWriter` wrote; every read checks bounds and throws `ByteFieldError`.
struct ByteFieldReader {
    private let bytes: UnsafeRawBufferPointer
    private(set) var index = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var remaining: Int { bytes.count - index }

    mutating func u8() throws(ByteFieldError) -> UInt8 {
        guard index < bytes.count else { throw ByteFieldError(offset: index, reason: "ends early") }
        defer { index += 1 }
        return bytes[index]
    }

    mutating func u64() throws(ByteFieldError) -> UInt64 {
        guard remaining >= 8 else { throw ByteFieldError(offset: index, reason: "ends early") }
        var value: UInt64 = 0
        for i in index..<index + 8 { value = value << 8 | UInt64(bytes[i]) }
        index += 8
        return value
    }

    mutating func i64() throws(ByteFieldError) -> Int64 { Int64(bitPattern: try u64()) }

    mutating func varint() throws(ByteFieldError) -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try u8()
            guard shift < 63 else { throw ByteFieldError(offset: index, reason: "length too long") }
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { break }
            shift += 7
        }
        guard value <= UInt64(Int32.max) else { throw ByteFieldError(offset: index, reason: "length too large") }
        return Int(value)
    }

    mutating func take(_ count: Int) throws(ByteFieldError) -> [UInt8] {
        guard count >= 0, remaining >= count else { throw ByteFieldError(offset: index, reason: "ends early") }
        defer { index += count }
        return Array(bytes[index..<index + count])
    }

    /// Moves past `count` bytes. - Returns: where they started.
    mutating func skip(_ count: Int) throws(ByteFieldError) -> Int {
        guard count >= 0, remaining >= count else { throw ByteFieldError(offset: index, reason: "ends early") }
        defer { index += count }
        return index
    }

    mutating func string() throws(ByteFieldError) -> String {
        let data = try take(try varint())
        guard let text = String(validating: data, as: UTF8.self) else {
            throw ByteFieldError(offset: index, reason: "text is not UTF-8")
        }
        return text
    }

    mutating func optionalString() throws(ByteFieldError) -> String? {
        switch try u8() {
        case 0: return nil
        case 1: return try string()
        default: throw ByteFieldError(offset: index, reason: "bad presence byte")
        }
    }
}

/// A stored value that does not have the expected layout.
struct ByteFieldError: Error, Sendable, CustomStringConvertible {
    let offset: Int
    let reason: String

    var description: String { "malformed value at byte \(offset): \(reason)" }
}
