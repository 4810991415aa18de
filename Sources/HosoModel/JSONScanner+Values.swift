extension JSONScanner {
    /// The text of a located string, with escapes resolved.
    ///
    /// - Throws: `RecordError` for a bad escape, a lone surrogate or invalid UTF-8.
    func string(_ span: StringSpan) throws(RecordError) -> String {
        if !span.escaped {
            guard let text = String(validUTF8: raw(span)) else {
                throw RecordError(field: nil, reason: "invalid UTF-8 in a string")
            }
            return text
        }
        var out: [UInt8] = []
        out.reserveCapacity(span.count)
        var position = span.start
        while position < span.end {
            let byte = bytes[position]
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                position += 1
                continue
            }
            guard position + 1 < span.end else { throw RecordError(field: nil, reason: "invalid escape in a string") }
            let code = bytes[position + 1]
            position += 2
            switch code {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(code)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4(at: position, end: span.end)
                position += 4
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    guard position + 6 <= span.end, bytes[position] == UInt8(ascii: "\\"),
                        bytes[position + 1] == UInt8(ascii: "u")
                    else { throw RecordError(field: nil, reason: "lone surrogate \\u\(String(scalar, radix: 16)) in a string") }
                    let low = try hex4(at: position + 2, end: span.end)
                    guard low >= 0xDC00 && low < 0xE000 else {
                        throw RecordError(field: nil, reason: "lone surrogate \\u\(String(scalar, radix: 16)) in a string")
                    }
                    position += 6
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if scalar >= 0xDC00 && scalar < 0xE000 {
                    throw RecordError(field: nil, reason: "lone surrogate \\u\(String(scalar, radix: 16)) in a string")
                }
                guard let unicode = Unicode.Scalar(scalar) else {
                    throw RecordError(field: nil, reason: "invalid \\u escape in a string")
                }
                out.append(contentsOf: UTF8.encode(unicode) ?? UTF8.EncodedScalar())
            default:
                throw RecordError(field: nil, reason: "invalid escape '\\\(Character(Unicode.Scalar(code)))' in a string")
            }
        }
        guard let text = out.withUnsafeBufferPointer({ String(validUTF8: $0) }) else {
            throw RecordError(field: nil, reason: "invalid UTF-8 in a string")
        }
        return text
    }

    private func hex4(at position: Int, end: Int) throws(RecordError) -> UInt32 {
        guard position + 4 <= end else { throw RecordError(field: nil, reason: "short \\u escape in a string") }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = bytes[position + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw RecordError(field: nil, reason: "invalid \\u escape in a string")
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// Reads an integer (after whitespace): optional minus, digits, no fraction or exponent.
    ///
    /// - Throws: `RecordError` if the next value is not a number, is not an integer, or does not
    ///   fit in 64 bits.
    mutating func integer() throws(RecordError) -> Int64 {
        skipWhitespace()
        let start = index
        let negative = consumeByte(UInt8(ascii: "-"))
        var value: Int64 = 0
        var digits = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            let digit = Int64(bytes[index] - UInt8(ascii: "0"))
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            if overflow1 || overflow2 { throw RecordError(field: nil, reason: "number out of range") }
            value = sum
            digits += 1
            index += 1
        }
        if digits == 0 {
            index = start
            throw RecordError(field: nil, reason: "expected an integer, got \(kindOfNext())")
        }
        if digits > 1 && bytes[start + (negative ? 1 : 0)] == UInt8(ascii: "0") {
            throw RecordError(field: nil, reason: "invalid JSON number (leading zero)")
        }
        if let next = peek(), next == UInt8(ascii: ".") || next == UInt8(ascii: "e") || next == UInt8(ascii: "E") {
            throw RecordError(field: nil, reason: "expected an integer, got a fractional number")
        }
        return value
    }

    /// Skips one JSON value of any kind, checking its syntax.
    ///
    /// - Parameter depth: how deeply the value is nested in the line.
    /// - Throws: `RecordError` for invalid JSON or nesting deeper than `maximumDepth`.
    mutating func skipValue(depth: Int = 1) throws(RecordError) {
        guard depth <= Self.maximumDepth else { throw syntaxError("nesting deeper than \(Self.maximumDepth)") }
        skipWhitespace()
        guard let byte = peek() else { throw syntaxError("expected a value") }
        switch byte {
        case UInt8(ascii: "\""):
            let span = try stringSpan()
            if span.escaped { _ = try string(span) }  // validates the escapes
        case UInt8(ascii: "{"):
            index += 1
            if consume(UInt8(ascii: "}")) { return }
            repeat {
                let span = try stringSpan()
                if span.escaped { _ = try string(span) }
                try expect(UInt8(ascii: ":"))
                try skipValue(depth: depth + 1)
            } while consume(UInt8(ascii: ","))
            try expect(UInt8(ascii: "}"))
        case UInt8(ascii: "["):
            index += 1
            if consume(UInt8(ascii: "]")) { return }
            repeat { try skipValue(depth: depth + 1) } while consume(UInt8(ascii: ","))
            try expect(UInt8(ascii: "]"))
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try skipNumber()
        default: throw syntaxError("expected a value")
        }
    }

    private mutating func literal(_ word: StaticString) throws(RecordError) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw syntaxError("expected a value") }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
            throw syntaxError("expected a value")
        }
        index += count
    }

    /// Skips a number per the JSON grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func skipNumber() throws(RecordError) {
        _ = consumeByte(UInt8(ascii: "-"))
        if consumeByte(UInt8(ascii: "0")) {
            // a single leading zero
        } else if try digitRun() == 0 {
            throw syntaxError("invalid number")
        }
        if consumeByte(UInt8(ascii: ".")), try digitRun() == 0 { throw syntaxError("invalid number") }
        if consumeByte(UInt8(ascii: "e")) || consumeByte(UInt8(ascii: "E")) {
            if !consumeByte(UInt8(ascii: "+")) { _ = consumeByte(UInt8(ascii: "-")) }
            if try digitRun() == 0 { throw syntaxError("invalid number") }
        }
    }

    /// Consumes `byte` if it is the very next byte (no whitespace skipped).
    mutating func consumeByte(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func digitRun() throws(RecordError) -> Int {
        let start = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
        return index - start
    }
}
