/// Vietnamese syllable structure: where the tone mark goes, and composing it back.
///
/// One canonical placement makes old and new styles equal (hoà = hòa, thuỷ = thủy) and
/// repairs misplaced marks (qúy = quý): the tone is lifted off whichever vowel carried it and
/// put back by rule. The rule (the "old style", most common in personal names):
/// a vowel with a quality mark (ă â ê ô ơ ư) takes the tone, the last one when there are two
/// (ươ → ơ); otherwise, after a final consonant, the last vowel of the nucleus; otherwise
/// the first vowel of a one- or two-vowel nucleus (hòa, thủy, mùa) and the middle one of three
/// (ngoài, khuỷu). The u of qu- and the i of gi- belong to the initial.
enum Syllable {
    /// Lower-case toneless vowels, including minority-language breve vowels (ĕ ĭ ŏ ŭ).
    static func isVowel(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: true  // a e i o u y
        case 0xE2, 0xEA, 0xF4: true  // â ê ô
        case 0x103, 0x1A1, 0x1B0: true  // ă ơ ư
        case 0x115, 0x12D, 0x14F, 0x16D: true  // ĕ ĭ ŏ ŭ
        default: false
        }
    }

    /// Vowels that carry a quality mark and so attract the tone.
    static func hasQualityMark(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0xE2, 0xEA, 0xF4, 0x103, 0x1A1, 0x1B0, 0x115, 0x12D, 0x14F, 0x16D: true
        default: false
        }
    }

    /// The index in `letters` (lower-case, toneless) of the vowel that takes the tone,
    /// or nil when the word has no vowel.
    static func toneIndex<C: RandomAccessCollection>(_ letters: C) -> Int?
    where C.Element == Unicode.Scalar, C.Index == Int {
        let lo = letters.startIndex
        let n = letters.endIndex
        var start = lo
        while start < n, !isVowel(letters[start]) { start += 1 }
        guard start < n else { return nil }
        if start > lo, start + 1 < n, isVowel(letters[start + 1]) {
            let previous = letters[start - 1].value
            let current = letters[start].value
            if (previous == 0x71 && current == 0x75) || (previous == 0x67 && current == 0x69) {
                start += 1  // qu-, gi-
            }
        }
        var end = start
        while end < n, isVowel(letters[end]) { end += 1 }
        var marked: Int?
        for i in start..<end where hasQualityMark(letters[i]) { marked = i }
        if let marked { return marked }
        if end < n { return end - 1 }
        switch end - start {
        case 1, 2: return start
        default: return start + 1
        }
    }

    /// Toneless vowel + tone → precomposed scalar, built from ICU once.
    static let composeTable: [UInt32: Unicode.Scalar] = {
        var table: [UInt32: Unicode.Scalar] = [:]
        let vowels: [UInt32] = [0x61, 0x65, 0x69, 0x6F, 0x75, 0x79, 0xE2, 0xEA, 0xF4, 0x103, 0x1A1, 0x1B0,
                                0x115, 0x12D, 0x14F, 0x16D]
        for v in vowels {
            for tone in Tone.allCases where tone != .level {
                var text = String()
                text.unicodeScalars.append(Unicode.Scalar(v)!)
                text.unicodeScalars.append(tone.combiningMark!)
                let composed = Array(ICU.nfc(text).unicodeScalars)
                if composed.count == 1 { table[v << 3 | UInt32(tone.rawValue)] = composed[0] }
            }
        }
        return table
    }()

    /// Appends `vowel` carrying `tone` to `out`: one precomposed scalar when Unicode has one,
    /// otherwise the vowel followed by the combining tone mark.
    @inline(__always)
    static func appendToned(_ vowel: Unicode.Scalar, _ tone: Tone, to out: inout [Unicode.Scalar]) {
        if tone == .level {
            out.append(vowel)
        } else if let composed = composeTable[vowel.value << 3 | UInt32(tone.rawValue)] {
            out.append(composed)
        } else {
            out.append(vowel)
            out.append(tone.combiningMark!)
        }
    }
}
