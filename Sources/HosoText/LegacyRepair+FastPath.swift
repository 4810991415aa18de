// The clean-text shortcut: one pass over the UTF-8 bytes decides that a text needs nothing, which
// is the answer for almost every field of almost every record.

extension LegacyRepair {
    /// Whether `text` is certainly returned unchanged by the full pipeline.
    static func isClean(_ text: String) -> Bool {
        if let clean = text.utf8.withContiguousStorageIfAvailable({ isClean(bytes: $0) }) { return clean }
        var copy = text
        copy.makeContiguousUTF8()
        return copy.utf8.withContiguousStorageIfAvailable({ isClean(bytes: $0) }) ?? false
    }

    /// Whether UTF-8 `bytes` need neither clean-up nor repair.
    ///
    /// They do when they hold: a leading, trailing or doubled space; an ASCII control or backtick;
    /// any character the clean-up touches; a character outside the NFC-safe ranges; two characters
    /// that could be one double-encoded UTF-8 sequence; or a word made only of ASCII and
    /// Windows-1252 characters, with some of the latter, that is not a Vietnamese syllable (the
    /// only kind of word a TCVN3 or VNI decoding can be evidence for).
    static func isClean(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch isCleanASCII(bytes) {
        case .clean: return true
        case .dirty: return false
        case .notASCII: return isCleanText(bytes)
        }
    }

    enum ASCIIScan { case clean, dirty, notASCII }

    /// The tight loop for the commonest case, all-ASCII text: only spaces, control characters
    /// and backticks can need work.
    @inline(__always) static func isCleanASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> ASCIIScan {
        var afterSpace = true
        for byte in bytes {
            if byte > 0x20 && byte < 0x7F {
                if byte == 0x60 { return .dirty }
                afterSpace = false
            } else if byte == 0x20 {
                if afterSpace { return .dirty }
                afterSpace = true
            } else {
                return byte >= 0x80 ? .notASCII : .dirty
            }
        }
        return afterSpace && !bytes.isEmpty ? .dirty : .clean
    }

    /// The general scan, for text with non-ASCII characters.
    static func isCleanText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var index = 0
        var afterSpace = true
        var afterLeadByte = false
        var wordStart = -1
        var wordHasHigh = false
        var wordHasOther = false
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                afterLeadByte = false
                if isASCIIAlphanumeric(byte) {
                    if wordStart < 0 { wordStart = index }
                    afterSpace = false
                    index += 1
                    continue
                }
                if byte == 0x20 {
                    if afterSpace { return false }
                    afterSpace = true
                } else if byte < 0x20 || byte == 0x7F || byte == 0x60 {
                    return false
                } else {
                    afterSpace = false
                }
                if wordStart >= 0 {
                    if wordHasHigh && !wordHasOther && !isSyllable(bytes, wordStart..<index) { return false }
                    wordStart = -1
                    wordHasHigh = false
                    wordHasOther = false
                }
                index += 1
                continue
            }
            let (scalar, length) = decodeScalar(bytes, at: index)
            afterSpace = false
            if !isNFCSafe(scalar) || cleanupAction(scalar) != .keep { return false }
            let high = highWindows1252Byte(scalar)
            if let high {
                if afterLeadByte && high <= 0xBF { return false }
                afterLeadByte = high >= 0xC2 && high <= 0xF4
            } else {
                afterLeadByte = false
            }
            if isSeparator(scalar) {
                if wordStart >= 0 {
                    if wordHasHigh && !wordHasOther && !isSyllable(bytes, wordStart..<index) { return false }
                    wordStart = -1
                    wordHasHigh = false
                    wordHasOther = false
                }
            } else {
                if wordStart < 0 { wordStart = index }
                if high != nil { wordHasHigh = true } else { wordHasOther = true }
            }
            index += length
        }
        if afterSpace && count > 0 { return false }
        if wordStart >= 0 && wordHasHigh && !wordHasOther && !isSyllable(bytes, wordStart..<count) { return false }
        return true
    }

    @inline(__always) static func isASCIIAlphanumeric<T: BinaryInteger>(_ value: T) -> Bool {
        (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
    }

    /// Whether the UTF-8 word in `range` is a Vietnamese syllable.
    static func isSyllable(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        isVietnameseSyllable(UTF8Scalars(bytes: bytes, index: range.lowerBound, end: range.upperBound))
    }

    /// Decodes the scalar at `index` of well-formed UTF-8 (Swift strings always are); a malformed
    /// byte yields U+FFFD and a length of 1, so the scan still terminates.
    @inline(__always) static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
        default: return ("\u{FFFD}", 1)
        }
        guard index + length <= bytes.count else { return ("\u{FFFD}", 1) }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// The scalars of a slice of well-formed UTF-8.
    struct UTF8Scalars: Sequence, IteratorProtocol {
        let bytes: UnsafeBufferPointer<UInt8>
        var index: Int
        let end: Int

        mutating func next() -> Unicode.Scalar? {
            guard index < end else { return nil }
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                return Unicode.Scalar(byte)
            }
            let (scalar, length) = decodeScalar(bytes, at: index)
            index += length
            return scalar
        }
    }
}
