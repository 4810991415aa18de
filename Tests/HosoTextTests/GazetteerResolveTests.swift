import Foundation
import Testing

@testable import HosoText

@Suite struct GazetteerResolveTests {
    let gazetteer = GazetteerFixture.shared

    @Test(arguments: ["Sài Gòn", "TP.HCM", "TPHCM", "tp hcm", "HCM", "TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh"])
    func hoChiMinhSpellings(_ text: String) throws {
        let r = gazetteer.resolve(text: text)
        let first = try #require(r.asWritten.first, "\(text) did not resolve")
        #expect(first.fullName == "Thành phố Hồ Chí Minh" && first.level == .province)
        let isAlias = !["TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh"].contains(text)
        #expect(first.viaAlias == isAlias, "\(text)")
    }

    @Test(arguments: [("Daklak", "Đắk Lắk"), ("Đắc Lắc", "Đắk Lắk"), ("Dak Lak", "Đắk Lắk"), ("Kontum", "Kon Tum"),
                      ("Đắc Nông", "Đắk Nông"), ("BR-VT", "Bà Rịa - Vũng Tàu"), ("Bà Rịa Vũng Tàu", "Bà Rịa - Vũng Tàu"),
                      ("HN", "Hà Nội"), ("Tỉnh Bắc Cạn", "Bắc Kạn")])
    func aliasesAndSpellings(_ text: String, _ canonical: String) throws {
        let first = try #require(gazetteer.resolve(text: text).asWritten.first, "\(text)")
        #expect(first.name == canonical)
        #expect(first.level == .province)
    }

    @Test func numberedUnitsKeepTheirTypeWord() throws {
        let r = gazetteer.resolve(text: "Phường 5, Quận 3, TP.HCM")
        #expect(r.asWritten.map(\.name) == ["Phường 5", "Quận 3", "Hồ Chí Minh"])
        #expect(r.asWritten.map(\.era) == [.pre2025, .pre2025, .pre2025])
        #expect(r.lineage.contains { $0.level == .commune && $0.era == .map2025 })
        let other = gazetteer.resolve(text: "Phường 15, Quận 3, TP.HCM")
        #expect(other.asWritten.first?.name == "Phường 15")
        #expect(gazetteer.resolve(text: "P.05, Q.3, TP HCM").asWritten.map(\.name) == ["Phường 5", "Quận 3", "Hồ Chí Minh"])
        #expect(gazetteer.resolve(text: "quan 1").asWritten.map(\.fullName) == ["Quận 1"])
        #expect(gazetteer.resolve(text: "Phường 5").isEmpty, "a bare Phường 5 is ambiguous nationwide")
    }

    @Test(arguments: ["xa hiep hoa, tinh bac ninh", "XÃ HIỆP HÒA, TỈNH BẮC NINH", "Xã Hiệp Hoà, Tỉnh Bắc Ninh",
                      "Xa\u{0303} Hie\u{0323}\u{0302}p Ho\u{0300}a, Ti\u{0309}nh Ba\u{0306}\u{0301}c Ninh", "  Xã  Hiệp Hòa ,Tỉnh Bắc Ninh  ",
                      "Hiệp Hòa, Bắc Ninh", "hiep hoa bac ninh"])
    func accentCaseFormAndSpacingDoNotMatter(_ text: String) {
        let reference = gazetteer.resolve(text: "Xã Hiệp Hòa, Tỉnh Bắc Ninh")
        let r = gazetteer.resolve(text: text)
        #expect(r.asWritten.map(\.id) == reference.asWritten.map(\.id), "\(text) → \(r)")
        #expect(r.lineage == reference.lineage)
    }

    @Test func structuredFieldsResolveLikeText() {
        let fields = gazetteer.resolve(commune: "Hoằng Xuân", district: "Hoằng Hóa", province: "Thanh Hóa")
        let text = gazetteer.resolve(text: "Xã Hoằng Xuân, Huyện Hoằng Hóa, Tỉnh Thanh Hóa")
        #expect(fields.asWritten.map(\.id) == text.asWritten.map(\.id))
        #expect(fields.lineage == text.lineage)
        let new = gazetteer.resolve(commune: "Xã Hiệp Hòa", district: nil, province: "Bắc Ninh")
        #expect(new.lineageNames(.province).contains("Bắc Giang"))
    }

    @Test func generalFirstIsTurnedRound() {
        let r = gazetteer.resolve(text: "Hà Nội, Ba Đình")
        #expect(r.asWritten.last?.name == "Hà Nội")
        #expect(r.asWritten.first?.name == "Ba Đình")
    }

    @Test func aVillageBeforeTheCommuneIsLeftUnresolved() {
        let r = gazetteer.resolve(text: "Thôn Đông Xá, Xã Hiệp Hòa, Tỉnh Bắc Ninh")
        #expect(r.unresolved == ["Thôn Đông Xá"])
        #expect(r.asWritten.map(\.fullName) == ["Xã Hiệp Hòa", "Tỉnh Bắc Ninh"])
    }

    @Test(arguments: ["", " ", ",,,", "Atlantis", "Nowhere, Atlantis", "Xã", "Quận", "Phường 99999999999999999999999999",
                      "\u{0}\u{1}\u{7F}", "🙂, 🏠", "'''", "-", "Q", "tp", "Thị trấn"])
    func unknownPlacesResolveToNothing(_ text: String) {
        let r = gazetteer.resolve(text: text)
        #expect(r.isEmpty, "\(text.debugDescription) → \(r)")
        #expect(r.lineage.isEmpty && r.implied.isEmpty)
    }

    @Test func hugeInputIsBoundedAndDoesNotCrash() {
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            let long = String(repeating: "Xã Hiệp Hòa ", count: 100_000)
            let r = gazetteer.resolve(text: long)
            #expect(r.isEmpty && r.unresolved.count == 1 && r.unresolved[0].count < 50)
            #expect(gazetteer.parseQuery(long).allSatisfy { $0.candidates.isEmpty })
            let manyCommas = String(repeating: "Bắc Ninh, ", count: 20_000)
            #expect(!gazetteer.resolve(text: manyCommas).isEmpty)
            let manyWords = String(repeating: "Hiệp Hòa ", count: 30)
            _ = gazetteer.parseQuery(manyWords)
        }
        #expect(elapsed < .seconds(2), "1 MB of place text took \(elapsed)")
    }

    @Test func provinceOnlyRecordsAreNotExpanded() {
        let r = gazetteer.resolve(text: "Tỉnh Bắc Ninh")
        #expect(!r.allNames.contains("Bắc Giang"))
        let old = gazetteer.resolve(text: "Tỉnh Bắc Giang")
        #expect(old.lineage.contains { $0.name == "Bắc Ninh" && $0.era == .map2025 })
    }
}
