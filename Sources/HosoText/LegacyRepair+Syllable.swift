// Is a word a plausible Vietnamese syllable? The yardstick that tells a legacy decoding from a
// false alarm: "NguyÔn" is not a syllable, "Nguyễn" is.

extension LegacyRepair {
    /// The longest word the checker considers ("nghiêng" has seven letters).
    static let maxSyllableLetters = 8

    /// Whether `word` spells one Vietnamese syllable: letters only (precomposed or with combining
    /// marks), at most one tone, lower-case, Capitalised or ALL CAPS, a known initial and rhyme,
    /// and no grave, hook or tilde on a syllable closed by c, ch, p, t or k.
    ///
    /// - Parameter word: the scalars of one word, without separators.
    /// - Returns: false for anything else, including digits and foreign letters.
    static func isVietnameseSyllable<Word: Sequence<Unicode.Scalar>>(_ word: Word) -> Bool {
        var key: UInt64 = 0
        var count = 0
        var lastCode: UInt8 = 0
        var tone: UInt8 = 0
        var tonePosition = 0
        var tones = 0
        var firstUpper = false
        var laterUpper = false
        var laterLower = false
        for scalar in word {
            let info = letterInfo(scalar)
            if info.isLetter {
                guard count < maxSyllableLetters else { return false }
                lastCode = info.code
                key |= UInt64(lastCode) << UInt64(6 * count)
                if count == 0 {
                    firstUpper = info.isUpper
                } else if info.isUpper {
                    laterUpper = true
                } else {
                    laterLower = true
                }
                if info.tone != 0 {
                    tones += 1
                    tone = info.tone
                    tonePosition = count
                }
                count += 1
            } else if let mark = combiningTone(scalar) {
                guard count > 0, Code.isVowel(lastCode) else { return false }
                tones += 1
                tone = mark
                tonePosition = count - 1
            } else if let shape = combiningShape(scalar) {
                guard count > 0, let shaped = shape.apply(to: lastCode) else { return false }
                let shift = UInt64(6 * (count - 1))
                key = (key & ~(63 << shift)) | UInt64(shaped) << shift
                lastCode = shaped
            } else {
                return false
            }
        }
        guard count > 0, tones <= 1 else { return false }
        if laterUpper && (laterLower || !firstUpper) { return false }
        return isSyllableShape(key: key, count: count, tone: tone, tonePosition: tonePosition)
    }

    /// Whether the packed letters split into a known onset and rhyme that agree on spelling and tone:
    /// the initial fits the vowel after it, a closed syllable (c, ch, p, t, k) has no grave, hook or
    /// tilde, and the tone is not on a final glide (the u of "au", the o of "ao" — only "uy" may
    /// carry it on its last letter).
    static func isSyllableShape(key: UInt64, count: Int, tone: UInt8, tonePosition: Int) -> Bool {
        let tables = syllableTables
        let shape = (count: count, tone: tone, tonePosition: tonePosition)
        if tables.fits(key, onsetLength: 0, rule: .free, shape) { return true }
        if count > 1, let rule = tables.singleOnsets[Int(key & 63)], tables.fits(key, onsetLength: 1, rule: rule, shape) {
            return true
        }
        for onset in tables.longOnsets where onset.length < count {
            let mask: UInt64 = (1 << UInt64(6 * onset.length)) - 1
            if key & mask == onset.key && tables.fits(key, onsetLength: onset.length, rule: onset.rule, shape) {
                return true
            }
        }
        return false
    }

    /// i, y, o, u: the letters that end a rhyme as a glide after another vowel.
    static func isGlide(_ code: UInt8) -> Bool {
        code == 9 || code == 25 || code == 15 || code == 21
    }

    /// Whether a packed rhyme ends in c, ch, p, t or k (such syllables take only acute or dot).
    static func endsInStop(rhyme: UInt64, length: Int) -> Bool {
        let last = UInt8(truncatingIfNeeded: (rhyme >> UInt64(6 * (length - 1))) & 63)
        switch last {
        case Code.ascii(UInt8(ascii: "c")), Code.ascii(UInt8(ascii: "p")), Code.ascii(UInt8(ascii: "t")),
            Code.ascii(UInt8(ascii: "k")):
            return true
        case Code.ascii(UInt8(ascii: "h")):
            guard length >= 2 else { return false }
            let before = UInt8(truncatingIfNeeded: (rhyme >> UInt64(6 * (length - 2))) & 63)
            return before == Code.ascii(UInt8(ascii: "c"))
        default:
            return false
        }
    }
}
