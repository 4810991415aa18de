// UTF-8 decoded twice: UTF-8 bytes read as Windows-1252 (or Latin-1) and written out again as
// UTF-8, so "ễ" (E1 BB 85) shows up as "á»…". Each layer is undone by turning the characters
// back into bytes and decoding the well-formed multi-byte sequences among them.

extension LegacyRepair {
    /// At most this many layers are undone (more would be a pathological input).
    static let maxDoubleUTF8Layers = 4

    /// One well-formed UTF-8 sequence found among characters read as Windows-1252.
    struct EncodedSequence {
        var start: Int
        var length: Int
        var scalar: Unicode.Scalar
    }

    /// Undoes one layer of double UTF-8 encoding.
    ///
    /// Every run of characters that map back to a well-formed multi-byte UTF-8 sequence is
    /// replaced by the character it encodes; everything else (ASCII, already-correct Vietnamese
    /// such as "ễ", stray bytes) is kept. The layer is accepted only on evidence: sequences worth
    /// at least 2 points, where a sequence that decodes to a letter or mark scores 2 and one that
    /// decodes to punctuation or a symbol scores 1; sequences decoding to C1 controls or to the IPA
    /// and modifier-letter blocks (what "Ê–" or "Ë…" in correct capitals would give) do not count.
    /// - Returns: the text with one layer undone, or nil when there is no layer to undo.
    static func undoDoubleUTF8(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        var sequences: [EncodedSequence] = []
        var score = 0
        var index = 0
        while index < scalars.count {
            if let sequence = encodedSequence(in: scalars, at: index) {
                sequences.append(sequence)
                score += weight(of: sequence)
                index += sequence.length
            } else {
                index += 1
            }
        }
        guard score >= 2 else { return nil }
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(scalars.count)
        var next = 0
        for sequence in sequences {
            appendWithLostNoBreakSpaces(scalars[next..<sequence.start], to: &output)
            output.append(sequence.scalar)
            next = sequence.start + sequence.length
        }
        appendWithLostNoBreakSpaces(scalars[next...], to: &output)
        return output
    }

    /// Copies characters, reading "Ã" followed by a space after a small letter or a word's first
    /// letter as "à" ("HoÃ ng", "HÃ  Ná»™i"): its second byte, 0xA0, decodes to a no-break space,
    /// which later processing often turned into a space. "NGÃ BA" in capitals is left alone.
    static func appendWithLostNoBreakSpaces(_ run: ArraySlice<Unicode.Scalar>, to output: inout [Unicode.Scalar]) {
        var index = run.startIndex
        while index < run.endIndex {
            let scalar = run[index]
            if scalar.value == 0xC3, index + 1 < run.endIndex, run[index + 1] == " ", endsWithWordStartOrSmallLetter(output) {
                output.append("à")
                index += 2
                continue
            }
            output.append(scalar)
            index += 1
        }
    }

    /// Whether `text` ends in a small letter, or in a letter that starts a word.
    static func endsWithWordStartOrSmallLetter(_ text: [Unicode.Scalar]) -> Bool {
        guard let last = text.last, last.properties.isAlphabetic else { return false }
        if last.properties.isLowercase { return true }
        guard text.count >= 2 else { return true }
        return !text[text.count - 2].properties.isAlphabetic
    }

    /// The well-formed multi-byte sequence starting at `start`, if the characters there map back
    /// to one and it decodes to a plausible character.
    static func encodedSequence(in scalars: [Unicode.Scalar], at start: Int) -> EncodedSequence? {
        guard let lead = highWindows1252Byte(scalars[start]) else { return nil }
        let length: Int
        var value: UInt32
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF:
            length = 3; value = UInt32(lead & 0x0F)
            if lead == 0xE0 { secondRange = 0xA0...0xBF }
            if lead == 0xED { secondRange = 0x80...0x9F }
        case 0xF0...0xF4:
            length = 4; value = UInt32(lead & 0x07)
            if lead == 0xF0 { secondRange = 0x90...0xBF }
            if lead == 0xF4 { secondRange = 0x80...0x8F }
        default: return nil
        }
        guard start + length <= scalars.count else { return nil }
        for offset in 1..<length {
            guard let byte = highWindows1252Byte(scalars[start + offset]) else { return nil }
            let range: ClosedRange<UInt8> = offset == 1 ? secondRange : 0x80...0xBF
            guard range.contains(byte) else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value), isPlausibleDecoded(scalar) else { return nil }
        return EncodedSequence(start: start, length: length, scalar: scalar)
    }

    /// Rejects what a chance match in correct text would decode to: IPA and modifier letters
    /// (except ˆ and ˜, which are Windows-1252 characters and so bytes of a further layer),
    /// private use and noncharacters.
    static func isPlausibleDecoded(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value >= 0x250 && value < 0x300 && value != 0x2C6 && value != 0x2DC { return false }
        if value >= 0xE000 && value < 0xF900 { return false }
        if value >= 0xFDD0 && value < 0xFDF0 { return false }
        if value & 0xFFFE == 0xFFFE { return false }
        return value < 0xF0000
    }

    /// How much a sequence says about the text being double-encoded: a C1 control nothing (0); a
    /// no-break space, punctuation or a symbol a little (1); a letter, a mark, or a Latin-1 symbol
    /// written as "Â" plus a symbol ("Â¹" — never seen in correct text) a lot (2).
    static func weight(of sequence: EncodedSequence) -> Int {
        let value = sequence.scalar.value
        if value < 0xA0 { return 0 }
        if value == 0xA0 { return 1 }
        if value < 0xC0 { return 2 }
        return isLetterLike(sequence.scalar) ? 2 : 1
    }

    /// Letters and combining marks count as strong evidence; punctuation and symbols as weak.
    static func isLetterLike(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
