// The inverse of `LegacyRepair`: Vietnamese text mangled the way legacy systems mangled it, for
// synthetic data (`hoso generate`) and round-trip tests. The byte tables are the repair side's
// (`tcvn3HighHalf`, `vniMarkList`, `vniLetterList`, the Windows-1252 block), inverted once here,
// so the two directions cannot drift apart.

/// Encodes Vietnamese text as TCVN3 or VNI bytes read as Windows-1252, or as UTF-8 decoded twice.
public enum LegacyEncoder {
    /// `text` as a legacy system would have produced it.
    ///
    /// TCVN3: capitals other than Ă Â Ê Ô Ơ Ư Đ are written with the lower-case byte, as text typed
    /// with the upper-case .VnTimeH fonts is. VNI: a base
    /// letter then its mark bytes, in the letter's case. Double UTF-8: the UTF-8 bytes read as
    /// Windows-1252 once. Characters an encoding has no byte for (ŭ, ñ, emoji) are kept as they are.
    /// - Parameters:
    ///   - text: the text, in any normalisation form (it is composed first).
    ///   - encoding: the legacy encoding to produce.
    /// - Returns: the mangled text.
    public static func encode(_ text: String, as encoding: LegacyEncoding) -> String {
        switch encoding {
        case .doubleUTF8:
            var scalars = String.UnicodeScalarView()
            for byte in text.utf8 { scalars.append(LegacyRepair.windows1252Scalar(byte)) }
            return String(scalars)
        case .tcvn3:
            return singleByte(text) { scalar, output in tables.appendTCVN3(scalar, to: &output) }
        case .vni:
            return singleByte(text) { scalar, output in tables.appendVNI(scalar, to: &output) }
        }
    }

    /// Runs a per-character byte encoder over the composed text and reads the bytes back as
    /// Windows-1252; characters the encoder cannot write come back unchanged.
    private static func singleByte(
        _ text: String, _ append: (Unicode.Scalar, inout [UInt8]) -> Bool
    ) -> String {
        let composed = ICU.isNFC(text) ? text : ICU.nfc(text)
        var result = String.UnicodeScalarView()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4)
        for scalar in composed.unicodeScalars {
            if scalar.isASCII {
                result.append(scalar)
                continue
            }
            bytes.removeAll(keepingCapacity: true)
            if append(scalar, &bytes) {
                for byte in bytes { result.append(LegacyRepair.windows1252Scalar(byte)) }
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    static let tables = EncoderTables()
}

/// Reverse lookups from letters to legacy bytes, built once from `LegacyRepair`'s decode tables.
struct EncoderTables: Sendable {
    /// TCVN3 byte per precomposed scalar (the high half, without the lone tone marks and the
    /// toned capitals).
    private let tcvn3: [UInt32: UInt8]
    /// VNI mark byte (lower-case form) per `shape * 8 + tone`; zero where VNI has none.
    private let vniMarks: [UInt8]
    /// VNI whole-letter byte (lower-case form) per `code * 8 + tone`; zero where none.
    private let vniLetters: [UInt8]

    init() {
        var tcvn3: [UInt32: UInt8] = [:]
        for (offset, scalar) in LegacyRepair.tcvn3HighHalf.enumerated() where offset > 0 {
            let byte = UInt8(0xA0 + offset)
            // 0xB0–0xB4 are tone marks on their own: a composed letter never needs them.
            if LegacyRepair.combiningTone(scalar) != nil { continue }
            // Of the capitals only the seven of 0xA1–0xA7 (Ă Â Ê Ô Ơ Ư Đ) were typed with .VnTime;
            // toned capitals came from the .VnTimeH fonts, which use the lower-case bytes.
            if LegacyRepair.letterInfo(scalar).isUpper && !(0xA1...0xA7).contains(byte) { continue }
            if tcvn3[scalar.value] == nil { tcvn3[scalar.value] = byte }
        }
        self.tcvn3 = tcvn3
        var marks = [UInt8](repeating: 0, count: 32)
        for mark in LegacyRepair.vniMarkList {
            marks[Int(mark.shape.rawValue) * 8 + Int(mark.tone)] = mark.byte
        }
        vniMarks = marks
        var letters = [UInt8](repeating: 0, count: LegacyRepair.Code.limit * 8)
        for letter in LegacyRepair.vniLetterList {
            letters[Int(letter.code) * 8 + Int(letter.tone)] = letter.byte
        }
        vniLetters = letters
    }

    /// Appends the TCVN3 byte of one non-ASCII character.
    /// - Returns: false when TCVN3 has no byte for it.
    func appendTCVN3(_ scalar: Unicode.Scalar, to output: inout [UInt8]) -> Bool {
        if let byte = tcvn3[scalar.value] {
            output.append(byte)
            return true
        }
        let info = LegacyRepair.letterInfo(scalar)
        guard info.isLetter, info.isUpper,
            let lower = LegacyRepair.composeLetter(code: info.code, tone: info.tone, upper: false),
            let byte = tcvn3[lower.value]
        else { return false }
        output.append(byte)
        return true
    }

    /// Appends the VNI bytes of one non-ASCII character: a whole-letter byte, or a base letter
    /// followed by a shape-and-tone byte (circumflex, breve) or a tone byte.
    /// - Returns: false when VNI has no bytes for it.
    func appendVNI(_ scalar: Unicode.Scalar, to output: inout [UInt8]) -> Bool {
        let info = LegacyRepair.letterInfo(scalar)
        guard info.isLetter else { return false }
        let shift: UInt8 = info.isUpper ? 0x20 : 0
        let code = info.code
        let tone = info.tone
        if let byte = vniLetter(code, tone) {
            output.append(byte - shift)
            return true
        }
        if let byte = vniLetter(code, 0) {
            // ơ, ư: a letter byte of their own, then the tone.
            output.append(byte - shift)
            return appendVNIMark(.none, tone, shift: shift, to: &output)
        }
        let base: UInt8
        let shape: LegacyRepair.Shape
        switch code {
        case LegacyRepair.Code.aBreve: base = 1; shape = .breve
        case LegacyRepair.Code.aCircumflex: base = 1; shape = .circumflex
        case LegacyRepair.Code.eCircumflex: base = 5; shape = .circumflex
        case LegacyRepair.Code.oCircumflex: base = 15; shape = .circumflex
        case 1...26: base = code; shape = .none
        default: return false
        }
        output.append(base + 0x60 - shift)
        if shape == .none && tone == 0 { return true }
        return appendVNIMark(shape, tone, shift: shift, to: &output)
    }

    private func vniLetter(_ code: UInt8, _ tone: UInt8) -> UInt8? {
        let byte = vniLetters[Int(code) * 8 + Int(tone)]
        return byte == 0 ? nil : byte
    }

    private func appendVNIMark(
        _ shape: LegacyRepair.Shape, _ tone: UInt8, shift: UInt8, to output: inout [UInt8]
    ) -> Bool {
        if shape == .none && tone == 0 { return true }
        let byte = vniMarks[Int(shape.rawValue) * 8 + Int(tone)]
        guard byte != 0 else { return false }
        output.append(byte - shift)
        return true
    }
}
