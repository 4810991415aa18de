import HosoQuery
import Testing

/// Query strings the libFuzzer target FuzzQuery (`Fuzz/`) found misread, kept as regressions.
/// `&`, `=`, `%` and `+` are bytes in a URL; reading the query as `Character`s let a combining
/// mark glue them to the next character.
@Suite struct QueryStringFuzzFindingsTests {
    /// "%" followed by a combining mark is still an escape, and a bad one (fuzzer: crash-55e6afd3,
    /// `lim…%\u{659}…zzy`, which was taken as a literal parameter name).
    @Test(arguments: ["name=%\u{659}", "%\u{301}name=An", "name=An+%\u{300}"])
    func percentBeforeACombiningMarkIsAnEscape(_ query: String) {
        #expect(throws: SearchError.self) { try SearchRequest.parse(queryString: query) }
    }

    /// The fuzzer's input itself: "%" then U+0659 inside a parameter name is refused as bad
    /// percent-encoding, not waved through as an unknown name or a value.
    @Test func fuzzerInputIsRefusedForItsEncoding() throws {
        let bytes: [UInt8] = [0x6C, 0x69, 0x6D, 0x25, 0xD9, 0x99, 0x7A, 0x7A, 0x79, 0x3D, 0x31]  // "lim%\u{659}zzy=1"
        let error = #expect(throws: SearchError.self) {
            try SearchRequest.parse(queryString: String(decoding: bytes, as: UTF8.self))
        }
        #expect(error?.description.contains("invalid percent-encoding") == true, "\(String(describing: error))")
    }

    /// "&" followed by a combining mark still separates parameters: the unknown name after it is
    /// refused instead of being swallowed into the previous value.
    @Test func ampersandBeforeACombiningMarkSeparates() {
        #expect(throws: SearchError.invalid(parameter: "\u{301}q", reason: "unknown parameter; expected one of "
            + SearchRequest.parameters.sorted().joined(separator: ", "))) {
            try SearchRequest.parse(queryString: "name=An&\u{301}q=x")
        }
        #expect(throws: SearchError.self) { try SearchRequest.parse(queryString: "limit=5&\u{301}limit=6") }
    }

    /// "=" followed by a combining mark still ends the name.
    @Test func equalsBeforeACombiningMarkEndsTheName() throws {
        let request = try SearchRequest.parse(queryString: "name=\u{301}An")
        #expect(request.name?.unicodeScalars.elementsEqual("\u{301}An".unicodeScalars) == true)
    }
}
