// VNI-Windows (VNI-Times fonts): a base letter followed by one or two mark bytes.

extension LegacyRepair {
    /// VNI mark bytes in their lower-case form, with the shape and tone each adds to the vowel
    /// before it. The upper-case form of each byte is 0x20 lower (0xF8 ø → 0xD8 Ø).
    static let vniMarkList: [(byte: UInt8, shape: Shape, tone: UInt8)] = [
        (0xF8, .none, Tone.grave), (0xF9, .none, Tone.acute), (0xFB, .none, Tone.hook),
        (0xF5, .none, Tone.tilde), (0xEF, .none, Tone.dot),
        (0xE2, .circumflex, Tone.level), (0xE0, .circumflex, Tone.grave), (0xE1, .circumflex, Tone.acute),
        (0xE5, .circumflex, Tone.hook), (0xE3, .circumflex, Tone.tilde), (0xE4, .circumflex, Tone.dot),
        (0xEA, .breve, Tone.level), (0xE8, .breve, Tone.grave), (0xE9, .breve, Tone.acute),
        (0xFA, .breve, Tone.hook), (0xFC, .breve, Tone.tilde), (0xEB, .breve, Tone.dot),
    ]

    /// VNI bytes that are whole letters, lower-case form (upper-case is again 0x20 lower).
    static let vniLetterList: [(byte: UInt8, code: UInt8, tone: UInt8)] = [
        (0xF4, Code.oHorn, Tone.level), (0xF6, Code.uHorn, Tone.level), (0xF1, Code.dStroke, Tone.level),
        (0xEC, 9, Tone.grave), (0xED, 9, Tone.acute), (0xE6, 9, Tone.hook),
        (0xF3, 9, Tone.tilde), (0xF2, 9, Tone.dot),
    ]

    /// Per-byte VNI roles, built from the two lists above.
    struct VNITables: Sendable {
        /// Shape (low 4 bits) and tone (high 4 bits) + 1 for mark bytes; zero otherwise.
        var marks: [UInt8] = Array(repeating: 0, count: 256)
        /// `LetterInfo` raw values for letter bytes; zero otherwise.
        var letters: [UInt16] = Array(repeating: 0, count: 256)

        init() {
            for mark in vniMarkList {
                let packed = (mark.shape.rawValue | mark.tone << 4) &+ 1
                marks[Int(mark.byte)] = packed
                marks[Int(mark.byte - 0x20)] = packed
            }
            for letter in vniLetterList {
                letters[Int(letter.byte)] = LetterInfo(code: letter.code, tone: letter.tone, upper: false).raw
                letters[Int(letter.byte - 0x20)] = LetterInfo(code: letter.code, tone: letter.tone, upper: true).raw
            }
        }
    }

    static let vniTables = VNITables()

    /// The shape and tone a character adds as a VNI mark byte, if it is one.
    @inline(__always) static func vniMark(_ scalar: Unicode.Scalar) -> (shape: Shape, tone: UInt8)? {
        guard let byte = highWindows1252Byte(scalar) else { return nil }
        let packed = vniTables.marks[Int(byte)]
        guard packed != 0 else { return nil }
        let bits = packed &- 1
        return (Shape(rawValue: bits & 15) ?? .none, bits >> 4)
    }

    /// Decodes one word of VNI-read-as-Windows-1252 text.
    ///
    /// A vowel (a e i o u y, or the VNI letters ơ ư) takes up to two following mark bytes as long
    /// as they fit: one shape the vowel can carry and one tone, in the vowel's case (VNI writes
    /// "aø" and "AØ", never "aØ" — so "HoÃ" is not VNI).
    /// - Returns: the decoded characters and their evidence: strong when a mark is used where
    ///   European text would not put that accented letter, or a letter byte stands where it would
    ///   not (see `isStrongVNILetter`); weak for other letter bytes (Thò); trema-like when the only
    ///   marks are ï after a, e, o, u or ë after a (Phaïm, like Loïc).
    static func decodeVNI(_ word: ArraySlice<Unicode.Scalar>) -> Decoded {
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(word.count)
        var evidence = Evidence.trema
        var index = word.startIndex
        while index < word.endIndex {
            let scalar = word[index]
            index += 1
            var base = letterInfo(scalar)
            if base.isLetter && (base.tone != 0 || !Code.isVowel(base.code) || scalar.value >= 0x80) {
                base = LetterInfo(raw: 0)
            }
            if !base.isLetter, let byte = highWindows1252Byte(scalar) {
                let letter = LetterInfo(raw: vniTables.letters[Int(byte)])
                if letter.isLetter {
                    evidence = max(evidence, isStrongVNILetter(in: word, at: index - 1) ? .strong : .weak)
                    if letter.tone == 0 && Code.isVowel(letter.code) {
                        base = letter
                    } else {
                        output.append(composeLetter(code: letter.code, tone: letter.tone, upper: letter.isUpper) ?? scalar)
                        continue
                    }
                }
            }
            guard base.isLetter else {
                output.append(scalar)
                continue
            }
            var code = base.code
            var tone = Tone.level
            var shaped = code == Code.oHorn || code == Code.uHorn
            var marks = 0
            while marks < 2 && index < word.endIndex, let mark = vniMark(word[index]),
                (word[index].value >= 0xE0) != base.isUpper
            {
                if mark.shape != .none && shaped { break }
                if mark.tone != 0 && tone != 0 { break }
                guard let next = mark.shape.apply(to: code) else { break }
                if isStrongVNIMark(word[index], on: code) { evidence = .strong }
                code = next
                if mark.shape != .none { shaped = true }
                if mark.tone != 0 { tone = mark.tone }
                marks += 1
                index += 1
            }
            output.append(composeLetter(code: code, tone: tone, upper: base.isUpper) ?? scalar)
        }
        return Decoded(scalars: output, evidence: evidence)
    }

    /// Whether a VNI letter byte (ơ ư đ ỉ ĩ ị) sits where European text would not put that
    /// accented letter: next to another accented letter (Höông) or đ starting a word (Ñinh).
    static func isStrongVNILetter(in word: ArraySlice<Unicode.Scalar>, at index: Int) -> Bool {
        if index == word.startIndex && word[index].value | 0x20 == 0xF1 { return true }
        if index > word.startIndex && word[index - 1].value >= 0xC0 { return true }
        return index + 1 < word.endIndex && word[index + 1].value >= 0xC0
    }

    /// Whether a mark byte after `code` is unlike a European trema (Loïc, Raphaël).
    static func isStrongVNIMark(_ mark: Unicode.Scalar, on code: UInt8) -> Bool {
        switch mark.value | 0x20 {
        case 0xEF: return !(code == 1 || code == 5 || code == 15 || code == 21)
        case 0xEB: return code != 1
        default: return true
        }
    }
}
