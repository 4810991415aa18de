import Foundation
import Testing

@testable import HosoText

/// Idempotence, the byte-scan shortcut against the full pipeline, and hostile input.
@Suite struct LegacyRepairRobustnessTests {
    /// Every kind of input the other suites use: correct, mangled three ways, foreign, messy.
    static var inputs: [String] {
        let sample = Array(LegacyCorpus.phrases.prefix(200))
        var result = sample + LegacyCorpus.foreign + LegacyRepairGoldenTests.cases.map(\.input)
            + LegacyRepairCleanupTests.cases.map(\.input)
        for encoding in ["tcvn3", "vni", "double", "double2"] {
            result += sample.map { LegacyEncoders.mangle($0, as: encoding) }
            result += sample.prefix(40).map { LegacyEncoders.mangle($0.uppercased(), as: encoding) }
        }
        result += sample.map { $0.decomposedStringWithCanonicalMapping }
        return result
    }

    @Test func repairingTwiceEqualsRepairingOnce() {
        var unstable: [String] = []
        for input in Self.inputs {
            let once = LegacyRepair.repair(input)
            let twice = LegacyRepair.repair(once.text)
            if !twice.text.utf8.elementsEqual(once.text.utf8) || twice.changed {
                unstable.append("\(input) → \(once.text) → \(twice.text)")
            }
        }
        #expect(unstable.isEmpty, "\(unstable.joined(separator: "\n"))")
    }

    @Test func byteScanAgreesWithFullPipeline() {
        var disagreements: [String] = []
        for input in Self.inputs {
            let fast = LegacyRepair.repair(input)
            let slow = LegacyRepair.repairSlowly(input)
            if fast != slow { disagreements.append("\(input): \(fast.text) vs \(slow.text)") }
        }
        #expect(disagreements.isEmpty, "\(disagreements.joined(separator: "\n"))")
    }

    @Test(arguments: [
        [0xFF], [0xC3], [0xE1, 0xBB], [0xF0, 0x9F, 0x98], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0x00], [0x80, 0x81, 0x8D, 0x8F],
        [0x4E, 0x67, 0x75, 0x79, 0xD4, 0x6E], [0xAD, 0xAD, 0xAD], [0xB0, 0xB1, 0xB2, 0xB3, 0xB4], Array(0...255),
    ] as [[UInt8]])
    func malformedBytesNeverCrash(_ bytes: [UInt8]) {
        let repaired = LegacyRepair.repair(bytes: bytes)
        #expect(LegacyRepair.repair(repaired.text).text == repaired.text)
    }

    @Test func randomBytesNeverCrash() {
        var generator = LegacyRepairRandom(seed: 0x5EED_1E9A)
        for round in 0..<2000 {
            let count = Int(generator.next() % 40)
            let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let repaired = LegacyRepair.repair(bytes: bytes)
            #expect(repaired.text.utf8.count <= bytes.count * 4 + 4, "round \(round)")
        }
    }

    @Test func controlCharactersAreRemoved() {
        let text = String(String.UnicodeScalarView((0..<0x20).compactMap { Unicode.Scalar($0) })) + "An"
        #expect(LegacyRepair.repair(text).text == "An")
    }

    @Test func oneMegabyteNeverCrashes() {
        let pieces = [
            "Nguyễn Văn Hùng", "NguyÔn V¨n Hïng", "Nguyeãn Vaên Huøng", "Nguyá»…n VÄƒn HÃ¹ng", "José",
            "\u{AD}\u{200B}", "  ", "Ã", "á»", "\u{1}", "e\u{301}\u{301}\u{301}",
        ]
        var text = ""
        var index = 0
        while text.utf8.count < 1 << 20 {
            text += pieces[index % pieces.count] + (index % 7 == 0 ? "" : " ")
            index += 1
        }
        let repaired = LegacyRepair.repair(text)
        #expect(repaired.changed)
        #expect(!repaired.text.isEmpty)
        let long = String(repeating: "a", count: 1 << 20)
        #expect(LegacyRepair.repair(long).text == long)
        let longLegacy = String(repeating: "¨", count: 1 << 19)
        _ = LegacyRepair.repair(longLegacy)
    }
}

/// SplitMix64, seeded, so the random-bytes test is reproducible (kept here so these tests need
/// nothing beyond HosoText).
struct LegacyRepairRandom: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
