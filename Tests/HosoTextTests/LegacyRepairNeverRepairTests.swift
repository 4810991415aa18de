import Foundation
import Testing

@testable import HosoText

/// Text that is already right must come back unchanged (NFC, apart from the clean-up).
@Suite struct LegacyRepairNeverRepairTests {
    static var correctTexts: [String] {
        LegacyCorpus.phrases + LegacyCorpus.letterSyllables + [LegacyCorpus.letterSyllables.joined(separator: " ")]
    }

    /// The forms correct text arrives in: NFC, NFD, capitals, small letters, accents dropped.
    static let forms = ["nfc", "nfd", "upper", "lower", "unaccented"]

    static func form(_ text: String, _ form: String) -> String {
        switch form {
        case "nfd": return text.decomposedStringWithCanonicalMapping
        case "upper": return text.uppercased()
        case "lower": return text.lowercased()
        case "unaccented":
            return text.applyingTransform(.stripDiacritics, reverse: false)?.replacingOccurrences(of: "đ", with: "d")
                .replacingOccurrences(of: "Đ", with: "D") ?? text
        default: return text
        }
    }

    @Test(arguments: forms)
    func correctVietnameseIsLeftAlone(form: String) {
        var changed: [String] = []
        for text in Self.correctTexts {
            let input = Self.form(text, form)
            let repaired = LegacyRepair.repair(input)
            let expected = input.precomposedStringWithCanonicalMapping
            if !repaired.text.utf8.elementsEqual(expected.utf8) || repaired.encoding != nil {
                changed.append("\(input) → \(repaired.text) [\(repaired.encoding?.rawValue ?? "nil")]")
            }
        }
        #expect(changed.isEmpty, "\(changed.count) correct texts (\(form)) were altered:\n\(changed.prefix(30).joined(separator: "\n"))")
    }

    @Test(arguments: LegacyCorpus.foreign)
    func foreignNamesAndIdentifiersAreLeftAlone(_ text: String) {
        let repaired = LegacyRepair.repair(text)
        #expect(repaired.text == text)
        #expect(repaired.encoding == nil)
        #expect(!repaired.changed)
        let upper = LegacyRepair.repair(text.uppercased())
        #expect(upper.text == text.uppercased())
        #expect(upper.encoding == nil)
    }

    /// Foreign names in one text still do not add up to evidence.
    @Test func foreignNamesTogetherAreLeftAlone() {
        let text = LegacyCorpus.foreign.joined(separator: " ")
        let repaired = LegacyRepair.repair(text)
        #expect(repaired.encoding == nil)
        #expect(repaired.text == text)
    }

    /// Already-correct text already in NFC costs the byte scan alone (Krông, outside standard
    /// spelling, takes the full pipeline and still comes back unchanged).
    @Test func cleanTextIsReturnedAsIs() {
        for text in LegacyCorpus.phrases where !text.contains("Krông") {
            #expect(LegacyRepair.isClean(text), "\(text) should pass the byte scan")
            let repaired = LegacyRepair.repair(text)
            #expect(!repaired.changed)
            #expect(repaired.original == text)
        }
    }

    /// The syllable checker accepts every word of the correct corpus that has a mark (only such
    /// words are ever weighed); minority-language names outside standard spelling are listed.
    @Test func syllableCheckerAcceptsTheCorpus() {
        let outsideStandardSpelling: Set<String> = ["krông", "pleiku"]
        var rejected: [String] = []
        let words = (LegacyCorpus.phrases + LegacyCorpus.letterSyllables).flatMap {
            $0.split(whereSeparator: { !$0.isLetter }).map(String.init)
        }
        for word in Set(words) where !word.allSatisfy(\.isASCII) {
            let forms = [word, word.lowercased(), word.uppercased(), word.decomposedStringWithCanonicalMapping]
            for form in forms where !LegacyRepair.isVietnameseSyllable(form.unicodeScalars) {
                if !outsideStandardSpelling.contains(word.lowercased()) { rejected.append(form) }
            }
        }
        #expect(rejected.isEmpty, "syllable checker rejects: \(rejected.sorted().joined(separator: ", "))")
    }

    @Test(arguments: ["NguyÔn", "V¨n", "Hïng", "Nguyeãn", "Huøng", "José", "Müller", "Mỹller", "HoỔng", "hŨa", "Tiếnn", "Ngkyễn", "Ghà", "Nghô", "Cì", "Qa", "Quu", "Hàc", "Sỡt", "Baù", "Laõ", "Quyù", "Höông"])
    func syllableCheckerRejectsNonSyllables(_ word: String) {
        #expect(!LegacyRepair.isVietnameseSyllable(word.unicodeScalars))
    }
}
