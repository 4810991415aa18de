/// First pass over a field value: validate, clean up, normalise to NFC, split into words.
///
/// Clean-up: soft hyphens and zero-width characters vanish; typographic apostrophes become `'`;
/// dashes, no-break and other spaces, and punctuation separate words; text with combining marks
/// (NFD or mixed input) is composed by ICU first. Word characters are letters, digits, marks,
/// and `'` / `&` inside a word (H'Hen, GD&ĐT).
struct TextScan {
    /// The largest field value accepted, in UTF-8 bytes.
    static let maxBytes = 16 * 1024

    private(set) var scalars: [Unicode.Scalar] = []
    private(set) var words: [Range<Int>] = []

    /// Validates a UTF-8 byte sequence and scans it.
    /// - Throws: `AnalysisError.invalidUTF8` with the byte offset, or any error of `init(_:)`.
    init(utf8 bytes: some Collection<UInt8>) throws(AnalysisError) {
        try self.init(TextScan.decode(utf8: bytes))
    }

    /// The text of a UTF-8 byte sequence, unchanged.
    /// - Throws: `AnalysisError.tooLong` beyond `maxBytes`, `.invalidUTF8` with the byte offset.
    static func decode(utf8 bytes: some Collection<UInt8>) throws(AnalysisError) -> String {
        if bytes.count > TextScan.maxBytes { throw .tooLong(bytes: bytes.count, limit: TextScan.maxBytes) }
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var text = String.UnicodeScalarView()
        var offset = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(s):
                text.append(s)
                offset += UTF8.width(s)
            case .emptyInput: break loop
            case .error: throw .invalidUTF8(offset: offset)
            }
        }
        return String(text)
    }

    /// Checks the size and the characters of raw input, before any repair touches it.
    /// - Throws: `AnalysisError.tooLong` or `.controlCharacter` naming the character offset.
    /// - Returns: whether the text holds combining marks (and so needs NFC).
    @discardableResult
    static func validate(_ text: String) throws(AnalysisError) -> Bool {
        let byteCount = text.utf8.count
        if byteCount > TextScan.maxBytes { throw .tooLong(bytes: byteCount, limit: TextScan.maxBytes) }
        var needsNFC = false
        var offset = 0
        for s in text.unicodeScalars {
            let v = s.value
            if v < 0x20 || (v >= 0x7F && v < 0xA0) {
                if v != 0x09, v != 0x0A, v != 0x0D { throw .controlCharacter(scalar: v, offset: offset) }
            } else if v >= 0x300 && v < 0x370 {
                needsNFC = true
            }
            offset += 1
        }
        return needsNFC
    }

    /// Scans `text`.
    /// - Throws: `AnalysisError.tooLong` or `.controlCharacter`.
    init(_ text: String) throws(AnalysisError) {
        let byteCount = text.utf8.count
        var source = text
        let needsNFC = try TextScan.validate(text)
        if needsNFC { source = ICU.nfc(text) }
        scalars.reserveCapacity(byteCount)
        var wordStart = -1
        let table = FoldTable.shared
        for s in source.unicodeScalars {
            switch TextScan.classify(s, table) {
            case .drop:
                continue
            case .word:
                if wordStart < 0 { wordStart = scalars.count }
                scalars.append(s)
            case .joiner(let replacement):
                if wordStart >= 0 { scalars.append(replacement) }
            case .separator:
                closeWord(&wordStart)
                scalars.append(" ")
            }
        }
        closeWord(&wordStart)
    }

    /// Ends the current word, trimming joiners (' &) from its ends and combining marks from its
    /// start: a mark with no letter before it has nothing to carry it (a word of marks alone
    /// would fold to an empty key; one joined after another word would not be NFC).
    private mutating func closeWord(_ start: inout Int) {
        guard start >= 0 else { return }
        var lo = start
        var hi = scalars.count
        while lo < hi, TextScan.isJoiner(scalars[lo]) || TextScan.isMark(scalars[lo]) { lo += 1 }
        while hi > lo, TextScan.isJoiner(scalars[hi - 1]) { hi -= 1 }
        if lo < hi { words.append(lo..<hi) }
        start = -1
    }

    static func isJoiner(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "&" }

    /// Whether `s` is a combining mark (Mn, Mc, Me).
    @inline(__always)
    static func isMark(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x300 { return false }
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    enum Class { case word, separator, drop, joiner(Unicode.Scalar) }

    @inline(__always)
    static func classify(_ s: Unicode.Scalar, _ table: FoldTable) -> Class {
        let v = s.value
        if v < 0x80 {
            switch v {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return .word
            case 0x27, 0x60: return .joiner("'")
            case 0x26: return .joiner("&")
            default: return .separator
            }
        }
        switch v {
        case 0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: return .drop
        case 0x2018, 0x2019, 0x02BC, 0x02BB, 0x2032, 0x00B4: return .joiner("'")
        default: break
        }
        if let entry = table.entry(s) { return entry.isWordPart ? .word : .separator }
        return s.properties.isAlphabetic ? .word : .separator
    }

    /// The words as scalar slices.
    func word(_ i: Int) -> ArraySlice<Unicode.Scalar> { scalars[words[i]] }
}
