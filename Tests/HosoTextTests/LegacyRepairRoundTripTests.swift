import Foundation
import Testing

@testable import HosoText

/// Vietnamese → legacy bytes (test-only encoders) → read as Windows-1252 → repair → the original.
@Suite struct LegacyRepairRoundTripTests {
    static let encodings = ["tcvn3", "vni", "double", "double2", "double3"]

    static func encodingName(_ encoding: String) -> LegacyEncoding {
        switch encoding {
        case "vni": return .vni
        case "tcvn3", "tcvn3-h": return .tcvn3
        default: return .doubleUTF8
        }
    }

    /// Whether no word of a mangled text is evidence of one encoding: every word is plain ASCII,
    /// already a Vietnamese syllable ("Vò" is TCVN3 for Vũ, and a word), or a syllable under both
    /// encodings ("VÓNH" is VNI for VĨNH and TCVN3 for VỂNH). Such text may be left as it is.
    static func readsAsVietnamese(_ text: String) -> Bool {
        text.split(whereSeparator: { !$0.isLetter }).allSatisfy { word in
            let scalars = ArraySlice(word.unicodeScalars)
            if word.allSatisfy(\.isASCII) || LegacyRepair.isVietnameseSyllable(scalars) { return true }
            let tcvn3 = LegacyRepair.decodeTCVN3(scalars, capitals: false).scalars
            let vni = LegacyRepair.decodeVNI(scalars).scalars
            func syllable(_ decoded: [Unicode.Scalar]) -> Bool {
                LegacyRepair.isVietnameseSyllable(String(String.UnicodeScalarView(decoded)).lowercased().unicodeScalars)
            }
            return syllable(tcvn3) && syllable(vni)
        }
    }

    /// Repairs the mangled form of each text and lists every text that did not come back. A
    /// mangled text that itself reads as correct Vietnamese may instead be left exactly as it is.
    static func failures(_ texts: [String], through encoding: String) -> [String] {
        var failures: [String] = []
        for text in texts {
            let mangled = LegacyEncoders.mangle(text, as: encoding)
            let expected = LegacyEncoders.expected(text, after: encoding)
            let repaired = LegacyRepair.repair(mangled)
            let mangledNFC = mangled.precomposedStringWithCanonicalMapping
            let encodingWanted = mangledNFC.utf8.elementsEqual(expected.utf8) ? nil : encodingName(encoding)
            if repaired.text.utf8.elementsEqual(expected.utf8) && repaired.encoding == encodingWanted { continue }
            if readsAsVietnamese(mangledNFC) && repaired.text.utf8.elementsEqual(mangledNFC.utf8) && repaired.encoding == nil {
                continue
            }
            failures.append("\(text) → \(mangled) → \(repaired.text) [\(repaired.encoding?.rawValue ?? "nil")]")
        }
        return failures
    }

    @Test(arguments: encodings)
    func namesPlacesAndTitlesComeBack(encoding: String) {
        let texts = LegacyCorpus.fullNames + LegacyCorpus.places + LegacyCorpus.titles
        let failed = Self.failures(texts, through: encoding)
        #expect(failed.isEmpty, "\(failed.count) of \(texts.count) did not round-trip through \(encoding):\n\(failed.prefix(30).joined(separator: "\n"))")
    }

    @Test(arguments: encodings + ["tcvn3-h"])
    func capitalsComeBack(encoding: String) {
        let texts = (LegacyCorpus.fullNames + LegacyCorpus.places + LegacyCorpus.titles).map { $0.uppercased() }
        let failed = Self.failures(texts, through: encoding)
        #expect(failed.isEmpty, "\(failed.count) of \(texts.count) capitalised texts did not round-trip through \(encoding):\n\(failed.prefix(30).joined(separator: "\n"))")
    }

    /// Every word of the corpus and every one of the 134 letters, in a sentence with other legacy words.
    @Test(arguments: encodings)
    func everyWordAndLetterComesBackInContext(encoding: String) {
        let words = LegacyCorpus.surnames + LegacyCorpus.middleNames + LegacyCorpus.givenNames
            + LegacyCorpus.syllables + LegacyCorpus.letterSyllables
        let texts = words.map { "Nguyễn Văn \($0)" } + words.map { "\($0) Thị Hương" }
        let failed = Self.failures(texts, through: encoding)
        #expect(failed.isEmpty, "\(failed.count) of \(texts.count) did not round-trip through \(encoding):\n\(failed.prefix(30).joined(separator: "\n"))")
    }

    @Test(arguments: encodings)
    func allLettersInOneTextComeBack(encoding: String) {
        let text = LegacyCorpus.letterSyllables.joined(separator: " ")
        let failed = Self.failures([text], through: encoding)
        #expect(failed.isEmpty, "\(failed.joined(separator: "\n"))")
    }

    /// The share of single words each encoding must repair on its own. A lone TCVN3 word whose
    /// only legacy letters are o/u-family letters that European text also has (Hå, Ngäc, Thñy,
    /// Vò) is not evidence enough, so TCVN3's floor is lower.
    static let singleWordFloor = ["tcvn3": 0.65, "vni": 0.85, "double": 0.95, "double2": 0.95, "double3": 0.95]

    /// A word on its own carries less evidence: it must come back, or be left exactly as it was —
    /// never turned into something else. Most must come back.
    @Test(arguments: encodings)
    func singleWordsAreRepairedOrLeftAlone(encoding: String) {
        let words = LegacyCorpus.surnames + LegacyCorpus.middleNames + LegacyCorpus.givenNames + LegacyCorpus.syllables
        var wrong: [String] = []
        var repaired = 0
        for word in words {
            let mangled = LegacyEncoders.mangle(word, as: encoding)
            let expected = LegacyEncoders.expected(word, after: encoding)
            let result = LegacyRepair.repair(mangled).text
            if result.utf8.elementsEqual(expected.utf8) {
                repaired += 1
            } else if !result.utf8.elementsEqual(mangled.precomposedStringWithCanonicalMapping.utf8) {
                wrong.append("\(word) → \(mangled) → \(result)")
            }
        }
        #expect(wrong.isEmpty, "wrongly repaired through \(encoding):\n\(wrong.joined(separator: "\n"))")
        let share = Double(repaired) / Double(words.count)
        let floor = Self.singleWordFloor[encoding] ?? 1
        #expect(share >= floor, "only \(repaired) of \(words.count) single words repaired through \(encoding)")
    }

    /// Text typed as VNI or TCVN3, then also double-encoded on the way in.
    @Test(arguments: ["tcvn3", "vni"])
    func legacyThenDoubleEncodedComesBack(encoding: String) {
        var failed: [String] = []
        for text in LegacyCorpus.fullNames.prefix(80) {
            let mangled = LegacyEncoders.doubleUTF8(LegacyEncoders.mangle(text, as: encoding))
            let repaired = LegacyRepair.repair(mangled)
            let expected = LegacyEncoders.expected(text, after: encoding)
            if !repaired.text.utf8.elementsEqual(expected.utf8) { failed.append("\(text) → \(mangled) → \(repaired.text)") }
        }
        #expect(failed.isEmpty, "\(failed.joined(separator: "\n"))")
    }

    @Test(arguments: ["tcvn3", "vni"])
    func rawBytesAreDecodedAsWindows1252(encoding: String) {
        for text in LegacyCorpus.fullNames.prefix(50) {
            let bytes = encoding == "vni" ? LegacyEncoders.vni(text) : LegacyEncoders.tcvn3(text)
            guard String(validating: bytes, as: UTF8.self) == nil else { continue }
            let repaired = LegacyRepair.repair(bytes: bytes)
            #expect(repaired.text == LegacyEncoders.expected(text, after: encoding), "bytes of \(text)")
            #expect(repaired.original == LegacyEncoders.windows1252(bytes))
            #expect(repaired.encoding == Self.encodingName(encoding))
        }
    }
}
