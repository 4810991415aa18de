import Foundation
import HosoData
import Testing

@testable import HosoText

@Suite struct GazetteerLoadingTests {
    let gazetteer = GazetteerFixture.shared

    @Test func loadsTheBundledTables() {
        #expect(gazetteer.loadError == nil, "data/tables/places-*.tsv: \(String(describing: gazetteer.loadError))")
    }

    @Test func countsMatchTheTwoMaps() {
        let counts = gazetteer.counts
        #expect(counts.provinces2025 == 34)
        #expect(counts.communes2025 == 3_321)
        #expect(counts.provincesPre2025 == 63)
        #expect(counts.districtsPre2025 == 696)
        #expect(counts.communesPre2025 == 10_035)
        #expect(counts.olderNames >= 30, "places-older.tsv should name Hà Tây, Hà Bắc, … (\(counts.olderNames))")
        #expect(gazetteer.places(era: .map2025, level: .district).isEmpty, "the 2025 map has no districts")
    }

    @Test func aliasCountMatchesItsTable() throws {
        let text = try HosoData.table("place-aliases.tsv")
        let rows = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.count - 1
        #expect(gazetteer.counts.aliases == rows)
    }

    /// Every old commune went somewhere, into the 2025 province its old province merged into.
    @Test func everyPre2025CommuneHasA2025SuccessorInItsNewProvince() {
        var checked = 0
        for commune in gazetteer.places(era: .pre2025, level: .commune) {
            let next = gazetteer.successors(of: commune)
            #expect(!next.isEmpty, "\(commune) has no 2025 successor: check places-mapping.tsv")
            let province = gazetteer.province2025(of: commune)
            for successor in next {
                #expect(successor.era == .map2025 && successor.level == .commune)
                #expect(gazetteer.parent(of: successor) == province, "\(commune) → \(successor) crosses provinces")
            }
            checked += 1
        }
        #expect(checked == 10_035)
    }

    @Test func every2025CommuneHasPredecessors() {
        for commune in gazetteer.places(era: .map2025, level: .commune) {
            #expect(!gazetteer.predecessors(of: commune).isEmpty, "\(commune) has no predecessor")
        }
    }

    @Test func sixtyThreeProvincesMergeIntoThirtyFour() {
        let old = gazetteer.places(era: .pre2025, level: .province)
        let targets = Set(old.compactMap { gazetteer.province2025(of: $0)?.fullName })
        #expect(old.count == 63)
        #expect(targets.count == 34)
    }

    @Test func displayNamesAreNFCWithTypeWords() {
        for era in PlaceEra.allCases {
            for level in PlaceLevel.allCases {
                for place in gazetteer.places(era: era, level: level) {
                    #expect(place.fullName == place.fullName.precomposedStringWithCanonicalMapping)
                    #expect(place.fullName.hasPrefix(place.unitType + " "), "\(place.fullName)")
                    #expect(place.fullName.hasSuffix(place.name), "\(place.fullName) / \(place.name)")
                }
            }
        }
    }

    @Test func olderNamesCoverPre2025Units() throws {
        let haTay = try #require(gazetteer.places(era: .older, level: .province).first { $0.name == "Hà Tây" })
        let extent = gazetteer.extent(of: haTay).map(\.fullName)
        #expect(extent.count == 14)
        #expect(extent.contains("Huyện Thạch Thất") && extent.contains("Quận Hà Đông"))
        #expect(!extent.contains("Quận Ba Đình"))
        #expect(haTay.until == 2008)
        let haSonBinh = try #require(gazetteer.places(era: .older, level: .province).first { $0.name == "Hà Sơn Bình" })
        #expect(gazetteer.extent(of: haSonBinh).contains { $0.fullName == "Huyện Thạch Thất" }, "older:Tỉnh Hà Tây not expanded")
    }

    /// Target: < 100 ms in a release build (measured outside the tests); generous here for a
    /// debug build. Thread CPU time, so that tests running alongside do not count.
    @Test func loadingIsFast() throws {
        func cpuSeconds() -> Double {
            var spec = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
            return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
        }
        let start = cpuSeconds()
        _ = try Gazetteer.loadBundled()
        let elapsed = cpuSeconds() - start
        #expect(elapsed < 1.0, "loading all place tables took \(elapsed) s of CPU")
    }

    @Test func foldKeyIgnoresMarksCasePunctuationAndForm() {
        #expect(gazetteerFoldKey("Bà Rịa - Vũng Tàu") == "ba ria vung tau")
        #expect(gazetteerFoldKey("TP.HCM") == "tp hcm")
        #expect(gazetteerFoldKey("ĐẮK LẮK") == "dak lak")
        #expect(gazetteerFoldKey("Ea H'Leo") == "ea hleo")
        #expect(gazetteerFoldKey("Ea H\u{2019}Leo") == "ea hleo")
        #expect(gazetteerFoldKey("Tha\u{0300}nh pho\u{0302}\u{0301}  Hue\u{0302}\u{0301}") == "thanh pho hue")
        #expect(gazetteerFoldKey("  Quận\u{00A0}1 ") == "quan 1")
        #expect(gazetteerFoldKey("") == "")
    }
}

@Suite struct GazetteerMalformedTableTests {
    /// The bundled tables, with `name` replaced by `text`.
    func tables(replacing name: String, with text: String) throws -> [String: String] {
        var tables: [String: String] = [:]
        for table in Gazetteer.tableNames { tables[table] = try HosoData.table(table) }
        tables[name] = text
        return tables
    }

    func loadError(replacing name: String, with text: String) throws -> GazetteerError? {
        do {
            _ = try Gazetteer(tables: tables(replacing: name, with: text))
            return nil
        } catch let error as GazetteerError {
            return error
        }
    }

    @Test func missingTable() throws {
        var tables = try tables(replacing: "place-aliases.tsv", with: "")
        tables["place-aliases.tsv"] = nil
        #expect(throws: GazetteerError.missingTable(table: "place-aliases.tsv", reason: "not given")) {
            _ = try Gazetteer(tables: tables)
        }
    }

    @Test func wrongHeader() throws {
        let error = try loadError(replacing: "places-mapping.tsv", with: "old\tnew\n001\t00001\n")
        guard case .malformedRow(let table, let line, _) = error else {
            Issue.record("expected malformedRow, got \(String(describing: error))")
            return
        }
        #expect(table == "places-mapping.tsv" && line == 1)
    }

    @Test func unknownCodeInMapping() throws {
        let text = "old_district_code\told_commune_code\tnew_commune_code\tkind\n001\t00001\t99999\twhole\n"
        #expect(try loadError(replacing: "places-mapping.tsv", with: text)
            == .unknownReference(table: "places-mapping.tsv", line: 2, reference: "2025 commune 99999"))
    }

    @Test func badKindAndShortRow() throws {
        let badKind = "old_district_code\told_commune_code\tnew_commune_code\tkind\n001\t00001\t00097\thalf\n"
        guard case .malformedRow(_, 2, _) = try loadError(replacing: "places-mapping.tsv", with: badKind) else {
            Issue.record("kind \"half\" accepted")
            return
        }
        let short = "old_district_code\told_commune_code\tnew_commune_code\tkind\n001\t00001\n"
        guard case .malformedRow(_, 2, let reason) = try loadError(replacing: "places-mapping.tsv", with: short) else {
            Issue.record("short row accepted")
            return
        }
        #expect(reason.contains("2 fields"))
    }

    @Test func nameWithoutTypeWord() throws {
        let text = "province_code\tprovince\tcommune_code\tcommune\n01\tHà Nội\t00004\tPhường Ba Đình\n"
        guard case .malformedRow("places-2025.tsv", 2, let reason) = try loadError(replacing: "places-2025.tsv", with: text) else {
            Issue.record("a province without its type word was accepted")
            return
        }
        #expect(reason.contains("Hà Nội"))
    }

    @Test func olderNameWithUnknownSuccessor() throws {
        let text = "name\tlevel\tuntil\tsuccessor\tsource\nTỉnh Hà Tây\tprovince\t2008\tThành phố Hà Nội > Huyện Atlantis\tnone\n"
        #expect(try loadError(replacing: "places-older.tsv", with: text)
            == .unknownReference(table: "places-older.tsv", line: 2, reference: "pre-2025 unit Thành phố Hà Nội > Huyện Atlantis"))
    }

    @Test func olderNameCycle() throws {
        let text = "name\tlevel\tuntil\tsuccessor\tsource\nTỉnh A\tprovince\t1990\tolder:Tỉnh B\tx\nTỉnh B\tprovince\t1990\tolder:Tỉnh A\tx\n"
        guard case .unknownReference = try loadError(replacing: "places-older.tsv", with: text) else {
            Issue.record("a cycle of older names was accepted")
            return
        }
    }

    @Test func aliasToUnknownTarget() throws {
        let text = "alias\ttarget\tlevel\tnote\nXYZ\tAtlantis\tprovince\tx\n"
        #expect(try loadError(replacing: "place-aliases.tsv", with: text)
            == .unknownReference(table: "place-aliases.tsv", line: 2, reference: "alias target Atlantis (province)"))
    }

    /// An alias that folds to its own target would only duplicate the name.
    @Test func noAliasFoldsToItsTarget() throws {
        let text = try HosoData.table("place-aliases.tsv")
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("alias\t") {
            let cols = line.split(separator: "\t").map(String.init)
            #expect(gazetteerFoldKey(cols[0]) != gazetteerFoldKey(cols[1]), "place-aliases.tsv: \(cols[0])")
        }
    }
}
