import Testing

@testable import HosoText

/// The clean-up that applies to every text, repaired or not.
@Suite struct LegacyRepairCleanupTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var input: String
        var expected: String
        var testDescription: String { input.unicodeScalars.map { $0.isASCII ? String($0) : "U+\(String($0.value, radix: 16, uppercase: true))" }.joined() }
    }

    static let cases: [Case] = [
        Case(input: "Nguyễn Văn An", expected: "Nguyễn Văn An"),
        Case(input: "  Nguyễn   Văn  An  ", expected: "Nguyễn Văn An"),
        Case(input: "Nguyễn\u{A0}Văn\u{202F}An", expected: "Nguyễn Văn An"),
        Case(input: "Nguyễn\u{2003}Văn\u{3000}An\u{2009}", expected: "Nguyễn Văn An"),
        Case(input: "Nguyễn\tVăn\r\nAn", expected: "Nguyễn Văn An"),
        Case(input: "Ngu\u{AD}yễn", expected: "Nguyễn"),
        Case(input: "Nguy\u{200B}ễn V\u{200C}ăn A\u{200D}n\u{2060}", expected: "Nguyễn Văn An"),
        Case(input: "\u{FEFF}Nguyễn", expected: "Nguyễn"),
        Case(input: "H’Hen Niê", expected: "H'Hen Niê"),
        Case(input: "H‘Hen", expected: "H'Hen"),
        Case(input: "Hʼ Hen", expected: "H' Hen"),
        Case(input: "Hʻ Hen", expected: "H' Hen"),
        Case(input: "H`Hen", expected: "H'Hen"),
        Case(input: "Bà Rịa – Vũng Tàu", expected: "Bà Rịa - Vũng Tàu"),
        Case(input: "Bà Rịa — Vũng Tàu", expected: "Bà Rịa - Vũng Tàu"),
        Case(input: "Phan Rang‐Tháp Chàm", expected: "Phan Rang-Tháp Chàm"),
        Case(input: "a‑b‒c−d―e", expected: "a-b-c-d-e"),
        Case(input: "Nguye\u{302}\u{303}n", expected: "Nguyễn"),
        Case(input: "Hu\u{300}ng", expected: "Hùng"),
        Case(input: "An\u{1}h\u{7F}", expected: "Anh"),
        Case(input: "A\u{85}B", expected: "A B"),
        Case(input: "A\u{9C}B", expected: "AB"),
        Case(input: "   ", expected: ""),
        Case(input: "", expected: ""),
        Case(input: "\u{200B}", expected: ""),
        Case(input: "\u{200B}\u{AD}", expected: ""),
        Case(input: "Nguyễn Văn \u{AD} An\u{AD}", expected: "Nguyễn Văn An"),
        Case(input: "Ngu\u{AD}yen Van\u{AD} An", expected: "Nguyen Van An"),
        Case(input: "UBND  tỉnh", expected: "UBND tỉnh"),
        Case(input: "Quận 1 ", expected: "Quận 1"),
        Case(input: " Ê Đê", expected: "Ê Đê"),
    ]

    @Test(arguments: cases)
    func cleansUp(_ golden: Case) {
        let repaired = LegacyRepair.repair(golden.input)
        #expect(repaired.text.utf8.elementsEqual(golden.expected.utf8), "got \(repaired.text.unicodeScalars.map { String($0.value, radix: 16) })")
        #expect(repaired.encoding == nil)
        #expect(repaired.changed == !golden.input.utf8.elementsEqual(golden.expected.utf8))
        #expect(repaired.original.utf8.elementsEqual(golden.input.utf8))
    }
}
