// Is a word a plausible Vietnamese syllable? The yardstick that tells a legacy decoding from a
// false alarm: "NguyÔn" is not a syllable, "Nguyễn" is.

extension LegacyRepair {
    /// Every rhyme (vowel nucleus plus final) of standard Vietnamese spelling, without tone, plus
    /// the `k` finals of Central Highlands place names (Đắk Lắk). Vowel-only syllables are listed
    /// as rhymes too (`a`, `ơ`, `ia`, …).
    static let rhymeList = """
        a ac ach ai ak am an ang anh ao ap at au ay \
        ăc ăk ăm ăn ăng ăp ăt \
        âc âm ân âng âp ât âu ây \
        e ec em en eng eo ep et \
        ê êch êm ên ênh êp êt êu \
        i ia ich im in inh ip it iu \
        iêc iêm iên iêng iêp iêt iêu \
        o oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt \
        oc oe oec oem oen oeo oet oi om on ong ooc oong op ot \
        ô ôc ôi ôm ôn ông ôp ôt \
        ơ ơi ơm ơn ơp ơt \
        u ua uân uâng uât uây uc uê uêch uênh ui um un ung uơ uôc uôi uôm uôn uông uôt up ut \
        uy uya uych uyên uyêt uynh uyt uyu \
        ư ưa ưc ưi ưm ưn ưng ươc ươi ươm ươn ương ươp ươt ươu ưt ưu \
        y yêm yên yêng yêt yêu
        """

    /// Initial consonants, with the spelling rule each obeys about the vowel that follows.
    static let onsetList: [(spelling: String, rule: OnsetRule)] = [
        ("ngh", .beforeFront), ("ch", .free), ("gh", .beforeFront), ("gi", .notBeforeI), ("kh", .free),
        ("ng", .notBeforeFront), ("nh", .free), ("ph", .free), ("qu", .notBeforeUO), ("th", .free),
        ("tr", .free), ("b", .free), ("c", .notBeforeFrontOrY), ("d", .free), ("đ", .free),
        ("g", .notBeforeE), ("h", .free), ("k", .free), ("l", .free), ("m", .free),
        ("n", .free), ("p", .free), ("q", .beforeU), ("r", .free), ("s", .free), ("t", .free),
        ("v", .free), ("x", .free), ("", .free),
    ]

    /// What may follow an initial consonant (c/k, g/gh, ng/ngh and q are spelled by the next vowel).
    enum OnsetRule: Sendable {
        case free, beforeFront, notBeforeFront, notBeforeFrontOrY, notBeforeE, notBeforeI
        case beforeU, notBeforeUO

        func allows(_ first: UInt8) -> Bool {
            let front = first == 5 || first == Code.eCircumflex || first == 9
            switch self {
            case .free: return true
            case .beforeFront: return front
            case .notBeforeFront: return !front
            case .notBeforeFrontOrY: return !front && first != 25
            case .notBeforeE: return first != 5 && first != Code.eCircumflex
            case .notBeforeI: return first != 9
            case .beforeU: return first == 21
            case .notBeforeUO: return first != 21 && first != 15
            }
        }
    }

    /// Onsets and rhymes packed six bits per letter, first letter lowest.
    struct SyllableTables: Sendable {
        /// Rules of the one-letter onsets, indexed by letter code (nil: not an onset).
        var singleOnsets: [OnsetRule?] = Array(repeating: nil, count: 64)
        /// Onsets of two or three letters.
        var longOnsets: [(key: UInt64, length: Int, rule: OnsetRule)] = []
        /// Open-addressed hash set of rhyme keys (zero marks an empty slot; keys are never zero),
        /// with a multiplicative hash: cheaper than `Set`'s seeded hashing on this hot path.
        var rhymeSlots: [UInt64] = Array(repeating: 0, count: SyllableTables.rhymeSlotCount)
        static let rhymeSlotCount = 1024
        /// The one rhyme whose last letter takes the tone after another vowel (thủy / thuỷ).
        var uy: UInt64 = 0

        init() {
            for (spelling, rule) in onsetList {
                guard let packed = Self.pack(spelling) else { continue }
                switch packed.length {
                case 0: continue
                case 1: singleOnsets[Int(packed.key)] = rule
                default: longOnsets.append((packed.key, packed.length, rule))
                }
            }
            for rhyme in rhymeList.split(separator: " ") {
                if let packed = Self.pack(String(rhyme)) { insertRhyme(packed.key) }
            }
            uy = Self.pack("uy")?.key ?? 0
        }

        /// Whether the letters after an onset of `onsetLength` letters form a rhyme that the
        /// onset's spelling rule, the tone and the tone's position allow.
        func fits(
            _ key: UInt64, onsetLength: Int, rule: OnsetRule, _ shape: (count: Int, tone: UInt8, tonePosition: Int)
        ) -> Bool {
            let length = shape.count - onsetLength
            guard length >= 1 && length <= 5 else { return false }
            let rhyme = key >> UInt64(6 * onsetLength)
            guard containsRhyme(rhyme), rule.allows(UInt8(truncatingIfNeeded: rhyme & 63)) else { return false }
            let tone = shape.tone
            if tone == Tone.grave || tone == Tone.hook || tone == Tone.tilde {
                if endsInStop(rhyme: rhyme, length: length) { return false }
            }
            if tone != 0 && shape.tonePosition == shape.count - 1 && length >= 2 && rhyme != uy {
                let last = UInt8(truncatingIfNeeded: rhyme >> UInt64(6 * (length - 1)))
                let before = UInt8(truncatingIfNeeded: (rhyme >> UInt64(6 * (length - 2))) & 63)
                if isGlide(last) && Code.isVowel(before) { return false }
            }
            return true
        }

        @inline(__always) static func slot(of key: UInt64) -> Int {
            Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 54)
        }

        private mutating func insertRhyme(_ key: UInt64) {
            var slot = Self.slot(of: key)
            while rhymeSlots[slot] != 0 && rhymeSlots[slot] != key { slot = (slot + 1) & (Self.rhymeSlotCount - 1) }
            rhymeSlots[slot] = key
        }

        /// Whether `key` is a known rhyme.
        @inline(__always) func containsRhyme(_ key: UInt64) -> Bool {
            var slot = Self.slot(of: key)
            while true {
                let stored = rhymeSlots[slot]
                if stored == key { return true }
                if stored == 0 { return false }
                slot = (slot + 1) & (Self.rhymeSlotCount - 1)
            }
        }

        /// Packs a lower-case spelling; nil if it holds anything but Vietnamese letters.
        static func pack(_ spelling: String) -> (key: UInt64, length: Int)? {
            var key: UInt64 = 0
            var length = 0
            for scalar in spelling.unicodeScalars {
                let info = letterInfo(scalar)
                guard info.isLetter else { return nil }
                key |= UInt64(info.code) << UInt64(6 * length)
                length += 1
            }
            return (key, length)
        }
    }

    static let syllableTables = SyllableTables()

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
