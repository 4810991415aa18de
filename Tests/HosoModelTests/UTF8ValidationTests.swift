import HosoModel
import Testing

@Suite struct UTF8ValidationTests {
    static let cases: [([UInt8], Bool)] = [
        (Array("Nguyễn".utf8), true),
        (Array("a\u{FFFD}b".utf8), true),  // a real replacement character is valid text
        ([0x61, 0xC3], false),  // truncated two-byte sequence
        ([0xF0, 0x90, 0x80], false),  // truncated four-byte sequence: same length as U+FFFD
        ([0xED, 0xA0, 0x80], false),  // an encoded surrogate
        ([0xC0, 0xAF], false),  // overlong
        ([0xFF], false),
        ([], true),
    ]

    @Test(arguments: cases)
    func agreesWithTheStandardLibrary(bytes: [UInt8], valid: Bool) {
        let fast = bytes.withUnsafeBufferPointer { String(validUTF8: $0) }
        #expect((fast != nil) == valid)
        #expect(fast == String(validating: bytes, as: UTF8.self))
    }
}
