// Fuzz target (a): one NDJSON record line, as `hoso ingest` and `POST /v1/sync` read it.
//
// Checked for every input, beyond "no crash, no hang, no sanitizer report", taken both as a
// record line and as a sync line (`SyncEnvelope`: an upsert's record gets the same checks):
// - `parse(buffer:)` and `parse(line:)` over a non-contiguous collection agree (same record or
//   the same error);
// - a rejected line's `RecordError` has a reason;
// - an accepted record re-serialised with `jsonLine()` parses again to a record whose
//   `jsonLine()` is the same bytes (so no field is lost, changed or re-normalised);
// - `RecordCodec.encode` then `decode` gives the same record, byte for byte;
// - ingest's line path (`IngestParser.record(from:)`: parse, legacy repair, checks — what
//   `hoso ingest` and `POST /v1/sync` store) refuses what `parse` refuses with the same error;
//   what it accepts round-trips as above, has kept its originals, and is idempotent: the stored
//   record's line, ingested again, is the same record.

import FuzzSupport
@testable import HosoEngine
import HosoModel
import HosoStore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRecord(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    checkSyncLine(bytes)
    checkRecordLine(bytes)
    return 0
}

/// The same input as a `POST /v1/sync` line: an upsert's record must be a `{…}` inside the line
/// (and goes through the record checks); a delete names a valid id and a version ≥ 1, and written
/// back it parses to the same operation.
func checkSyncLine(_ bytes: UnsafeBufferPointer<UInt8>) {
    switch Result(catching: { () throws(RecordError) -> SyncEnvelope in try SyncEnvelope.parse(buffer: bytes) }) {
    case .success(.upsert(let range)):
        check(range.lowerBound >= 0 && range.upperBound <= bytes.count && range.count >= 2, "upsert range \(range) of \(bytes.count)")
        check(
            bytes[range.lowerBound] == UInt8(ascii: "{") && bytes[range.upperBound - 1] == UInt8(ascii: "}"),
            "upsert range \(range) is not an object")
        checkRecordLine(UnsafeBufferPointer(rebasing: bytes[range]))
    case .success(.delete(let id, let version)):
        check(RecordID.isValid(Array(id.utf8)) && version >= 1, "delete of \(id.debugEscaped) at \(version)")
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("op"); writer.string("delete")
        writer.key("id"); writer.string(id)
        writer.key("version"); writer.integer(version)
        writer.endObject()
        let again = writer.bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(RecordError) -> SyncEnvelope in try SyncEnvelope.parse(buffer: buffer) }
        }
        check((try? again.get()) == .delete(id: id, version: version), "delete line does not round-trip: \(again)")
    case .failure(let error):
        check(!error.reason.isEmpty, "sync rejection without a reason: \(error)")
    }
}

/// The record-line checks listed at the top of this file.
func checkRecordLine(_ bytes: UnsafeBufferPointer<UInt8>) {
    let parsed = Result { () throws(RecordError) -> PersonRecord in try PersonRecord.parse(buffer: bytes) }

    // The generic entry point copies non-contiguous input; it must read the same record.
    let viaCollection = Result { () throws(RecordError) -> PersonRecord in
        try PersonRecord.parse(line: bytes.lazy.map { $0 })
    }
    switch (parsed, viaCollection) {
    case (.success(let a), .success(let b)):
        check(sameBytes(a.jsonLine(), b.jsonLine()), "parse(buffer:) and parse(line:) disagree")
    case (.failure(let a), .failure(let b)):
        check(a == b, "parse(buffer:) threw \(a), parse(line:) threw \(b)")
    default:
        check(false, "parse(buffer:) gave \(parsed), parse(line:) gave \(viaCollection)")
    }

    let record: PersonRecord
    switch parsed {
    case .failure(let error):
        check(!error.reason.isEmpty, "rejection without a reason: \(error)")
        return
    case .success(let value):
        record = value
    }

    checkRoundTrips(record, stage: "parsed")

    // Ingest's line path: what is stored.
    let ingested = Result { () throws(RecordError) -> PersonRecord in try IngestParser.record(from: bytes) }
    guard case .success(let stored) = ingested else {
        // Only a name that repair empties may be refused after a successful parse.
        if case .failure(let error) = ingested {
            check(error.field == "full_name", "ingest refused a parsed record: \(error)")
        }
        return
    }
    checkRoundTrips(stored, stage: "ingested")
    check(
        stored.originals.count >= record.originals.count,
        "ingest dropped originals: \(record.originals.count) → \(stored.originals.count)")
    if !sameBytes(stored.jsonLine(), record.jsonLine()) {
        check(
            stored.originals.count > record.originals.count || !record.originals.isEmpty,
            "ingest changed the record without keeping an original")
    }
    let line = Array(stored.jsonLine().utf8)
    let again = line.withUnsafeBufferPointer { buffer in
        Result { () throws(RecordError) -> PersonRecord in try IngestParser.record(from: buffer) }
    }
    switch again {
    case .success(let twice):
        check(
            sameBytes(twice.jsonLine(), stored.jsonLine()),
            "ingest is not idempotent:\n once: \(stored.jsonLine().debugEscaped)\n twice: \(twice.jsonLine().debugEscaped)")
    case .failure(let error):
        check(false, "a stored record's line is refused by ingest (\(error)): \(stored.jsonLine().debugEscaped)")
    }
}

/// `jsonLine()` → `parse` and codec encode → decode both give the record back, byte for byte.
func checkRoundTrips(_ record: PersonRecord, stage: String) {
    let line = record.jsonLine()
    switch Result(catching: { () throws(RecordError) -> PersonRecord in try PersonRecord.parse(line: Array(line.utf8)) }) {
    case .success(let again):
        let second = again.jsonLine()
        check(
            sameBytes(line, second),
            "\(stage): jsonLine() does not survive parse:\n first:  \(line.debugEscaped)\n second: \(second.debugEscaped)")
        check(again == record, "\(stage): re-parsed record differs: \(line.debugEscaped)")
    case .failure(let error):
        check(false, "\(stage): jsonLine() does not parse (\(error)): \(line.debugEscaped)")
    }

    let encoded = RecordCodec.encode(record)
    switch Result(catching: { () throws(CodecError) -> PersonRecord in try RecordCodec.decode(encoded) }) {
    case .success(let decoded):
        check(sameBytes(decoded.jsonLine(), line), "\(stage): codec round trip differs: \(line.debugEscaped)")
    case .failure(let error):
        check(false, "\(stage): codec cannot decode what it encoded (\(error)): \(line.debugEscaped)")
    }
}

@main
enum FuzzRecordMain {
    static func main() { runFuzzer(fuzzRecord) }
}
