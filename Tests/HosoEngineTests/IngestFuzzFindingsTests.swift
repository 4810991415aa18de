import HosoModel
import Testing

@testable import HosoEngine

/// Record lines the libFuzzer target FuzzRecord (`Fuzz/`) found mishandled by ingest's line path
/// (`IngestParser.record(from:)`, shared by `hoso ingest` and `POST /v1/sync`), kept as regressions.
@Suite struct IngestFuzzFindingsTests {
    /// A name made only of control and invisible characters passed the parser's "not empty"
    /// check, then legacy repair's clean-up removed all of it and a record with an empty
    /// `full_name` was stored (its own line no longer parsed). Now the line is refused.
    @Test(arguments: [
        #"{"id":"HS8","full_name":"\u0000\u001f\u007f\u00ad\u200b"}"#,  // fuzzer seed that failed
        #"{"id":"HS9","full_name":" \u200b\t\u2060 "}"#,
    ])
    func aNameRepairEmptiesIsRefused(_ line: String) {
        let bytes = Array(line.utf8)
        #expect((try? PersonRecord.parse(line: bytes)) != nil, "the parser alone accepts it")
        let error = bytes.withUnsafeBufferPointer { buffer in
            #expect(throws: RecordError.self) { try IngestParser.record(from: buffer) }
        }
        #expect(error?.field == "full_name")
    }

    @Test func aNameWithInvisibleCharactersAroundLettersIsKept() throws {
        let bytes = Array(#"{"id":"HS11","full_name":"\u200bL\u00ea\u0000 An"}"#.utf8)
        let record = try bytes.withUnsafeBufferPointer { try IngestParser.record(from: $0) }
        #expect(record.fullName == "Lê An")
        #expect(record.originals.map(\.path) == ["full_name"])
    }
}
