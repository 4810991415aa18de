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
