import HosoText
import Testing

/// Malformed input gives a clear error naming what was wrong, never a crash.
@Suite struct BadInputTests {
    @Test func oneMegabyteIsRejectedWithItsSize() {
        let big = String(repeating: "Nguyễn ", count: 150_000)
        #expect(throws: AnalysisError.tooLong(bytes: big.utf8.count, limit: 16 * 1024)) {
            try Analyzer.shared.document(big, field: .name)
        }
        #expect(throws: AnalysisError.self) { try Analyzer.shared.query(big, field: .hometown) }
    }

    @Test(arguments: [("Nguyễn\u{0}Văn", 6), ("\u{7}An", 0), ("An\u{1B}[31m", 2), ("Lê\u{85}", 2), ("x\u{7F}", 1)])
    func controlCharactersAreNamedWithTheirOffset(_ text: String, _ offset: Int) {
        let value = text.unicodeScalars.first { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) }!.value
        #expect(throws: AnalysisError.controlCharacter(scalar: value, offset: offset)) {
            try Analyzer.shared.document(text, field: .name)
        }
        let error = AnalysisError.controlCharacter(scalar: value, offset: offset)
        #expect(error.description.contains("at character \(offset)"))
    }

    @Test func tabsAndNewlinesAreWhitespace() throws {
        let tokens = try Analyzer.shared.document("Nguyễn\tVăn\nAn\r", field: .name)
        #expect(tokens.map(\.keys.exact) == ["nguyễn", "văn", "an"])
    }

    @Test(arguments: [
        [0xFF, 0x41] as [UInt8], [0x4E, 0xC3], [0xE1, 0xBB], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0x41, 0x42, 0xF8],
    ])
    func invalidUTF8IsRejectedWithItsByteOffset(_ bytes: [UInt8]) {
        #expect(throws: AnalysisError.self) { try Analyzer.shared.document(utf8: bytes, field: .name) }
    }

    @Test func validUTF8BytesAreAccepted() throws {
        let tokens = try Analyzer.shared.document(utf8: Array("Trần Thị Thu".utf8), field: .name)
        #expect(tokens.count == 3)
    }

    @Test func emptyAndPunctuationOnlyInputGiveNoTokens() throws {
        for text in ["", "   ", "...", "—", "\u{200B}\u{AD}", "''", "&&"] {
            #expect(try Analyzer.shared.document(text, field: .name).isEmpty, "\(text.debugDescription)")
        }
        #expect(try explainMatch(field: .name, query: "", text: "Nguyễn Văn An") == nil)
    }

    @Test func oddButValidTextNeverCrashes() throws {
        let samples = [
            String(repeating: "\u{301}", count: 1000), "a\u{301}\u{301}\u{301}\u{309}", "𝔑𝔤𝔲𝔶𝔢𝔫 😀 漢字",
            String(repeating: "ễ", count: 5000), "ǅǈǋ ßẞ ŉ İı", "\u{1EF9}\u{1EF9}y\u{303}",
        ]
        for field in Field.allCases {
            for s in samples {
                _ = try Analyzer.shared.document(s, field: field)
                _ = try Analyzer.shared.query(s, field: field)
                _ = try explainMatch(field: field, query: s, text: s)
            }
        }
    }
}
