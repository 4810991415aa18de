// Test-only encoders that produce legacy text the way old systems did: Vietnamese → TCVN3 / VNI
// bytes → read as Windows-1252; and UTF-8 → read as Windows-1252 → UTF-8 again. They are written
// independently of the decoders (row tables here, Foundation for decomposition and Windows-1252),
// so a typo in one side shows up as a failed round trip.

import Foundation
@testable import HosoText

enum LegacyEncoders {
    /// Tones in the order the rows below use them.
    static let toneMarks: [Unicode.Scalar] = ["\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"]

    /// TCVN3 bytes per vowel: level, grave, acute, hook, tilde, dot.
    static let tcvn3Rows: [String: [UInt8]] = [
        "a": [0x61, 0xB5, 0xB8, 0xB6, 0xB7, 0xB9],
        "ă": [0xA8, 0xBB, 0xBE, 0xBC, 0xBD, 0xC6],
        "â": [0xA9, 0xC7, 0xCA, 0xC8, 0xC9, 0xCB],
        "e": [0x65, 0xCC, 0xD0, 0xCE, 0xCF, 0xD1],
        "ê": [0xAA, 0xD2, 0xD5, 0xD3, 0xD4, 0xD6],
        "i": [0x69, 0xD7, 0xDD, 0xD8, 0xDC, 0xDE],
        "o": [0x6F, 0xDF, 0xE3, 0xE1, 0xE2, 0xE4],
        "ô": [0xAB, 0xE5, 0xE8, 0xE6, 0xE7, 0xE9],
        "ơ": [0xAC, 0xEA, 0xED, 0xEB, 0xEC, 0xEE],
        "u": [0x75, 0xEF, 0xF3, 0xF1, 0xF2, 0xF4],
        "ư": [0xAD, 0xF5, 0xF8, 0xF6, 0xF7, 0xF9],
        "y": [0x79, 0xFA, 0xFD, 0xFB, 0xFC, 0xFE],
    ]

    /// TCVN3's own capitals and đ.
    static let tcvn3Capitals: [String: UInt8] = [
        "Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7, "đ": 0xAE,
    ]

    /// A letter split into its base (with circumflex, breve or horn kept) and tone index 0–5.
    static func split(_ character: Character) -> (base: String, tone: Int) {
        var base = String.UnicodeScalarView()
        var tone = 0
        for scalar in String(character).decomposedStringWithCanonicalMapping.unicodeScalars {
            if let index = toneMarks.firstIndex(of: scalar) { tone = index + 1 } else { base.append(scalar) }
        }
        return (String(base).precomposedStringWithCanonicalMapping, tone)
    }

    /// Vietnamese text as TCVN3 bytes. Capitals with a tone (and, with `hFont`, every capital)
    /// use the lower-case byte, as text typed with the .VnTimeH fonts does.
    static func tcvn3(_ text: String, hFont: Bool = false) -> [UInt8] {
        var bytes: [UInt8] = []
        for character in text.precomposedStringWithCanonicalMapping {
            if character.isASCII {
                bytes.append(contentsOf: character.utf8)
                continue
            }
            if !hFont, let capital = tcvn3Capitals[String(character)] {
                bytes.append(capital)
                continue
            }
            let lower = Character(character.lowercased())
            if lower == "đ" {
                bytes.append(0xAE)
                continue
            }
            let (base, tone) = split(lower)
            guard let row = tcvn3Rows[base] else { fatalError("no TCVN3 code for \(character)") }
            bytes.append(row[tone])
        }
        return bytes
    }

    /// The text a TCVN3 round trip can give back: capitals written with lower-case bytes come back
    /// in lower case unless their word has an ASCII capital after its first letter and no small
    /// ASCII letter, or the text has no small ASCII letter and some word shows it is in capitals
    /// (a word with a small-coded letter and an ASCII capital after its first letter, or an ASCII
    /// syllable in capitals such as NINH).
    static func tcvn3Expected(_ text: String, hFont: Bool = false) -> String {
        let nfc = text.precomposedStringWithCanonicalMapping
        let words = nfc.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        let noSmall = !nfc.unicodeScalars.contains { $0.value >= 0x61 && $0.value <= 0x7A }
        func smallCoded(_ character: Character) -> Bool {
            !character.isASCII && (hFont || tcvn3Capitals[String(character)] == nil)
        }
        let textCaps = noSmall && words.contains { word in
            guard laterCapital(word) else { return false }
            if word.allSatisfy(\.isASCII) { return LegacyRepair.isVietnameseSyllable(word.unicodeScalars) }
            return word.contains(where: smallCoded)
        }
        var result = ""
        var word = ""
        func flush() {
            let caps = textCaps || (laterCapital(word) && !word.unicodeScalars.contains { $0.value >= 0x61 && $0.value <= 0x7A })
            for character in word {
                let keeps = !smallCoded(character) || !character.isUppercase
                result.append(keeps || caps ? String(character) : character.lowercased())
            }
            word = ""
        }
        for character in nfc {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else {
                flush()
                result.append(character)
            }
        }
        flush()
        return result
    }

    /// Whether a word has an ASCII capital after its first character.
    static func laterCapital(_ word: String) -> Bool {
        word.unicodeScalars.dropFirst().contains { $0.value >= 0x41 && $0.value <= 0x5A }
    }

    /// Vietnamese text as VNI-Windows bytes: base letter, then shape-and-tone byte(s).
    static func vni(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        for character in text.precomposedStringWithCanonicalMapping {
            if character.isASCII {
                bytes.append(contentsOf: character.utf8)
                continue
            }
            let upper = character.isUppercase
            let shift: UInt8 = upper ? 0x20 : 0
            let lower = Character(character.lowercased())
            if lower == "đ" {
                bytes.append(0xF1 - shift)
                continue
            }
            let (base, tone) = split(lower)
            switch base {
            case "i":
                // i with a tone is one byte: ì í ỉ ĩ ị = EC ED E6 F3 F2 (by tone index 1...5).
                let codes: [UInt8] = [0x69, 0xEC, 0xED, 0xE6, 0xF3, 0xF2]
                bytes.append(tone == 0 ? (upper ? 0x49 : 0x69) : codes[tone] - shift)
            case "ơ", "ư":
                bytes.append((base == "ơ" ? 0xF4 : 0xF6) - shift)
                if tone > 0 { bytes.append(vniToneBytes[tone] - shift) }
            case "â", "ê", "ô":
                bytes.append(asciiBase(base, upper: upper))
                bytes.append(vniCircumflexBytes[tone] - shift)
            case "ă":
                bytes.append(upper ? 0x41 : 0x61)
                bytes.append(vniBreveBytes[tone] - shift)
            default:
                bytes.append(asciiBase(base, upper: upper))
                if tone > 0 { bytes.append(vniToneBytes[tone] - shift) }
            }
        }
        return bytes
    }

    /// Tone bytes (index 1–5: grave, acute, hook, tilde, dot): ø ù û õ ï.
    static let vniToneBytes: [UInt8] = [0, 0xF8, 0xF9, 0xFB, 0xF5, 0xEF]
    /// Circumflex with tone 0–5: â à á å ã ä.
    static let vniCircumflexBytes: [UInt8] = [0xE2, 0xE0, 0xE1, 0xE5, 0xE3, 0xE4]
    /// Breve with tone 0–5: ê è é ú ü ë.
    static let vniBreveBytes: [UInt8] = [0xEA, 0xE8, 0xE9, 0xFA, 0xFC, 0xEB]

    static func asciiBase(_ base: String, upper: Bool) -> UInt8 {
        let plain = base.decomposedStringWithCanonicalMapping.unicodeScalars.first!.value
        return UInt8(plain) - (upper ? 0x20 : 0)
    }

    /// Bytes read as Windows-1252, with Foundation as the oracle; the five bytes it leaves
    /// undefined become the C1 control of the same value.
    static func windows1252(_ bytes: [UInt8]) -> String {
        var result = ""
        for byte in bytes {
            if [0x81, 0x8D, 0x8F, 0x90, 0x9D].contains(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += String(bytes: [byte], encoding: .windowsCP1252)!
            }
        }
        return result
    }

    /// UTF-8 read as Windows-1252 and stored again, `layers` times.
    static func doubleUTF8(_ text: String, layers: Int = 1) -> String {
        var result = text
        for _ in 0..<layers { result = windows1252(Array(result.utf8)) }
        return result
    }

    /// The mangled form of `text` in `encoding`.
    static func mangle(_ text: String, as encoding: String) -> String {
        switch encoding {
        case "tcvn3": return windows1252(tcvn3(text))
        case "tcvn3-h": return windows1252(tcvn3(text, hFont: true))
        case "vni": return windows1252(vni(text))
        case "double": return doubleUTF8(text)
        case "double2": return doubleUTF8(text, layers: 2)
        case "double3": return doubleUTF8(text, layers: 3)
        default: fatalError("unknown encoding \(encoding)")
        }
    }

    /// What a round trip through `encoding` must give back.
    static func expected(_ text: String, after encoding: String) -> String {
        let nfc = text.precomposedStringWithCanonicalMapping
        return encoding.hasPrefix("tcvn3") ? tcvn3Expected(nfc, hFont: encoding == "tcvn3-h") : nfc
    }
}
