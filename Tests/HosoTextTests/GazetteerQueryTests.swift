import Testing

@testable import HosoText

@Suite struct GazetteerQueryTests {
    let gazetteer = GazetteerFixture.shared

    @Test func provinceQueryListsUnitsOfEveryLevelAndMap() throws {
        let parts = gazetteer.parseQuery("Bắc Giang")
        let part = try #require(parts.first)
        #expect(parts.count == 1)
        #expect(part.name == "Bắc Giang" && part.unitType == nil && part.foldedKey == "bac giang")
        #expect(part.candidates.contains { $0.level == .province && $0.era == .pre2025 })
        #expect(part.candidates.contains { $0.level == .district && $0.fullName == "Thành phố Bắc Giang" })
        #expect(part.candidateNames == ["Bắc Giang"])
    }

    @Test func laterPartsNarrowEarlierOnes() throws {
        let parts = gazetteer.parseQuery("Hiệp Hòa, Bắc Ninh")
        #expect(parts.map(\.name) == ["Hiệp Hòa", "Bắc Ninh"])
        let hiepHoa = try #require(parts.first)
        #expect(hiepHoa.candidates.contains { $0.fullName == "Huyện Hiệp Hòa" }, "old district now in Bắc Ninh")
        #expect(hiepHoa.candidates.contains { $0.fullName == "Xã Hiệp Hòa" && $0.era == .map2025 })
        #expect(!hiepHoa.candidates.contains { c in gazetteer.parent(of: c)?.name == "Tây Ninh" }, "Hiệp Hòa in Tây Ninh dropped")
    }

    @Test func typeWordsAreStrippedExceptBeforeNumbers() {
        let cases: [(String, String, String?)] = [
            ("Xã Hiệp Hòa", "Hiệp Hòa", "Xã"),
            ("tỉnh bắc ninh", "bắc ninh", "Tỉnh"),
            ("Thành phố Hồ Chí Minh", "Hồ Chí Minh", "Thành phố"),
            ("tp. Thủ Đức", "Thủ Đức", "Thành phố"),
            ("TX Sơn Tây", "Sơn Tây", "Thị xã"),
            ("thị trấn Thắng", "Thắng", "Thị trấn"),
            ("quan 1", "Quận 1", "Quận"),
            ("Quận 1", "Quận 1", "Quận"),
            ("q1", "Quận 1", "Quận"),
            ("P.05", "Phường 5", "Phường"),
            ("Phường 5", "Phường 5", "Phường"),
            ("Quan Hóa", "Quan Hóa", nil),
            ("Phương Mai", "Phương Mai", nil),
        ]
        for (query, name, type) in cases {
            let part = gazetteer.parseQuery(query).first
            #expect(part?.name == name, "\(query) → \(String(describing: part))")
            #expect(part?.unitType == type, "\(query) → \(String(describing: part))")
            #expect(part?.candidates.isEmpty == false, "\(query) found nothing")
        }
    }

    @Test func typeWordNarrowsTheLevel() throws {
        let district = try #require(gazetteer.parseQuery("Huyện Hiệp Hòa").first)
        #expect(district.candidates.allSatisfy { $0.level == .district })
        let commune = try #require(gazetteer.parseQuery("Xã Hiệp Hòa").first)
        #expect(commune.candidates.allSatisfy { $0.level == .commune })
    }

    @Test func aliasesAreMarked() throws {
        for query in ["tp hcm", "Sài Gòn", "TPHCM", "hcm"] {
            let part = try #require(gazetteer.parseQuery(query).first)
            #expect(part.candidates.contains { $0.name == "Hồ Chí Minh" && $0.viaAlias }, "\(query): \(part)")
        }
        let kontum = try #require(gazetteer.parseQuery("Kontum").first)
        #expect(kontum.candidates.contains { $0.fullName == "Tỉnh Kon Tum" && $0.viaAlias })
    }

    @Test func queriesWithoutCommasAreSegmented() {
        let parts = gazetteer.parseQuery("hiep hoa bac ninh")
        #expect(parts.map(\.foldedKey) == ["hiep hoa", "bac ninh"])
        #expect(parts.allSatisfy { !$0.candidates.isEmpty })
        #expect(gazetteer.parseQuery("Bà Rịa - Vũng Tàu").count == 1, "a name with a dash is one part")
    }

    @Test func candidatesCarryAccentedDisplayNames() throws {
        let part = try #require(gazetteer.parseQuery("thach that").first)
        #expect(part.candidateNames.contains("Thạch Thất"))
    }

    @Test(arguments: ["", "  ", ",", "Atlantis", "🙂", "Thôn 3"])
    func unknownQueries(_ query: String) {
        let parts = gazetteer.parseQuery(query)
        #expect(parts.allSatisfy { $0.candidates.isEmpty }, "\(query.debugDescription) → \(parts)")
    }
}
