// Words as the single-byte decoders see them: candidates a decoding could change, and the
// context around them.

extension LegacyRepair {
    /// A word that a single-byte decoding could change: only ASCII and Windows-1252 characters,
    /// at least one of them non-ASCII.
    struct CandidateWord {
        var range: Range<Int>
        /// Whether the word as it stands is already a Vietnamese syllable.
        var isSyllable: Bool
        /// A word of soft hyphens alone: TCVN3's ư in a TCVN3 text, stray invisible characters
        /// elsewhere, so never evidence either way.
        var isSoftHyphens = false
    }

    /// Whether a character separates words for the single-byte decoders.
    ///
    /// ASCII other than letters and digits, the C1 block and no-break space, the Windows-1252
    /// punctuation, apostrophe-like modifier letters and general punctuation separate; everything
    /// else — including the Latin-1 symbols TCVN3 uses as letters (¨ ª § µ …) — is part of a word.
    @inline(__always) static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return !isASCIIAlphanumeric(value) }
        if value <= 0xA0 { return true }
        if value < 0x2B0 { return false }
        switch value {
        case 0x02BB, 0x02BC, 0x02C6, 0x02DC, 0x2000...0x206F, 0x20AC, 0x2122, 0x2212, 0x3000, 0xFE58, 0xFE63,
            0xFEFF, 0xFF0D:
            return true
        default:
            return false
        }
    }

    /// Words outside the candidates: how many are Vietnamese syllables as they stand, how many not.
    struct Context {
        var syllables = 0
        var others = 0

        /// Whether the text around the candidates reads as Vietnamese.
        var isVietnamese: Bool { syllables >= 1 && syllables > others }
    }

    /// The words of a text as the single-byte decoders see them.
    struct WordScan {
        /// Words a single-byte decoding could change.
        var words: [CandidateWord] = []
        /// The other words that hold a letter.
        var context = Context()
        /// Whether the text is in capitals, as typed with a .VnTimeH font: no small ASCII letter
        /// anywhere, and either a candidate word with a small TCVN3 letter and an ASCII capital
        /// after its first letter ("NGUYÔN", "ãN") or a word in capitals that is a syllable
        /// ("NINH"). "Së GD&§T" decides nothing: Sở and an abbreviation.
        var capitals = false
    }

    /// Splits a text into words and sorts them into candidates and context.
    static func candidateWords(in scalars: [Unicode.Scalar]) -> WordScan {
        var scan = WordScan()
        var anyLower = false
        var capitalWord = false
        var start = -1
        var onlySoftHyphens = true
        var hasHigh = false
        var hasLetter = false
        var hasSmallTCVN3 = false
        var decodable = true
        var laterCapital = false
        for index in 0...scalars.count {
            let scalar: Unicode.Scalar = index < scalars.count ? scalars[index] : " "
            let value = scalar.value
            if value >= 0x61 && value <= 0x7A { anyLower = true }
            if isSeparator(scalar) {
                if start >= 0 {
                    let range = start..<index
                    let isSyllable = isVietnameseSyllable(scalars[range])
                    if hasHigh && decodable {
                        scan.words.append(CandidateWord(range: range, isSyllable: isSyllable, isSoftHyphens: onlySoftHyphens))
                        if laterCapital && hasSmallTCVN3 { capitalWord = true }
                    } else if hasLetter {
                        if isSyllable { scan.context.syllables += 1 } else { scan.context.others += 1 }
                        if isSyllable && laterCapital { capitalWord = true }
                    }
                }
                start = -1
                onlySoftHyphens = true
                hasHigh = false
                hasLetter = false
                hasSmallTCVN3 = false
                decodable = true
                laterCapital = false
                continue
            }
            if start < 0 { start = index }
            if value != 0xAD { onlySoftHyphens = false }
            if value >= 0x80 {
                if windows1252Byte(scalar) == nil { decodable = false } else { hasHigh = true }
                if let letter = tcvn3Scalar(scalar), letterInfo(letter).isLetter, !letterInfo(letter).isUpper {
                    hasSmallTCVN3 = true
                }
                hasLetter = true
            } else if value >= 0x41 {
                hasLetter = true
                if value <= 0x5A && index > start { laterCapital = true }
            }
        }
        scan.capitals = capitalWord && !anyLower
        return scan
    }
}
