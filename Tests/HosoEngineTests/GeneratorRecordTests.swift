import Foundation
import HosoModel
import Testing

@testable import HosoEngine

/// Each generated record on its own: national ids, dates, careers, grades.
@Suite struct GeneratorRecordTests {
    /// The repository's `data/tables`, found from this file's path.
    static let tables = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("data/tables")

    /// The codes of a committed table's first column (comments and, if it has one, the header skipped).
    static func codes(_ table: String, header: Bool) throws -> Set<String> {
        let text = try String(contentsOf: tables.appendingPathComponent(table), encoding: .utf8)
        let lines = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        return Set(lines.dropFirst(header ? 1 : 0).map { String($0.split(separator: "\t")[0]) })
    }

    @Test func everyLineParses() throws {
        let corpus = try GeneratorCorpus.shared()
        #expect(corpus.records.count == GeneratorCorpus.count)
        #expect(corpus.summary.records == GeneratorCorpus.count)
        #expect(corpus.records.map(\.id) == (0..<GeneratorCorpus.count).map { "HS" + String(format: "%010d", $0) })
    }

    @Test func nationalIDsAreUniqueAndConsistent() throws {
        let corpus = try GeneratorCorpus.shared()
        let provinces = try Self.codes("cccd-provinces.tsv", header: true)
        #expect(provinces.count == 63)
        var seen = Set<String>()
        var problems: [String] = []
        for record in corpus.records {
            guard let id = record.nationalID, let year = record.birthDate?.year, let gender = record.gender else {
                problems.append("\(record.id): national id, birth year or gender missing")
                continue
            }
            let digits = Array(id.utf8)
            if digits.count != 12 || !digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { problems.append("\(record.id): \(id)") }
            if !seen.insert(id).inserted { problems.append("\(record.id): \(id) repeated") }
            if !provinces.contains(String(id.prefix(3))) { problems.append("\(record.id): province \(id.prefix(3))") }
            let centuryGender = (year >= 2000 ? 2 : 0) + (gender == .female ? 1 : 0)
            if id.dropFirst(3).first != Character(String(centuryGender)) { problems.append("\(record.id): \(id) for \(gender) \(year)") }
            if id.dropFirst(4).prefix(2) != String(format: "%02d", year % 100) { problems.append("\(record.id): \(id) for \(year)") }
        }
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }

    @Test func collidingNationalIDsAreDrawnAgain() throws {
        let generator = try PeopleGenerator(seed: 9)
        let line = Array(#"{"id":"a","national_id":"001085123456"}"#.utf8) + [0x0A]
        let start = #"{"id":"a","national_id":""#.utf8.count
        var slot = ChunkSlot(bytes: line + line + line, idOffsets: [start, start + line.count, start + 2 * line.count])
        var seen = Set<UInt64>()
        let reassigned = generator.makeUnique(&slot, firstRecord: 0, seen: &seen)
        #expect(reassigned == 2)
        let ids = slot.idOffsets.map { String(decoding: slot.bytes[$0..<($0 + 12)], as: UTF8.self) }
        #expect(Set(ids).count == 3)
        #expect(ids.allSatisfy { $0.hasPrefix("001085") })
        #expect(ids[0] == "001085123456")
    }

    @Test func birthYearsAndDatesArePlausible() throws {
        let corpus = try GeneratorCorpus.shared()
        var problems: [String] = []
        for record in corpus.records {
            let year = record.birthDate?.year ?? 0
            if !(1960...2003).contains(year) { problems.append("\(record.id) born \(year)") }
            let history = record.workHistory
            if !(1...6).contains(history.count) { problems.append("\(record.id): \(history.count) posts") }
            for (index, entry) in history.enumerated() {
                if let to = entry.to, to < entry.from { problems.append("\(record.id): post \(index) ends before it starts") }
                if index > 0, let previous = history[index - 1].to, previous >= entry.from {
                    problems.append("\(record.id): posts \(index - 1) and \(index) overlap")
                }
                if index < history.count - 1 && entry.to == nil { problems.append("\(record.id): an earlier post is open") }
                if entry.from.year < year + 17 { problems.append("\(record.id): working at \(entry.from.year - year)") }
            }
            let open = history.last?.to == nil
            if open != (record.status == .active) { problems.append("\(record.id): \(String(describing: record.status)) but last post open: \(open)") }
            if record.training.isEmpty { problems.append("\(record.id): no training") }
            guard let updated = record.updatedAt, updated.count == 25, updated.hasSuffix("+07:00"),
                updated >= "2023-11", updated < "2026-11-01"
            else {
                problems.append("\(record.id): updated_at \(record.updatedAt ?? "nil")")
                continue
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }

    @Test func gradesFitPositions() throws {
        let corpus = try GeneratorCorpus.shared()
        let grades = try Self.codes("grades.tsv", header: false)
        var problems: [String] = []
        var teachers = 0
        var doctors = 0
        for record in corpus.records {
            let grade = record.grade ?? ""
            if !grades.contains(grade) { problems.append("\(record.id): grade \(grade) is not in grades.tsv") }
            let position = record.position ?? ""
            if position.hasPrefix("Giáo viên") || position.hasPrefix("GV") {
                teachers += 1
                if !grade.hasPrefix("V.07.") { problems.append("\(record.id): \(position) with \(grade)") }
            }
            if position.hasPrefix("Bác sĩ") || position.hasPrefix("BS") {
                doctors += 1
                if !grade.hasPrefix("V.08.01.") { problems.append("\(record.id): \(position) with \(grade)") }
            }
            if (record.agency ?? "").hasPrefix("Ủy ban nhân dân") && position == "Chuyên viên" && grade != "01.003" {
                problems.append("\(record.id): commune Chuyên viên with \(grade)")
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(10))")
        #expect(teachers > corpus.records.count / 4, "teachers are the largest group (\(teachers))")
        #expect(doctors > corpus.records.count / 50, "doctors: \(doctors)")
    }

    @Test func agencyCodesAreStablePerAgency() throws {
        let corpus = try GeneratorCorpus.shared()
        var nameOfCode: [String: String] = [:]
        var codeOfProvincialBody: [String: String] = [:]
        var problems: [String] = []
        // People in post work for bodies named on the 2025 map; names written in full (plain text,
        // no abbreviation, no added district; tones in one placement) identify one code, and one
        // code one name. Commune names repeat across provinces (xã Châu Thành), so only names
        // carrying their province, and central bodies, must map back to a single code.
        var context = GenerationContext(generator: try PeopleGenerator(seed: GeneratorCorpus.seed))
        for (index, record) in corpus.records.enumerated() where record.status == .active {
            context.planRecord(index)
            let style = context.plan.style
            guard style.isPlain, !style.abbreviations, let written = record.agency, let code = record.agencyCode,
                !written.contains(",")
            else { continue }
            var modern: [UInt8] = []
            let agency = GenerationContext.modernizeTones(Array(written.utf8), into: &modern)
                ? String(decoding: modern, as: UTF8.self) : written
            if let known = nameOfCode[code], known != agency { problems.append("\(code): \(known) and \(agency)") }
            nameOfCode[code] = agency
            if agency.contains("tỉnh ") || agency.contains("Thành phố ") || agency.hasPrefix("Bộ ") {
                if let known = codeOfProvincialBody[agency], known != code { problems.append("\(agency): \(known) and \(code)") }
                codeOfProvincialBody[agency] = code
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(10))")
        #expect(nameOfCode.count > 1_000, "\(nameOfCode.count) agencies")
        let sources = Set(corpus.records.compactMap(\.source))
        #expect(sources.count > 90 && sources.count <= 96, "\(sources.count) sources")
        #expect(sources.allSatisfy { $0.count == 3 && ($0.hasPrefix("G") || $0.hasPrefix("H")) })
    }

    @Test func historiesNameBodiesOfBothEras() throws {
        let corpus = try GeneratorCorpus.shared()
        let agencies = corpus.records.flatMap { $0.workHistory.map(\.agency) }
        for old in ["Bộ Kế hoạch và Đầu tư", "Sở Lao động - Thương binh và Xã hội", "huyện ", "Sở Tài nguyên và Môi trường"] {
            #expect(agencies.contains { $0.contains(old) }, "no work history names \(old)")
        }
        #expect(agencies.contains { $0.contains("Bắc Giang") }, "no post in the pre-2025 province of Bắc Giang")
        let current = corpus.records.compactMap(\.agency)
        for name in ["Bộ Nông nghiệp và Môi trường", "Sở Giáo dục và Đào tạo", "Ủy ban nhân dân xã", "Bệnh viện Đa khoa", "Trường Mầm non"] {
            #expect(current.contains { $0.contains(name) }, "no current agency like \(name)")
        }
        let moved = corpus.share { record in Set(record.workHistory.map(\.agency)).count > 1 }
        #expect(moved > 0.3, "only \(moved) of people worked at more than one agency")
    }
}
