import Foundation
import Testing

@testable import HosoText

/// `LegacyEncoder` (built from the repair tables) against the independent test-only encoders of
/// `LegacyEncoders`, and through `LegacyRepair` back to the original.
@Suite struct LegacyEncoderTests {
    static let cases: [(LegacyEncoding, String)] = [(.tcvn3, "tcvn3"), (.vni, "vni"), (.doubleUTF8, "double")]

    @Test(arguments: cases.map(\.1))
    func matchesTheIndependentEncoders(_ name: String) {
        let encoding = Self.cases.first { $0.1 == name }?.0 ?? .doubleUTF8
        var mismatches: [String] = []
        for text in LegacyCorpus.phrases + LegacyCorpus.phrases.map({ $0.uppercased() }) {
            let ours = LegacyEncoder.encode(text, as: encoding)
            let theirs = LegacyEncoders.mangle(text, as: name)
            if !ours.unicodeScalars.elementsEqual(theirs.unicodeScalars) { mismatches.append("\(text): \(ours) ≠ \(theirs)") }
        }
        #expect(mismatches.isEmpty, "LegacyEncoder disagrees with LegacyRepairTests+Encoders.swift: \(mismatches.prefix(10))")
    }

    @Test func knownForms() {
        #expect(LegacyEncoder.encode("Nguyễn Văn Hùng", as: .tcvn3) == "NguyÔn V¨n Hïng")
        #expect(LegacyEncoder.encode("Nguyễn Văn Hùng", as: .vni) == "Nguyeãn Vaên Huøng")
        #expect(LegacyEncoder.encode("Nguyễn", as: .doubleUTF8) == "Nguyá»…n")
    }

    @Test func decomposedInputIsComposedFirst() {
        let nfd = "Nguyê\u{303}n Thi\u{323} Hoa\u{300}"
        #expect(LegacyEncoder.encode(nfd, as: .vni) == LegacyEncoder.encode("Nguyễn Thị Hoà", as: .vni))
        #expect(LegacyEncoder.encode(nfd, as: .tcvn3) == LegacyEncoder.encode("Nguyễn Thị Hoà", as: .tcvn3))
    }

    @Test func charactersWithoutACodeAreKept() {
        #expect(LegacyEncoder.encode("Ayŭn", as: .tcvn3) == "Ayŭn")
        #expect(LegacyEncoder.encode("Êñuôl", as: .vni).contains("ñ"))
        #expect(LegacyEncoder.encode("ASCII only 123", as: .vni) == "ASCII only 123")
    }

    @Test(arguments: cases.map(\.1))
    func repairUndoesTheEncoding(_ name: String) {
        let encoding = Self.cases.first { $0.1 == name }?.0 ?? .doubleUTF8
        var failures: [String] = []
        for text in LegacyCorpus.fullNames {
            let mangled = LegacyEncoder.encode(text, as: encoding)
            // Mangled text that reads as Vietnamese ("Ón" gives "ãn") may rightly be left alone.
            if LegacyRepairRoundTripTests.readsAsVietnamese(mangled) { continue }
            let repaired = LegacyRepair.repair(mangled).text
            // TCVN3 writes capitals without a byte of their own with the lower-case byte.
            let expected = encoding == .tcvn3 ? LegacyEncoders.tcvn3Expected(text) : text
            if !repaired.unicodeScalars.elementsEqual(expected.precomposedStringWithCanonicalMapping.unicodeScalars) {
                failures.append("\(text) → \(repaired)")
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10))")
    }
}
