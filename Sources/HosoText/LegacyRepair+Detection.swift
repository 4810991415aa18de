// Choosing between TCVN3, VNI and "leave it alone", word by word, on evidence.

extension LegacyRepair {
    /// How strongly a word's legacy characters speak for an encoding.
    enum Evidence: Int, Comparable, Sendable {
        /// Only trema-like VNI marks (Phaïm could be a French name with ï).
        case trema
        /// Accented letters where European text could have them (Hå, Ngäc, Thò).
        case weak
        /// A pattern correct European text does not show (NguyÔn, V¨n, Huøng, Höông).
        case strong

        static func < (lhs: Evidence, rhs: Evidence) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// One word decoded under a candidate encoding.
    struct Decoded {
        var scalars: [Unicode.Scalar]
        var evidence: Evidence
    }

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

    /// How well one encoding explains the text.
    struct Verdict {
        var encoding: LegacyEncoding
        /// Decoded words (nil where the decoding changes nothing or is not applied).
        var replacements: [[Unicode.Scalar]?]
        /// Evidence for: words that become syllables (see `repairSingleByte`).
        var support: Int
        /// Evidence against: syllables the decoding would turn into non-syllables (2 each).
        var damage: Int
        /// Whether the support includes a strong word, a Vietnamese context or enough weak words.
        var decisive = false

        var isConvincing: Bool { decisive && support >= 2 && support > damage }
        var margin: Int { support - damage }
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

    /// Decodes the words of a text that are TCVN3 or VNI read as Windows-1252, if the evidence says so.
    ///
    /// Each candidate word is decoded under both encodings. An encoding gains support for each word
    /// it turns from a non-syllable into a syllable, unless the other encoding does so too (Thuû is
    /// TCVN3 for Thuỷ and VNI for Thủ: that word decides nothing). A word with strong evidence
    /// scores 2; a weak or trema-like one scores 2 when the rest of the text reads as Vietnamese
    /// (more syllables than other words), else 1. The encoding takes damage (2 points) for each
    /// syllable it would spoil. It wins with at least 2 points, more support than damage, and one
    /// of: a strong word, a Vietnamese context, two weak words, three weak or trema-like words (two
    /// French names, Loïc Naïm, are not enough). A tie between the encodings repairs nothing. The
    /// winner then decodes every word that becomes a syllable, and words with strong evidence even
    /// when they do not (abbreviations like §HQG).
    /// - Returns: the encoding and the repaired text, or nil when nothing should change.
    static func repairSingleByte(_ scalars: [Unicode.Scalar]) -> (encoding: LegacyEncoding, scalars: [Unicode.Scalar])? {
        let scan = candidateWords(in: scalars)
        guard scan.words.contains(where: { !$0.isSyllable }) else { return nil }
        let tcvn3 = scan.words.map { reading(decodeTCVN3(scalars[$0.range], capitals: scan.capitals), of: scalars[$0.range]) }
        let vni = scan.words.map { reading(decodeVNI(scalars[$0.range]), of: scalars[$0.range]) }
        let verdicts = [
            verdict(.tcvn3, readings: tcvn3, rival: vni, scan: scan),
            verdict(.vni, readings: vni, rival: tcvn3, scan: scan),
        ].filter(\.isConvincing)
        guard let best = verdicts.max(by: { $0.margin < $1.margin }) else { return nil }
        if verdicts.count == 2 && verdicts[0].margin == verdicts[1].margin { return nil }
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(scalars.count)
        var next = 0
        var changed = false
        for (word, replacement) in zip(scan.words, best.replacements) {
            guard let replacement else { continue }
            output.append(contentsOf: scalars[next..<word.range.lowerBound])
            output.append(contentsOf: replacement)
            next = word.range.upperBound
            changed = true
        }
        guard changed else { return nil }
        output.append(contentsOf: scalars[next...])
        return (best.encoding, output)
    }

    /// One candidate word as one encoding reads it.
    struct Reading {
        /// The decoded word, or nil when the encoding leaves it as it is.
        var scalars: [Unicode.Scalar]?
        var evidence: Evidence
        var isSyllable: Bool
    }

    static func reading(_ decoded: Decoded, of original: ArraySlice<Unicode.Scalar>) -> Reading {
        if decoded.scalars.elementsEqual(original) { return Reading(scalars: nil, evidence: .trema, isSyllable: false) }
        return Reading(scalars: decoded.scalars, evidence: decoded.evidence, isSyllable: isVietnameseSyllable(decoded.scalars))
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

    /// Scores one encoding over the candidate words and records which words it would replace.
    static func verdict(_ encoding: LegacyEncoding, readings: [Reading], rival: [Reading], scan: WordScan) -> Verdict {
        var result = Verdict(encoding: encoding, replacements: [], support: 0, damage: 0)
        result.replacements.reserveCapacity(scan.words.count)
        var context = scan.context
        var strong = 0
        var weak = 0
        var trema = 0
        for (index, word) in scan.words.enumerated() {
            let reading = readings[index]
            guard let decoded = reading.scalars else {
                result.replacements.append(nil)
                if word.isSyllable { context.syllables += 1 } else { context.others += 1 }
                continue
            }
            if word.isSoftHyphens {
                result.replacements.append(reading.isSyllable ? decoded : nil)
                continue
            }
            switch (word.isSyllable, reading.isSyllable) {
            case (false, true):
                let contested = rival[index].scalars != nil && rival[index].isSyllable
                if !contested {
                    switch reading.evidence {
                    case .strong: strong += 1
                    case .weak: weak += 1
                    case .trema: trema += 1
                    }
                }
            case (true, true):
                context.syllables += 1
            case (true, false):
                result.damage += 2
                context.syllables += 1
            case (false, false):
                context.others += 1
            }
            let apply = reading.isSyllable || (!word.isSyllable && reading.evidence == .strong)
            result.replacements.append(apply ? decoded : nil)
        }
        let vietnamese = context.isVietnamese
        result.support = strong * 2 + (weak + trema) * (vietnamese ? 2 : 1)
        result.decisive = strong > 0 || vietnamese || weak >= 2 || weak + trema >= 3
        return result
    }
}
