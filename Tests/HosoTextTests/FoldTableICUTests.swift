@testable import HosoText
import Testing

/// The hot path works on tables built once from ICU; these tests recompute every key the slow
/// way, with ICU calls per character, over every Latin code point Vietnamese and minority
/// names use, and require the same answer.
@Suite struct FoldTableICUTests {
    /// Latin-1 letters, Latin Extended-A/B, Latin Extended Additional (all Vietnamese letters).
    static let latinLetters: [Unicode.Scalar] = {
        let ranges: [ClosedRange<UInt32>] = [0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF]
        return ranges.flatMap { $0 }.compactMap(Unicode.Scalar.init).filter { $0.properties.isAlphabetic }
    }()

    static let toneMarks: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323]

    /// ICU's answer for one letter: NFC(lower(NFD minus tone)), and the base letter.
    static func slowKeys(_ s: Unicode.Scalar) -> (toneless: String, folded: String, tone: Bool) {
        var decomposed = Array(ICU.nfd(ICU.lowercased(String(s))).unicodeScalars)
        if decomposed.first == "i" { decomposed.removeAll { $0.value == 0x307 } }
        let base = decomposed[0]
        let marks = decomposed.dropFirst()
        let tones = marks.filter { toneMarks.contains($0.value) }
        let others = marks.filter { !toneMarks.contains($0.value) }
        let hasTone = "aeiouy".unicodeScalars.contains(base) && tones.count == 1
            && others.allSatisfy { [0x302, 0x306, 0x31B].contains($0.value) }
        let kept = [base] + (hasTone ? others : Array(marks))
        let toneless = ICU.nfc(String(String.UnicodeScalarView(kept)))
        let folded = base.value == 0x111 ? "d" : String(base)
        return (toneless, folded, hasTone)
    }

    @Test func everyLatinLetterAgreesWithICU() {
        var mismatches: [String] = []
        for s in Self.latinLetters {
            let fast = WordKeys(String(s))
            let slow = Self.slowKeys(s)
            // Letters whose toneless form ICU cannot compose to one scalar keep their base.
            let tonelessOK = fast.toneless == slow.toneless || slow.toneless.unicodeScalars.count > 1
            if !tonelessOK || fast.folded != slow.folded || fast.hasTone != slow.tone {
                mismatches.append("U+\(String(s.value, radix: 16)) \(s): fast \(fast) slow \(slow)")
            }
        }
        #expect(mismatches.isEmpty, "fold table disagrees with ICU:\n\(mismatches.prefix(20).joined(separator: "\n"))")
        #expect(Self.latinLetters.count > 600)
    }

    @Test func exactKeyIsNFCOfLowerCase() {
        // For single letters the canonical placement is the letter itself.
        for s in Self.latinLetters {
            let fast = WordKeys(String(s))
            let slow = ICU.nfc(ICU.lowercased(String(s))).replacingDotAbove()
            #expect(fast.exact == slow, "U+\(String(s.value, radix: 16)): \(fast.exact) vs ICU \(slow)")
        }
    }

    @Test func nfdAndNFCInputGiveTheSameKeys() {
        let words = ["Nguyễn", "Trường", "Đặng", "Huỳnh", "Ayŭn", "Thủy", "Khỏe", "Quý", "Ngọc", "Hồ", "Ưng", "Ắt"]
        for w in words {
            #expect(WordKeys(ICU.nfd(w)) == WordKeys(w), "\(w)")
            #expect(WordKeys(w.uppercased()) == WordKeys(w), "\(w) in capitals")
        }
    }

    @Test(arguments: [
        ("Nguyễn", "nguyễn", "nguyên", "nguyen"),
        ("ĐẶNG", "đặng", "đăng", "dang"),
        ("Thuỷ", "thủy", "thuy", "thuy"),
        ("hoà", "hòa", "hoa", "hoa"),
        ("qúy", "quý", "quy", "quy"),
        ("Trừơng", "trường", "trương", "truong"),
        ("H’Hen", "h'hen", "h'hen", "hhen"),
        ("Ayŭn", "ayŭn", "ayŭn", "ayun"),
        ("khuỷu", "khuỷu", "khuyu", "khuyu"),
        ("giữ", "giữ", "giư", "giu"),
    ])
    func keysOfKnownWords(_ input: String, _ exact: String, _ toneless: String, _ folded: String) {
        let keys = WordKeys(input)
        #expect(keys.exact == exact)
        #expect(keys.toneless == toneless)
        #expect(keys.folded == folded)
    }
}

extension String {
    /// Lower-cased İ is i + U+0307; the analyser drops the dot, as the test's slow path does.
    func replacingDotAbove() -> String {
        String(String.UnicodeScalarView(unicodeScalars.filter { $0.value != 0x307 }))
    }
}
