import Foundation
import Testing
import TestSupport

/// Writes a seeded NDJSON sample for measuring ingest by hand, only when asked:
/// `HOSO_SAMPLE=/tmp/people.ndjson HOSO_SAMPLE_COUNT=2500000 swift test --filter IngestSampleWriter`.
@Suite struct IngestSampleWriter {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["HOSO_SAMPLE"] != nil))
    func writeSample() throws {
        let environment = ProcessInfo.processInfo.environment
        let path = try #require(environment["HOSO_SAMPLE"])
        let count = Int(environment["HOSO_SAMPLE_COUNT"] ?? "") ?? 250_000
        try RecordFactory(seed: 7).writeNDJSON(count: count, to: path)
    }
}
