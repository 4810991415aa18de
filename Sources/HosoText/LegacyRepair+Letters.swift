// Vietnamese letters as (letter code, tone, case), shared by the syllable checker and the decoders.

extension LegacyRepair {
    /// Letter codes: 1–26 are `a`–`z`; the letters with a built-in mark follow.
    enum Code {
        static let aBreve: UInt8 = 27
        static let aCircumflex: UInt8 = 28
        static let eCircumflex: UInt8 = 29
        static let oCircumflex: UInt8 = 30
        static let oHorn: UInt8 = 31
        static let uHorn: UInt8 = 32
        static let dStroke: UInt8 = 33
        /// One past the largest code.
        static let limit = 34

        /// The code of an ASCII letter (either case).
        @inline(__always) static func ascii(_ byte: UInt8) -> UInt8 { (byte | 0x20) &- 0x60 }

        /// Whether `code` is one of the twelve vowels.
        @inline(__always) static func isVowel(_ code: UInt8) -> Bool {
            code < 64 && (vowelMask >> UInt64(code)) & 1 == 1
        }

        private static let vowelMask: UInt64 = {
            var mask: UInt64 = 0
            for code in [1, 5, 9, 15, 21, 25, 27, 28, 29, 30, 31, 32] as [UInt64] { mask |= 1 << code }
            return mask
        }()
    }

    /// Tones in the order the tables below use.
    enum Tone {
        static let level: UInt8 = 0
        static let grave: UInt8 = 1
        static let acute: UInt8 = 2
        static let hook: UInt8 = 3
        static let tilde: UInt8 = 4
        static let dot: UInt8 = 5
    }

    /// A mark that changes a letter's shape rather than its tone.
    enum Shape: UInt8, Sendable {
        case none, circumflex, breve, horn

        /// The letter `code` with this shape added, or nil when the letter cannot carry it.
        func apply(to code: UInt8) -> UInt8? {
            switch (self, code) {
            case (.none, _): return code
            case (.circumflex, 1): return Code.aCircumflex
            case (.circumflex, 5): return Code.eCircumflex
            case (.circumflex, 15): return Code.oCircumflex
            case (.breve, 1): return Code.aBreve
            case (.horn, 15): return Code.oHorn
            case (.horn, 21): return Code.uHorn
            default: return nil
            }
        }
    }

    /// The twelve vowels, lower-case, each with its tones in the order level, grave, acute, hook,
    /// tilde, dot. Upper-case forms are derived from Unicode's case mapping when the tables are built.
    static let vowelRows: [(code: UInt8, forms: String)] = [
        (1, "aàáảãạ"), (Code.aBreve, "ăằắẳẵặ"), (Code.aCircumflex, "âầấẩẫậ"),
        (5, "eèéẻẽẹ"), (Code.eCircumflex, "êềếểễệ"), (9, "iìíỉĩị"),
        (15, "oòóỏõọ"), (Code.oCircumflex, "ôồốổỗộ"), (Code.oHorn, "ơờớởỡợ"),
        (21, "uùúủũụ"), (Code.uHorn, "ưừứửữự"), (25, "yỳýỷỹỵ"),
    ]

    /// A decoded letter: code, tone and case packed in 16 bits; zero means "not a Vietnamese letter".
    struct LetterInfo: Equatable {
        var raw: UInt16

        init(raw: UInt16) { self.raw = raw }
        init(code: UInt8, tone: UInt8, upper: Bool) {
            raw = UInt16(code) | UInt16(tone) << 6 | (upper ? 1 << 9 : 0)
        }

        var isLetter: Bool { raw != 0 }
        var code: UInt8 { UInt8(truncatingIfNeeded: raw & 63) }
        var tone: UInt8 { UInt8(truncatingIfNeeded: (raw >> 6) & 7) }
        var isUpper: Bool { raw & (1 << 9) != 0 }
    }

    /// Lookup tables from scalars to letters and back, built once.
    struct LetterTables: Sendable {
        /// Indexed by scalar value below `latinLimit`.
        var latin: [UInt16]
        /// Indexed by scalar value minus `extendedStart` (the Vietnamese block U+1EA0–U+1EF9).
        var extended: [UInt16]
        /// Scalar values indexed by `(code * 6 + tone) * 2 + (upper ? 1 : 0)`; zero where none exists.
        var compose: [UInt32]

        static let latinLimit: UInt32 = 0x250
        static let extendedStart: UInt32 = 0x1EA0
        static let extendedEnd: UInt32 = 0x1EFA

        static func composeIndex(code: UInt8, tone: UInt8, upper: Bool) -> Int {
            (Int(code) * 6 + Int(tone)) * 2 + (upper ? 1 : 0)
        }

        init() {
            latin = Array(repeating: 0, count: Int(Self.latinLimit))
            extended = Array(repeating: 0, count: Int(Self.extendedEnd - Self.extendedStart))
            compose = Array(repeating: 0, count: Code.limit * 12)
            for byte in UInt8(ascii: "a")...UInt8(ascii: "z") {
                let code = Code.ascii(byte)
                record(Unicode.Scalar(byte), code: code, tone: 0, upper: false)
                record(Unicode.Scalar(byte - 0x20), code: code, tone: 0, upper: true)
            }
            record("đ", code: Code.dStroke, tone: 0, upper: false)
            record("Đ", code: Code.dStroke, tone: 0, upper: true)
            for row in vowelRows {
                for (tone, lower) in row.forms.unicodeScalars.enumerated() {
                    record(lower, code: row.code, tone: UInt8(tone), upper: false)
                    if let upper = lower.properties.uppercaseMapping.unicodeScalars.first, upper != lower {
                        record(upper, code: row.code, tone: UInt8(tone), upper: true)
                    }
                }
            }
        }

        private mutating func record(_ scalar: Unicode.Scalar, code: UInt8, tone: UInt8, upper: Bool) {
            let info = LetterInfo(code: code, tone: tone, upper: upper).raw
            let value = scalar.value
            if value < Self.latinLimit {
                latin[Int(value)] = info
            } else if value >= Self.extendedStart && value < Self.extendedEnd {
                extended[Int(value - Self.extendedStart)] = info
            }
            let index = Self.composeIndex(code: code, tone: tone, upper: upper)
            if compose[index] == 0 { compose[index] = value }
        }
    }

    static let letterTables = LetterTables()

    /// The Vietnamese letter a precomposed scalar stands for (zero info when it is none).
    @inline(__always) static func letterInfo(_ scalar: Unicode.Scalar) -> LetterInfo {
        let value = scalar.value
        if value < LetterTables.latinLimit { return LetterInfo(raw: letterTables.latin[Int(value)]) }
        if value >= LetterTables.extendedStart && value < LetterTables.extendedEnd {
            return LetterInfo(raw: letterTables.extended[Int(value - LetterTables.extendedStart)])
        }
        return LetterInfo(raw: 0)
    }

    /// The precomposed scalar for a letter, or nil when Unicode has none (e.g. a toned consonant).
    static func composeLetter(code: UInt8, tone: UInt8, upper: Bool) -> Unicode.Scalar? {
        guard Int(code) < Code.limit, tone < 6 else { return nil }
        let value = letterTables.compose[LetterTables.composeIndex(code: code, tone: tone, upper: upper)]
        return value == 0 ? nil : Unicode.Scalar(value)
    }

    /// The tone a combining mark adds, if it is one of the five Vietnamese tone marks.
    @inline(__always) static func combiningTone(_ scalar: Unicode.Scalar) -> UInt8? {
        switch scalar.value {
        case 0x300: return Tone.grave
        case 0x301: return Tone.acute
        case 0x309: return Tone.hook
        case 0x303: return Tone.tilde
        case 0x323: return Tone.dot
        default: return nil
        }
    }

    /// The shape a combining mark adds (circumflex, breve, horn), if it is one of those.
    @inline(__always) static func combiningShape(_ scalar: Unicode.Scalar) -> Shape? {
        switch scalar.value {
        case 0x302: return .circumflex
        case 0x306: return .breve
        case 0x31B: return .horn
        default: return nil
        }
    }

    /// `scalar` in upper case when it is a Vietnamese letter; otherwise `scalar` itself.
    static func upperCased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let info = letterInfo(scalar)
        guard info.isLetter, !info.isUpper else { return scalar }
        return composeLetter(code: info.code, tone: info.tone, upper: true) ?? scalar
    }
}
