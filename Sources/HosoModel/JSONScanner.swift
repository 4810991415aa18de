/// A cursor over the UTF-8 bytes of one JSON text, with the primitives the record parser needs.
///
/// Errors carry no field (`RecordError.field == nil`); the record parser adds the field path.
/// Strings are located first (`stringSpan`) and only turned into `String` when wanted, so keys and
/// fixed-format values (dates, ids) are checked on the bytes.
struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index: Int = 0

    /// Unknown values nested deeper than this are rejected (keeps recursion bounded).
    static let maximumDepth = 64

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The located body of a JSON string, between its quotes.
    struct StringSpan {
        var start: Int
        var end: Int
        /// Whether the body contains a backslash escape.
        var escaped: Bool
        var count: Int { end - start }
    }

    var isAtEnd: Bool { index >= bytes.count }

    /// The next byte, or `nil` at the end.
    @inline(__always)
    func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    @inline(__always)
    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// Consumes `byte` if it is next (after whitespace).
    ///
    /// - Returns: whether it was consumed.
    @inline(__always)
    mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Consumes `byte` (after whitespace) or throws.
    ///
    /// - Throws: `RecordError` naming what was expected and what was found.
    @inline(__always)
    mutating func expect(_ byte: UInt8) throws(RecordError) {
        guard consume(byte) else { throw syntaxError("expected '\(Character(Unicode.Scalar(byte)))'") }
    }

    /// A "not valid JSON" error at the current position.
    func syntaxError(_ what: String) -> RecordError {
        let found: String
        if let byte = peek() {
            found = byte >= 0x20 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
        } else {
            found = "end of line"
        }
        return RecordError(field: nil, reason: "invalid JSON at byte \(index + 1): \(what), found \(found)")
    }

    /// The JSON kind of the next value, for "expected a string, got a number" messages.
    func kindOfNext() -> String {
        guard let byte = peek() else { return "end of line" }
        return switch byte {
        case UInt8(ascii: "\""): "a string"
        case UInt8(ascii: "{"): "an object"
        case UInt8(ascii: "["): "an array"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): "a boolean"
        case UInt8(ascii: "n"): "null"
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): "a number"
        default: "invalid JSON"
        }
    }

    /// Consumes `null` if it is next (after whitespace).
    mutating func consumeNull() -> Bool {
        skipWhitespace()
        guard index + 4 <= bytes.count, bytes[index] == UInt8(ascii: "n"), bytes[index + 1] == UInt8(ascii: "u"),
            bytes[index + 2] == UInt8(ascii: "l"), bytes[index + 3] == UInt8(ascii: "l")
        else { return false }
        index += 4
        return true
    }

    /// Locates the string that starts at the current position (after whitespace).
    ///
    /// - Returns: the span of its body; the cursor is left after the closing quote.
    /// - Throws: `RecordError` if the next value is not a string, or the string is unterminated or
    ///   holds a raw control character.
    mutating func stringSpan() throws(RecordError) -> StringSpan {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let base = bytes.baseAddress else {
            throw syntaxError("expected a string")
        }
        index += 1
        let start = index
        let count = bytes.count
        var escaped = false
        while true {
            // Eight bytes at a time while none is a quote, a backslash or a control character.
            while index + 8 <= count, !Self.hasSpecialByte(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
            }
            guard index < count else { break }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let span = StringSpan(start: start, end: index, escaped: escaped)
                index += 1
                return span
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
                index += 2
            } else if byte < 0x20 {
                throw syntaxError("control character in a string")
            } else {
                index += 1
            }
        }
        index = count
        throw syntaxError("unterminated string")
    }

    /// Whether any byte of `word` is `"`, `\` or below 0x20 (exact; SWAR zero-byte tests).
    @inline(__always)
    static func hasSpecialByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let hasQuote = (quote &- ones) & ~quote & high
        let hasBackslash = (backslash &- ones) & ~backslash & high
        let hasControl = (word &- ones &* 0x20) & ~word & high
        return hasQuote | hasBackslash | hasControl != 0
    }

    /// The bytes of a span with no escapes.
    @inline(__always)
    func raw(_ span: StringSpan) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
    }

    /// Whether the span's body equals `literal` byte for byte.
    @inline(__always)
    func spanEquals(_ span: StringSpan, _ literal: StaticString) -> Bool {
        guard !span.escaped, span.count == literal.utf8CodeUnitCount else { return false }
        let pointer = literal.utf8Start
        for offset in 0..<span.count where bytes[span.start + offset] != pointer[offset] { return false }
        return true
    }
}
