import HosoModel
import Testing

@testable import HosoEngine

/// A generated sample shared by the generator suites: 20 000 records, their lines and parsed forms.
struct GeneratorCorpus: Sendable {
    static let count = 20_000
    static let seed: UInt64 = 20_251

    let lines: [String]
    let records: [PersonRecord]
    let summary: PeopleGenerator.Summary

    private static let cached: Result<GeneratorCorpus, CorpusError> = Result { () throws(CorpusError) in try build() }

    /// The sample, generated on first use.
    static func shared() throws -> GeneratorCorpus { try cached.get() }

    /// A line that the record parser rejects, or a generator that cannot load its tables.
    struct CorpusError: Error, CustomStringConvertible {
        let description: String
    }

    private static func build() throws(CorpusError) -> GeneratorCorpus {
        do {
            let generator = try PeopleGenerator(seed: seed)
            let (bytes, summary) = try generate(generator, count: count, threads: 2)
            var lines: [String] = []
            var records: [PersonRecord] = []
            for (number, line) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().enumerated() {
                lines.append(String(decoding: line, as: UTF8.self))
                do { records.append(try PersonRecord.parse(line: line)) } catch {
                    throw CorpusError(description: "line \(number + 1) does not parse: \(error)")
                }
            }
            return GeneratorCorpus(lines: lines, records: records, summary: summary)
        } catch let error as CorpusError {
            throw error
        } catch {
            throw CorpusError(description: "\(error)")
        }
    }

    /// All the NDJSON of `count` records, in memory (for tests only).
    static func generate(_ generator: PeopleGenerator, count: Int, threads: Int) throws -> ([UInt8], PeopleGenerator.Summary) {
        var bytes: [UInt8] = []
        let summary = try generator.generate(count: count, threads: threads) { (buffer, _) throws(GeneratorError) in
            bytes.append(contentsOf: buffer)
        }
        return (bytes, summary)
    }

    /// The share of records for which `predicate` holds.
    func share(_ predicate: (PersonRecord) -> Bool) -> Double {
        Double(records.count(where: predicate)) / Double(records.count)
    }
}
