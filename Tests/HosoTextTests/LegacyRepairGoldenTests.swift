import Testing

@testable import HosoText

/// Hand-checked legacy strings as they occur in the wild, with the text each must become.
@Suite struct LegacyRepairGoldenTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var input: String
        var expected: String
        var encoding: LegacyEncoding?
        var testDescription: String { input }
    }

    static let cases: [Case] = [
        Case(input: "NguyÔn V¨n Hïng", expected: "Nguyễn Văn Hùng", encoding: .tcvn3),
        Case(input: "Nguyeãn Vaên Huøng", expected: "Nguyễn Văn Hùng", encoding: .vni),
        Case(input: "Nguyá»…n VÄƒn HÃ¹ng", expected: "Nguyễn Văn Hùng", encoding: .doubleUTF8),
        Case(input: "NguyÃ¡Â»Â…n", expected: "Nguyễn", encoding: .doubleUTF8),
        Case(input: "Nguyá»\u{85}n Ä\u{90}á»©c", expected: "Nguyễn Đức", encoding: .doubleUTF8),
        Case(input: "LÃª Thá»‹ Há»“ng Nhung", expected: "Lê Thị Hồng Nhung", encoding: .doubleUTF8),
        Case(input: "Gi¸m ®èc Së Gi¸o dôc vµ §µo t¹o", expected: "Giám đốc Sở Giáo dục và Đào tạo", encoding: .tcvn3),
        Case(input: "Tr\u{AD}êng §¹i häc", expected: "Trường Đại học", encoding: .tcvn3),
        Case(input: "Thöøa Thieân Hueá", expected: "Thừa Thiên Huế", encoding: .vni),
        Case(input: "Thõa Thiªn HuÕ", expected: "Thừa Thiên Huế", encoding: .tcvn3),
        Case(input: "Baø Ròa - Vuõng Taøu", expected: "Bà Rịa - Vũng Tàu", encoding: .vni),
        Case(input: "NGUYÔN V¡N HïNG", expected: "NGUYỄN VĂN HÙNG", encoding: .tcvn3),
        Case(input: "NGUYEÃN VAÊN HUØNG", expected: "NGUYỄN VĂN HÙNG", encoding: .vni),
        Case(input: "Nguyễn V¨n Hïng", expected: "Nguyễn Văn Hùng", encoding: .tcvn3),
        Case(input: "Nguyễn VÄƒn HÃ¹ng", expected: "Nguyễn Văn Hùng", encoding: .doubleUTF8),
        Case(input: "HoÃ ng VÄƒn", expected: "Hoàng Văn", encoding: .doubleUTF8),
        Case(input: "§HQG Hµ Néi", expected: "ĐHQG Hà Nội", encoding: .tcvn3),
        Case(input: "Së GD&§T", expected: "Sở GD&ĐT", encoding: .tcvn3),
        Case(input: "Ph\u{AD}êng Tõ S¬n, TØnh B¾c Ninh", expected: "Phường Từ Sơn, Tỉnh Bắc Ninh", encoding: .tcvn3),
        Case(input: "Phöôøng Töø Sôn, Tænh Baéc Ninh", expected: "Phường Từ Sơn, Tỉnh Bắc Ninh", encoding: .vni),
        Case(input: "Hå ThÞ Lan", expected: "Hồ Thị Lan", encoding: .tcvn3),
        Case(input: "Vâ Hång Phóc", expected: "Võ Hồng Phúc", encoding: .tcvn3),
        Case(input: "X· Hßa B×nh", expected: "Xã Hòa Bình", encoding: .tcvn3),
        Case(input: "NguyÔn Vò", expected: "Nguyễn Vũ", encoding: .tcvn3),
        Case(input: "Nguyeãn Thò", expected: "Nguyễn Thị", encoding: .vni),
        Case(input: "Phaïm Ngoïc Lan", expected: "Phạm Ngọc Lan", encoding: .vni),
        Case(input: "Höông", expected: "Hương", encoding: .vni),
        Case(input: "Hoàng V¨n Hïng", expected: "Hoàng Văn Hùng", encoding: .tcvn3),
        Case(input: "Nguyễn  Văn\u{A0}An", expected: "Nguyễn Văn An", encoding: nil),
        Case(input: "Nguyễn Vò", expected: "Nguyễn Vò", encoding: nil),
        Case(input: "Thuû", expected: "Thuû", encoding: nil),
        Case(input: "HoÃ ng", expected: "HoÃ ng", encoding: nil),
        Case(input: "25°C ± 2°C", expected: "25°C ± 2°C", encoding: nil),
        Case(input: "Loïc Naïm", expected: "Loïc Naïm", encoding: nil),
        Case(input: "José Müller", expected: "José Müller", encoding: nil),
        Case(input: "Hòa", expected: "Hòa", encoding: nil),
    ]

    @Test(arguments: cases)
    func repairsToExpected(_ golden: Case) {
        let repaired = LegacyRepair.repair(golden.input)
        #expect(repaired.text == golden.expected)
        #expect(repaired.text.utf8.elementsEqual(golden.expected.utf8), "result must be NFC")
        #expect(repaired.encoding == golden.encoding)
        #expect(repaired.original == golden.input)
        #expect(repaired.changed == !golden.input.utf8.elementsEqual(golden.expected.utf8))
    }
}
