// The spelling data behind the syllable checker: rhymes, onsets and their rules, packed for
// fast look-up.

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
}
