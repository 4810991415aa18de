// TCVN3 (TCVN 5712:1993, the ABC input method and .VnTime fonts): one byte per letter.

extension LegacyRepair {
    /// TCVN3 bytes 0xA0–0xFF, sixteen to a line (bytes below 0xA0 are ASCII or unassigned).
    ///
    /// Lower-case letters and the seven distinct capitals Ă Â Ê Ô Ơ Ư Đ are the encoding's core;
    /// 0xB0–0xB4 are the five tone marks on their own (combining); the sixteen capitals of the
    /// circumflex and breve vowels sit in the gaps (0xAF, 0xBA, 0xBF–0xC5, …). Other capitals were
    /// written with the upper-case .VnTimeH fonts, which reuse the lower-case bytes, so they decode
    /// to lower case unless the surrounding text is in capitals (see `decodeTCVN3`).
    static let tcvn3HighHalf: [Unicode.Scalar] = Array(
        ("\u{A0}ĂÂÊÔƠƯĐăâêôơưđẰ"
            + "\u{300}\u{309}\u{303}\u{301}\u{323}àảãáạẲằẳẵắẴ"
            + "ẮẦẨẪẤỀặầẩẫấậèỂẻẽ"
            + "éẹềểễếệìỉỄẾỒĩíịò"
            + "Ổỏõóọồổỗốộờởỡớợù"
            + "ỖủũúụừửữứựỳỷỹýỵỐ").unicodeScalars)

    /// The character a TCVN3 byte (as read through Windows-1252) stands for, or nil when the
    /// character is not a TCVN3 byte at or above 0xA1.
    @inline(__always) static func tcvn3Scalar(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        guard let byte = highWindows1252Byte(scalar), byte > 0xA0 else { return nil }
        return tcvn3HighHalf[Int(byte - 0xA0)]
    }

    /// Decodes one word of TCVN3-read-as-Windows-1252 text.
    ///
    /// - Parameters:
    ///   - word: the word's characters.
    ///   - capitals: whether the text is in capitals (typed with a .VnTimeH font), so decoded
    ///     letters are upper-cased. A word with an ASCII capital after its first letter and no
    ///     small ASCII letter ("HïNG") is upper-cased regardless.
    /// - Returns: the decoded characters and how strong the word's TCVN3 evidence is.
    static func decodeTCVN3(_ word: ArraySlice<Unicode.Scalar>, capitals: Bool) -> Decoded {
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(word.count)
        var strong = false
        var laterCapital = false
        var asciiLower = false
        var smallLatin = false
        var softHyphenAtEdge = false
        var previous: Unicode.Scalar?
        for index in word.indices {
            let scalar = word[index]
            if let decoded = tcvn3Scalar(scalar) {
                output.append(decoded)
                if scalar.value >= 0xDF && scalar.value <= 0xFF { smallLatin = true }
                let next = index + 1 < word.endIndex ? word[index + 1] : nil
                if scalar.value == 0xAD && (previous == nil || next == nil) {
                    // Beside another legacy letter (­íc = ước) it is ư; otherwise decided below.
                    if (previous ?? next).map({ $0.value >= 0x80 }) ?? false { strong = true } else { softHyphenAtEdge = true }
                } else if isStrongTCVN3Evidence(scalar, after: previous, before: next) {
                    strong = true
                }
            } else {
                output.append(scalar)
                if scalar.value >= 0x41 && scalar.value <= 0x5A && index > word.startIndex { laterCapital = true }
                if scalar.value >= 0x61 && scalar.value <= 0x7A { asciiLower = true }
            }
            previous = scalar
        }
        // A small accented letter inside a word in ASCII capitals ("PHó") is no European spelling.
        if laterCapital && !asciiLower && smallLatin { strong = true }
        // The soft hyphen is TCVN3's ư but also a stray invisible character. Inside a word (Tr­êng,
        // L­u) it is ư; at a word's edge it is ư only if the rest is no word by itself (Th­ = Thư,
        // but Lu­ is Lu with a stray hyphen).
        if softHyphenAtEdge && !isVietnameseSyllable(word.lazy.filter { $0.value != 0xAD }) { strong = true }
        if capitals || (laterCapital && !asciiLower) {
            for index in output.indices { output[index] = upperCased(output[index]) }
        }
        return Decoded(scalars: output, evidence: strong ? .strong : .weak)
    }

    /// Whether a TCVN3 character is unlikely in correctly decoded European text at this position:
    /// a symbol inside a word (¨ ª § µ ¸ …; for the soft hyphen see `decodeTCVN3`), a capital after a small letter (NguyÔn) or inside a
    /// word before a small one (TØnh), a small letter before a capital (HøA, NéI), ï/ë or ß after
    /// a consonant (Hïng, Hßa), or two accented letters in a row.
    static func isStrongTCVN3Evidence(
        _ scalar: Unicode.Scalar, after previous: Unicode.Scalar?, before next: Unicode.Scalar?
    ) -> Bool {
        let value = scalar.value
        if (value >= 0xA1 && value <= 0xBF) || value == 0xD7 || value == 0xF7 { return true }
        if value >= 0xDF, let next, next.value >= 0x41 && next.value <= 0x5A { return true }
        guard let previous else { return value == 0xDF }
        let before = previous.value
        let beforeIsLowerASCII = before >= 0x61 && before <= 0x7A
        let beforeIsLetter = beforeIsLowerASCII || (before >= 0x41 && before <= 0x5A)
        if value >= 0xC0 && value <= 0xDE && (beforeIsLowerASCII || (before >= 0xDF && before <= 0xFF)) {
            return true
        }
        if value >= 0xC0 && value <= 0xDE, let next, next.value >= 0x61 && next.value <= 0x7A { return true }
        if before >= 0xC0 && before <= 0xFF && before != 0xD7 && before != 0xF7 { return true }
        if value == 0xEF || value == 0xEB || value == 0xDF {
            return beforeIsLetter && !isASCIIVowel(before)
        }
        return false
    }

    @inline(__always) static func isASCIIVowel(_ value: UInt32) -> Bool {
        switch value | 0x20 {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: return true
        default: return false
        }
    }
}
