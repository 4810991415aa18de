import Testing

@testable import HosoText

@Suite struct GazetteerLineageTests {
    let gazetteer = GazetteerFixture.shared

    // MARK: the two examples of the design: only units that really moved

    @Test func hiepHoaWasInBacGiangTuSonWasNot() throws {
        let hiepHoa = gazetteer.resolve(text: "Xã Hiệp Hòa, Tỉnh Bắc Ninh")
        #expect(hiepHoa.asWritten.map(\.fullName) == ["Xã Hiệp Hòa", "Tỉnh Bắc Ninh"])
        #expect(hiepHoa.asWritten.allSatisfy { $0.era == .map2025 })
        #expect(hiepHoa.lineageNames(.province).contains("Bắc Giang"), "\(hiepHoa)")
        #expect(hiepHoa.lineageNames(.district).contains("Hiệp Hòa"))

        let tuSon = gazetteer.resolve(text: "Phường Từ Sơn, Tỉnh Bắc Ninh")
        #expect(tuSon.asWritten.first?.fullName == "Phường Từ Sơn")
        #expect(!tuSon.allNames.contains("Bắc Giang"), "\(tuSon)")
        #expect(tuSon.lineageNames(.district).contains("Từ Sơn"))
    }

    @Test func thachThatWasInHaTayBaDinhWasNot() {
        let thachThat = gazetteer.resolve(text: "Xã Thạch Thất, Hà Nội")
        #expect(thachThat.asWritten.first?.era == .map2025)
        #expect(thachThat.lineageNames(.province).contains("Hà Tây"), "\(thachThat)")
        let baDinh = gazetteer.resolve(text: "Phường Ba Đình, Hà Nội")
        #expect(!baDinh.allNames.contains("Hà Tây"), "\(baDinh)")
        #expect(!baDinh.allNames.contains("Hà Sơn Bình"))
    }

    @Test func writtenWithAnOlderProvince() {
        let r = gazetteer.resolve(text: "Thạch Thất, Hà Tây")
        #expect(r.asWritten.map(\.fullName) == ["Huyện Thạch Thất", "Tỉnh Hà Tây"])
        #expect(r.asWritten.map(\.era) == [.pre2025, .older])
        #expect(r.lineageNames(.province).contains("Hà Nội"), "its pre-2025 province is lineage: \(r)")
        #expect(r.implied.isEmpty)
    }

    // MARK: old map → new map and back

    @Test func oldMapRecordGetsItsNewCommuneAndProvince() throws {
        let r = gazetteer.resolve(text: "Thị trấn Thắng, Huyện Hiệp Hòa, Tỉnh Bắc Giang")
        #expect(r.asWritten.allSatisfy { $0.era == .pre2025 })
        let commune = try #require(r.asWritten.first)
        let next = gazetteer.successors(of: commune)
        #expect(!next.isEmpty)
        for successor in next { #expect(r.lineage.contains(successor), "\(successor) missing from \(r)") }
        #expect(r.lineage.contains { $0.level == .province && $0.era == .map2025 && $0.name == "Bắc Ninh" })
        #expect(r.lineageNames().contains("Hà Bắc"))
    }

    @Test func oldMapCommuneWithoutDistrictImpliesIt() {
        let r = gazetteer.resolve(text: "Thị trấn Thắng, Tỉnh Bắc Giang")
        #expect(r.implied.map(\.fullName) == ["Huyện Hiệp Hòa"])
        #expect(r.lineageNames(.province).contains("Bắc Ninh"))
    }

    @Test func newMapRecordGetsOldCommunesDistrictsAndProvinces() throws {
        let r = gazetteer.resolve(text: "Xã Hiệp Hòa, Tỉnh Bắc Ninh")
        let commune = try #require(r.asWritten.first)
        for old in gazetteer.predecessors(of: commune) {
            #expect(r.lineage.contains { $0.id == old.id }, "predecessor \(old) missing")
        }
        #expect(r.lineageNames(.commune).contains("Thắng"))
        #expect(r.lineage.contains { $0.level == .district && $0.era == .pre2025 })
    }

    @Test func dividedCommuneGetsEveryPart() {
        let r = gazetteer.resolve(text: "Xã Đại Thịnh, Huyện Mê Linh, Thành phố Hà Nội")
        let parts = r.lineage.filter { $0.level == .commune && $0.era == .map2025 }.map(\.name)
        #expect(parts.count >= 2, "\(r)")
        #expect(parts.contains("Tiến Thắng"))
    }

    /// Oracle over the whole 2025 map: the pre-2025 provinces a commune's record can be found
    /// by are exactly those its predecessors lay in.
    @Test func every2025CommuneGetsExactlyItsPredecessorsProvinces() {
        for commune in gazetteer.places(era: .map2025, level: .commune) {
            guard let province = gazetteer.parent(of: commune) else {
                Issue.record("\(commune) has no province")
                continue
            }
            let r = gazetteer.resolve(text: "\(commune.fullName), \(province.fullName)")
            guard r.asWritten.filter({ $0.level == .commune }).count == 1 else { continue }  // same name twice
            #expect(r.asWritten.first?.id == commune.id, "\(commune.fullName), \(province.fullName) → \(r)")
            let expected = Set(gazetteer.predecessors(of: commune).compactMap { old -> String? in
                var up = old
                while let next = gazetteer.parent(of: up) { up = next }
                return up.name
            })
            let found = Set((r.asWritten + r.lineage).filter { $0.level == .province && $0.era != .older }.map(\.name))
            #expect(found == expected.union([province.name]), "\(commune.fullName), \(province.fullName)")
        }
    }

    /// Oracle over the whole pre-2025 map: each commune's record gets its 2025 province.
    @Test func everyPre2025CommuneGetsItsNewProvince() {
        for commune in gazetteer.places(era: .pre2025, level: .commune) {
            guard let district = gazetteer.parent(of: commune), let province = gazetteer.parent(of: district),
                let newProvince = gazetteer.province2025(of: commune)
            else {
                Issue.record("\(commune) lacks a district, province or 2025 province")
                continue
            }
            let r = gazetteer.resolve(commune: commune.fullName, district: district.fullName, province: province.fullName)
            #expect(r.asWritten.first?.id == commune.id, "\(commune.fullName), \(district.fullName), \(province.fullName) → \(r)")
            #expect(r.allNames.contains(newProvince.name), "\(commune.fullName), \(district.fullName), \(province.fullName)")
        }
    }

    // MARK: older names

    @Test func olderProvincesFindTheirParts() {
        let cases: [(older: String, record: String)] = [
            ("Hà Bắc", "Phường Từ Sơn, Tỉnh Bắc Ninh"),
            ("Hà Bắc", "Xã Hiệp Hòa, Tỉnh Bắc Ninh"),
            ("Nghệ Tĩnh", "Xã Diễn Lâm, Huyện Diễn Châu, Tỉnh Nghệ An"),
            ("Nghệ Tĩnh", "Phường Nam Hà, Thành phố Hà Tĩnh, Tỉnh Hà Tĩnh"),
            ("Vĩnh Phú", "Phường Dữu Lâu, Thành phố Việt Trì, Tỉnh Phú Thọ"),
            ("Vĩnh Phú", "Thị trấn Chi Đông, Huyện Mê Linh, Thành phố Hà Nội"),
            ("Vĩnh Phúc", "Thị trấn Chi Đông, Huyện Mê Linh, Thành phố Hà Nội"),
            ("Hải Hưng", "Phường Lam Sơn, Thành phố Hưng Yên, Tỉnh Hưng Yên"),
            ("Hải Hưng", "Phường Cẩm Thượng, Thành phố Hải Dương, Tỉnh Hải Dương"),
            ("Hà Sơn Bình", "Phường Thái Bình, Thành phố Hòa Bình, Tỉnh Hòa Bình"),
            ("Hà Sơn Bình", "Xã Thạch Thất, Thành phố Hà Nội"),
            ("Thừa Thiên Huế", "Phường Phú Xuân, Thành phố Huế"),
        ]
        for (older, record) in cases {
            let r = gazetteer.resolve(text: record)
            #expect(!r.isEmpty, "\(record) did not resolve")
            #expect(r.lineage.contains { $0.name == older && $0.era == .older }, "\(record) lacks \(older): \(r)")
        }
    }

    @Test func olderProvinceIsNotExpandedOntoItsParts() {
        let nghe = gazetteer.resolve(text: "Nghệ Tĩnh")
        #expect(nghe.asWritten.map(\.era) == [.older])
        #expect(!nghe.allNames.contains("Nghệ An") && !nghe.allNames.contains("Hà Tĩnh"), "\(nghe)")
        let haBac = gazetteer.resolve(text: "Hà Bắc")
        #expect(haBac.lineageNames(.province) == ["Bắc Ninh"], "2025 Bắc Ninh is exactly Hà Bắc: \(haBac)")
        // Mê Linh went to Hà Nội, so 2025 Phú Thọ does not contain all of Vĩnh Phú.
        #expect(!gazetteer.resolve(text: "Vĩnh Phú").allNames.contains("Phú Thọ"))
    }

    /// Older names that share a name with a pre-2025 province (Vĩnh Phúc for Mê Linh, Hòa Bình
    /// for four Lương Sơn communes) are read only where they explain what is written below them.
    @Test func olderNamesShadowedByCurrentOnes() throws {
        let hoaBinh = gazetteer.resolve(text: "Tỉnh Hòa Bình")
        #expect(hoaBinh.asWritten.map(\.era) == [.pre2025], "\(hoaBinh)")
        #expect(!hoaBinh.allNames.contains("Hà Nội") && !hoaBinh.allNames.contains("Hà Tây"))
        let meLinh = gazetteer.resolve(text: "Thị trấn Chi Đông, Huyện Mê Linh, Tỉnh Vĩnh Phúc")
        let province = try #require(meLinh.asWritten.last)
        #expect(province.name == "Vĩnh Phúc" && province.era == .older && province.until == 2008, "\(meLinh)")
        #expect(meLinh.lineageNames(.province).contains("Hà Nội"))
        let kySon = gazetteer.resolve(text: "Xã Mông Hóa, Huyện Kỳ Sơn, Tỉnh Hòa Bình")
        #expect(kySon.asWritten.map(\.era) == [.pre2025, .older, .pre2025], "\(kySon)")
        #expect(!kySon.allNames.contains("Hà Tây"))
    }

    @Test func thuaThienHueBecameHue() {
        let r = gazetteer.resolve(text: "Tỉnh Thừa Thiên Huế")
        #expect(r.asWritten.first?.era == .older)
        #expect(r.lineage.contains { $0.fullName == "Thành phố Huế" && $0.era == .map2025 }, "\(r)")
        #expect(gazetteer.resolve(text: "TT Huế").asWritten.first?.viaAlias == true)
    }

    @Test func abolishedDistrictsStillResolve() {
        let r = gazetteer.resolve(text: "Phường Thảo Điền, Quận 2, TP.HCM")
        #expect(r.asWritten.map(\.fullName) == ["Phường Thảo Điền", "Quận 2", "Thành phố Hồ Chí Minh"])
        #expect(r.asWritten[1].era == .older)
        #expect(r.lineageNames(.district).contains("Thủ Đức"))
        #expect(r.lineage.contains { $0.level == .commune && $0.era == .map2025 })
        let q3 = gazetteer.resolve(text: "Phường 6, Quận 3, Thành phố Hồ Chí Minh")
        #expect(q3.asWritten.first?.era == .older)
        #expect(q3.lineageNames(.commune).contains("Võ Thị Sáu"))
        #expect(!q3.lineageNames().contains("Phường 7"), "merged siblings do not contain each other")
        #expect(gazetteer.resolve(text: "Quận 1, TP Hồ Chí Minh").asWritten.first?.fullName == "Quận 1")
    }
}
