import Testing

@testable import HosoText

/// Inputs the libFuzzer targets (`Fuzz/`, target FuzzAnalyzer) found breaking a documented
/// property, kept as regressions. Each case is the minimised crashing input.
@Suite struct FuzzFindingsTests {
    /// Repair must be idempotent (`LegacyRepair.repair`): control characters between two letters used
    /// to split a word for detection and then vanish in the clean-up, so the second repair saw a new
    /// word ("e\0á" → "eá" → "ế").
    @Test(arguments: [
        [0x81, 0x65, 0x00, 0x00, 0x00, 0x00, 0xE1, 0x00, 0x20, 0x3F, 0x6E, 0x29],  // fuzzer: crash-eed11d02
        Array("e\u{0}\u{0}á".utf8), Array("Nguy\u{1}eãn".utf8), Array("e\u{81}á".utf8),
        // Nested double encodings beyond four layers, then TCVN3 (fuzzer, analyzer run 4; bytes read
        // as Windows-1252).
        [0x58, 0xC3, 0x99, 0x75, 0x6E, 0x20, 0x6E, 0x68, 0x61, 0x6E, 0x20, 0xCC, 0x80, 0x6E, 0x20, 0x68, 0x65, 0x1F, 0x42, 0xC3]
            + Array(repeating: 0xC2, count: 8) + [0x2E] + Array(repeating: 0xC2, count: 19) + [0xAC],
        Array("XÃ™un nhan Ì€n he\u{1F}BÃÂÂÂÂÂÂÂÂ.ÂÂÂÂÂÂÂÂÂÂÂÂÂÂÂÂÂÂÂ¬".utf8),
        Array("TgÃƒƒƒƒƒƒƒƒƒƒƒƒƒ\u{0}ƒƒƒƒƒƒ \u{AF}n'".utf8),
    ] as [[UInt8]])
    func repairWithControlCharactersIsIdempotent(_ bytes: [UInt8]) {
        let once = LegacyRepair.repair(bytes: bytes)
        let twice = LegacyRepair.repair(once.text)
        #expect(twice.text.utf8.elementsEqual(once.text.utf8), "\(once.text.debugDescription) → \(twice.text.debugDescription)")
        #expect(!twice.changed)
    }

    /// `document(utf8:)` must give what `document(_:)` gives for the same text: it used to clean the
    /// text up before legacy repair, which then could no longer undo double-encoded UTF-8.
    @Test(arguments: ["Nguy\u{E1}\u{BB}\u{2026}n", "NguyÔn V¨n Hïng", "Nguyeãn Vaên Huøng", "Trần Thị Thu"])
    func documentOfBytesEqualsDocumentOfText(_ text: String) throws {
        for field in Field.allCases {
            let viaBytes = try Analyzer.shared.document(utf8: Array(text.utf8), field: field)
            let viaText = try Analyzer.shared.document(text, field: field)
            #expect(viaBytes == viaText, "\(field): \(viaBytes) vs \(viaText)")
        }
    }
}

extension FuzzFindingsTests {
    /// A combining mark with no letter before it was a word whose folded key was empty, so it
    /// would have matched any other such "word". fuzzer: crash-55e8e74b (U+031D then "+").
    @Test(arguments: ["\u{31D}+", "\u{301}", "An \u{300}\u{323} Bình", "\u{345}x"])
    func markOnlyWordsGiveNoEmptyKeys(_ text: String) throws {
        for field in Field.allCases {
            for tokens in [try Analyzer.shared.document(text, field: field), try Analyzer.shared.query(text, field: field)] {
                for token in tokens {
                    #expect(!token.keys.exact.isEmpty && !token.keys.toneless.isEmpty && !token.keys.folded.isEmpty, "\(field): \(token)")
                }
            }
        }
        #expect(try Analyzer.shared.document("An \u{300}\u{323} Bình", field: .name).map(\.keys.folded) == ["an", "binh"])
    }
}

extension FuzzFindingsTests {
    /// A combining mark at the start of a word has no letter to carry it: it is trimmed. Joined to
    /// the word before by a rewrite it made a key that was not NFC ("c" + "\u{301}t").
    /// fuzzer: crash-91d8958c (field position).
    @Test func leadingMarksAreTrimmedSoKeysStayNFC() throws {
        let text = "Phường Châu Đ\u{1AD1}c, \u{301}T,ỉnh An Giathuhuylh nhỷng"
        for field in Field.allCases {
            for token in try Analyzer.shared.document(text, field: field) + Analyzer.shared.query(text, field: field) {
                #expect(ICU.isNFC(token.keys.exact), "\(field): \(token)")
            }
        }
        #expect(try Analyzer.shared.document("An \u{301}Bình", field: .name).map(\.keys.exact) == ["an", "bình"])
    }
}

extension FuzzFindingsTests {
    /// A kept combining mark (ý + ̂ has no precomposed letter) composes once the tone moves off its
    /// letter (y + ̂ = ŷ): the keys used to hold "y\u{302}", not NFC. fuzzer: crash-bef8de98.
    @Test func keysWithAKeptMarkAreNFC() throws {
        let text = ":Sfuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuul\u{FD}\u{302}y"
        for field in Field.allCases {
            for token in try Analyzer.shared.document(text, field: field) + Analyzer.shared.query(text, field: field) {
                #expect(ICU.isNFC(token.keys.exact) && ICU.isNFC(token.keys.toneless), "\(field): \(token)")
            }
        }
        let keys = WordKeys("tu\u{FD}\u{302}")
        #expect(ICU.isNFC(keys.exact) && ICU.isNFC(keys.toneless), "\(keys)")
    }
}

extension FuzzFindingsTests {
    /// A tone put back on a letter with no precomposed toned form is a combining mark, which NFC
    /// orders and composes differently (ĕ + dot below is ẹ + breve). fuzzer: crash in "Na Ĕịnh".
    @Test(arguments: ["Xã Giao Tân, Huyện Giao Thủy, Tỉnhm Na \u{114}\u{1ECB}nh", "Ĕịnh", "ŭớc", "tu\u{FD}\u{302}"])
    func tonesOnForeignLettersGiveNFCKeys(_ text: String) throws {
        for field in Field.allCases {
            for token in try Analyzer.shared.document(text, field: field) + Analyzer.shared.query(text, field: field) {
                #expect(ICU.isNFC(token.keys.exact) && ICU.isNFC(token.keys.toneless), "\(field): \(token)")
            }
        }
    }
}
