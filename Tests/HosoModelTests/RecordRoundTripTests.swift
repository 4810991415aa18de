import Foundation
import Testing
import HosoModel
import TestSupport

@Suite struct RecordRoundTripTests {
    @Test(arguments: [RecordFactory.Style.realistic, .adversarial])
    func jsonLineParsesBackToTheSameRecord(style: RecordFactory.Style) throws {
        let factory = RecordFactory(seed: 42, style: style)
        for index in 0..<3000 {
            let record = factory.record(index)
            let line = record.jsonLine()
            let parsed = try PersonRecord.parse(line: Array(line.utf8))
            #expect(parsed == record, "record \(index): \(line)")
            if parsed != record { return }
        }
    }

    /// Foundation's JSON parser is the oracle for string escapes and for which lines are JSON.
    @Test func agreesWithFoundationOnStrings() throws {
        let factory = RecordFactory(seed: 9, style: .adversarial)
        for index in 0..<1000 {
            let record = factory.record(index)
            let data = Data(record.jsonLine().utf8)
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let parsed = try PersonRecord.parse(line: data)
            #expect(object["full_name"] as? String == parsed.fullName)
            #expect(object["id"] as? String == parsed.id)
            #expect((object["other_names"] as? [String] ?? []) == parsed.otherNames)
            #expect(object["religion"] as? String == parsed.religion)
            #expect(object.count == 4 + parsed.extra.count + presentOptionals(parsed))
        }
    }

    /// Cutting a valid line anywhere must give an error, never a crash or a record.
    @Test func truncatedLinesAreRejected() {
        let line = Array(RecordFactory(seed: 3).line(0).utf8)
        for cut in 0..<(line.count - 1) {
            #expect(throws: RecordError.self, "cut at \(cut)") { try PersonRecord.parse(line: line[0..<cut]) }
        }
    }

    /// Flipping bytes may give an error or a record, but never a crash; a record must re-encode.
    @Test func corruptedLinesNeverCrash() {
        var random = SeededRandom(seed: 5)
        let factory = RecordFactory(seed: 5, style: .adversarial)
        for index in 0..<2000 {
            var line = Array(factory.line(index).utf8)
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                line[Int.random(in: 0..<line.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
            if let record = try? PersonRecord.parse(line: line) {
                #expect((try? PersonRecord.parse(line: Array(record.jsonLine().utf8))) == record)
            }
        }
    }

    private func presentOptionals(_ r: PersonRecord) -> Int {
        let optionals: [Any?] = [r.nationalID, r.gender, r.birthDate, r.hometown, r.ethnicity, r.religion, r.agency,
            r.agencyCode, r.position, r.grade, r.status, r.source, r.updatedAt]
        return optionals.compactMap { $0 }.count + (r.otherNames.isEmpty ? 0 : 1) + (r.workHistory.isEmpty ? 0 : 1)
            + (r.training.isEmpty ? 0 : 1) + (r.originals.isEmpty ? 0 : 1)
    }
}
