import HosoModel
import Testing

/// `SyncEnvelope.parse`: the two operations, and every malformed line rejected naming its field.
@Suite struct SyncEnvelopeTests {
    static func parse(_ line: String) throws(RecordError) -> SyncEnvelope {
        let bytes = Array(line.utf8)
        return try bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(RecordError) -> SyncEnvelope in try SyncEnvelope.parse(buffer: buffer) }
        }.get()
    }

    @Test func upsertLocatesTheRecordObject() throws {
        let line = #" { "record" : {"id":"HS1","full_name":"Lê Văn Tám","x":[1,{"y":null}]}, "op":"upsert" } "#
        guard case .upsert(let range) = try Self.parse(line) else {
            Issue.record("not an upsert")
            return
        }
        let bytes = Array(line.utf8)
        #expect(String(decoding: bytes[range], as: UTF8.self) == #"{"id":"HS1","full_name":"Lê Văn Tám","x":[1,{"y":null}]}"#)
    }

    @Test func deleteReadsIDAndVersion() throws {
        #expect(try Self.parse(#"{"op":"delete","version":12,"id":"HS.0-1_a"}"#) == .delete(id: "HS.0-1_a", version: 12))
        #expect(try Self.parse(#"{"op":"del\u0065te","id":"A","version":1}"#) == .delete(id: "A", version: 1))
    }

    @Test(arguments: [
        (#"[]"#, nil),
        (#"{"op":"upsert"}"#, "record"),
        (#"{"op":"upsert","record":[1]}"#, "record"),
        (#"{"op":"upsert","record":{"id":1,}}"#, "record"),
        (#"{"op":"upsert","record":{},"id":"A"}"#, "id"),
        (#"{"op":"upsert","record":{},"version":2}"#, "version"),
        (#"{"op":"delete","id":"A"}"#, "version"),
        (#"{"op":"delete","version":2}"#, "id"),
        (#"{"op":"delete","id":"a b","version":2}"#, "id"),
        (#"{"op":"delete","id":"A","version":0}"#, "version"),
        (#"{"op":"delete","id":"A","version":1.5}"#, "version"),
        (#"{"op":"delete","id":"A","version":"2"}"#, "version"),
        (#"{"op":"delete","id":"A","version":2,"record":{}}"#, "record"),
        (#"{"op":"merge","id":"A","version":2}"#, "op"),
        (#"{"op":7}"#, "op"),
        (#"{"id":"A","version":2}"#, "op"),
        (#"{"op":"delete","op":"delete","id":"A","version":2}"#, "op"),
        (#"{"op":"delete","id":"A","version":2,"extra":1}"#, "extra"),
        (#"{"op":"delete","id":"A","version":2} x"#, nil),
        (#"{"op":"delete","id":"A","version":2"#, nil),
    ] as [(String, String?)])
    func malformedLinesNameTheirField(line: String, field: String?) {
        do {
            let parsed = try Self.parse(line)
            Issue.record("\(line) parsed as \(parsed)")
        } catch {
            #expect(error.field == field, "\(line): \(error)")
        }
    }
}
