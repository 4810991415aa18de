import Foundation
import HosoModel
import HosoText
import Testing

@testable import HosoEngine

/// Shares over the 20 000-record sample: surnames, hometown maps, text variety, access levels.
@Suite struct GeneratorShareTests {
    /// The family name of a Kinh-style name as written (NFC, title case).
    static func surname(_ name: String) -> String {
        let words = ICU.nfc(name).split(separator: " ")
        guard let first = words.first else { return "" }
        return first.prefix(1).uppercased() + first.dropFirst().lowercased()
    }

    @Test(arguments: [("Nguyễn", 0.38, 0.015), ("Trần", 0.11, 0.01), ("Lê", 0.095, 0.01), ("Phạm", 0.07, 0.01)])
    func surnameShares(_ surname: String, _ expected: Double, _ tolerance: Double) throws {
        let corpus = try GeneratorCorpus.shared()
        let observed = corpus.share { Self.surname($0.fullName) == surname }
        #expect(abs(observed - expected) <= tolerance, "\(surname): \(observed), expected \(expected) ± \(tolerance)")
    }

    @Test func surnameSharesFollowTheTable() throws {
        let corpus = try GeneratorCorpus.shared()
        let generator = try PeopleGenerator(seed: 1)
        let names = generator.tables.names
        let total = names.surnameShares.reduce(0) { $0 + $1.share }
        #expect(total == names.kinhShare, "generator-surnames.tsv sums to \(total), the Kinh share is \(names.kinhShare)")
        let shares = try Self.ethnicShares()
        #expect(shares.values.reduce(0, +) == 10_000, "generator-ethnicities.tsv shares must sum to 10 000")
        let hoangHuynh = corpus.share { ["Hoàng", "Huỳnh"].contains(Self.surname($0.fullName)) }
        #expect(abs(hoangHuynh - 0.05) <= 0.012, "Hoàng and Huỳnh together: \(hoangHuynh)")
        for (surname, share) in names.surnameShares where share >= 100 {
            let observed = corpus.share { Self.surname($0.fullName) == surname }
            #expect(abs(observed - Double(share) / 10_000) <= 0.012, "\(surname): \(observed) vs table \(share) per 10 000")
        }
        #expect(corpus.records.contains { $0.fullName.hasPrefix("Tôn Nữ") && $0.gender == .female })
        #expect(!corpus.records.contains { $0.fullName.hasPrefix("Tôn Nữ") && $0.gender == .male })
    }

    static func ethnicShares() throws -> [String: Int] {
        let url = GeneratorRecordTests.tables.appendingPathComponent("generator-ethnicities.tsv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }.dropFirst()
        var shares: [String: Int] = [:]
        for line in lines {
            let fields = line.split(separator: "\t")
            shares[String(fields[0])] = Int(fields[1]) ?? 0
        }
        return shares
    }

    @Test func minorityNamesAndEthnicities() throws {
        let corpus = try GeneratorCorpus.shared()
        let kinh = corpus.share { $0.ethnicity == "Kinh" }
        #expect(abs(kinh - 0.92) <= 0.01, "Kinh: \(kinh)")
        let names = corpus.records.map(\.fullName)
        #expect(names.contains { $0.hasPrefix("H'") }, "no Ê Đê woman's name (H'…)")
        #expect(names.contains { $0.hasPrefix("Y ") }, "no Ê Đê man's name (Y …)")
        #expect(names.contains { $0.contains(" A ") }, "no Mông man's name (… A …)")
        #expect(names.contains { $0.hasPrefix("Lò ") }, "no Thái name (Lò …)")
        #expect(corpus.share { ($0.otherNames.first) != nil } > 0.01)
        #expect(corpus.share { $0.religion == "Không" } > 0.75)
        let twoSyllableGiven = corpus.share { $0.fullName.split(separator: " ").count >= 4 }
        #expect(twoSyllableGiven > 0.02, "four-word names: \(twoSyllableGiven)")
    }

    @Test func hometownsAreEightyTwentyOnTheTwoMaps() throws {
        let corpus = try GeneratorCorpus.shared()
        var current = 0
        var legacy = 0
        var text = 0
        for record in corpus.records {
            switch record.hometown {
            case .unit(_, let district, _): if district == nil { current += 1 } else { legacy += 1 }
            case .text(let value):
                text += 1
                if value.split(separator: ",").count == 3 { legacy += 1 } else { current += 1 }
            case nil: break
            }
        }
        let total = Double(current + legacy)
        #expect(current + legacy == corpus.records.count)
        #expect(abs(Double(current) / total - 0.8) <= 0.015, "2025 map: \(Double(current) / total)")
        #expect(Double(text) / total > 0.05 && Double(text) / total < 0.2, "strings: \(Double(text) / total)")
        let provinces = Dictionary(grouping: corpus.records.compactMap { record -> String? in
            if case .unit(_, nil, let province) = record.hometown { return province }
            return nil
        }, by: { $0 }).mapValues(\.count)
        let older = corpus.records.filter { record in
            if case .unit(_, .some, let province) = record.hometown { return province == "Tỉnh Hà Tây" || province == "Hà Tây" }
            if case .text(let text) = record.hometown { return text.hasSuffix("Hà Tây") }
            return false
        }
        #expect(!older.isEmpty, "no pre-2025 hometown written with the older name Hà Tây")
        #expect(older.allSatisfy { ($0.birthDate?.year ?? 9999) <= 2008 }, "Hà Tây for someone born after 2008")
        let hanoi = provinces["Thành phố Hà Nội", default: 0]
        let caoBang = provinces["Tỉnh Cao Bằng", default: 0]
        #expect(hanoi > 5 * max(1, caoBang), "Hà Nội \(hanoi) vs Cao Bằng \(caoBang): provinces are population-weighted")
    }

    @Test func textVariety() throws {
        let corpus = try GeneratorCorpus.shared()
        let nfd = corpus.share { !ICU.isNFC($0.fullName) }
        #expect(nfd > 0.005 && nfd < 0.02, "NFD names: \(nfd)")
        let legacy = corpus.share { LegacyRepair.repair($0.fullName).encoding != nil }
        #expect(legacy > 0.002 && legacy < 0.012, "legacy-encoded names: \(legacy)")
        let capitals = corpus.share { $0.fullName == $0.fullName.uppercased() }
        #expect(capitals > 0.015 && capitals < 0.06, "names in capitals: \(capitals)")
        let texts = corpus.records.flatMap { [$0.fullName] + $0.workHistory.map(\.agency) }
        #expect(texts.contains { $0.contains("Hoà") } && texts.contains { $0.contains("Hòa") }, "both tone placements")
        #expect(texts.contains { $0.contains("Thuỷ") } && texts.contains { $0.contains("Thủy") }, "both tone placements")
        let abbreviated = corpus.share { record in
            let text = (record.agency ?? "") + " " + (record.position ?? "")
            return ["UBND", "GD&ĐT", "PGĐ", "TP.HCM", "THCS", "BVĐK", "TTYT"].contains { text.contains($0) }
        }
        #expect(abbreviated > 0.005 && abbreviated < 0.06, "abbreviated agencies or positions: \(abbreviated)")
    }

    @Test func legacyTextRepairsToTheGeneratedName() throws {
        let corpus = try GeneratorCorpus.shared()
        let generator = try PeopleGenerator(seed: GeneratorCorpus.seed)
        var context = GenerationContext(generator: generator)
        var checked = 0
        var failures: [String] = []
        for (index, record) in corpus.records.enumerated() {
            context.planRecord(index)
            guard context.plan.style.legacy != nil else { continue }
            var plain = context.plan.fullName
            var modern: [UInt8] = []
            if context.plan.style.modernTones && GenerationContext.modernizeTones(plain, into: &modern) { plain = modern }
            var expected = String(decoding: plain, as: UTF8.self)
            if context.plan.style.capitalNames { expected = expected.uppercased() }
            let repaired = LegacyRepair.repair(record.fullName).text
            checked += 1
            if repaired.lowercased() != expected.lowercased() && repaired != record.fullName {
                failures.append("\(record.fullName) → \(repaired), expected \(expected)")
            }
        }
        #expect(checked > 40)
        #expect(failures.count <= checked / 20, "\(failures.count) of \(checked): \(failures.prefix(10))")
    }

    @Test func accessLevelsAndStatuses() throws {
        let corpus = try GeneratorCorpus.shared()
        let expected: [(AccessLevel, Double, Double)] = [(.public, 0.95, 0.01), (.internal, 0.03, 0.006), (.restricted, 0.015, 0.005), (.secret, 0.005, 0.003)]
        for (level, share, tolerance) in expected {
            let observed = corpus.share { $0.accessLevel == level }
            #expect(abs(observed - share) <= tolerance, "access level \(level): \(observed)")
        }
        let active = corpus.share { $0.status == .active }
        #expect(active > 0.8 && active < 0.95, "active: \(active)")
        for status in Status.allCases { #expect(corpus.records.contains { $0.status == status }, "no \(status) record") }
        #expect(corpus.share { $0.version > 1 } > 0.1)
    }

    @Test func modernizeTonesMovesOnlyOpenSyllables() {
        func modern(_ text: String) -> String {
            var output: [UInt8] = []
            return GenerationContext.modernizeTones(Array(text.utf8), into: &output) ? String(decoding: output, as: UTF8.self) : text
        }
        #expect(modern("Hòa") == "Hoà")
        #expect(modern("Khánh Hòa, Thủy, khỏe") == "Khánh Hoà, Thuỷ, khoẻ")
        #expect(modern("Thụy Thúy") == "Thuỵ Thuý")
        #expect(modern("Hoàng Toàn Xoan Quý Quỳnh") == "Hoàng Toàn Xoan Quý Quỳnh")
        #expect(modern("Hòan") == "Hòan")
    }
}
