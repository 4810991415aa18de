import HosoModel
import HosoStore

/// A parser worker: turns raw chunks into prepared chunks until told to stop. Several run at once.
struct IngestParser: Sendable {
    let work: BlockingQueue<IngestWork>
    let results: ReorderBuffer<IngestResult>
    /// Seals restricted fields (the store's); `nil` for an unencrypted store.
    let sealer: FieldSealer?

    /// Works until `.stop`; runs on its own thread.
    func run() {
        while case .chunk(let raw) = work.pop() {
            results.put(.prepared(Self.prepare(raw, sealer: sealer)), at: raw.sequence)
        }
    }

    /// Parses, validates, repairs and encodes every line of `raw`.
    static func prepare(_ raw: RawChunk, sealer: FieldSealer?) -> PreparedChunk {
        var prepared = PreparedChunk()
        prepared.sequence = raw.sequence
        prepared.endsBatch = raw.endsBatch
        prepared.bytesReadSoFar = raw.bytesReadSoFar
        prepared.lines = raw.lines.count
        prepared.entries.reserveCapacity(raw.lines.count)
        prepared.encoded.reserveCapacity(raw.bytes.count * 3 / 4)
        raw.bytes.withUnsafeBufferPointer { all in
            for line in raw.lines {
                let bytes = UnsafeBufferPointer(rebasing: all[line.start..<line.end])
                if line.tooLong {
                    prepared.rejects.append(
                        Reject(file: line.file, line: line.number, reason: "line longer than 4 MiB", bytes: bytes))
                    continue
                }
                do throws(RecordError) {
                    prepared.append(try record(from: bytes), sealer: sealer)
                } catch {
                    prepared.rejects.append(Reject(file: line.file, line: line.number, reason: error.description, bytes: bytes))
                }
            }
        }
        return prepared
    }

    /// Parses, validates and repairs one record: the path every stored record takes (ingest
    /// lines and `POST /v1/sync` upserts).
    ///
    /// - Parameter bytes: one record's JSON object.
    /// - Throws: `RecordError` naming the field at fault, including a `full_name` that repair
    ///   leaves empty (one made only of control, invisible and space characters).
    static func record(from bytes: UnsafeBufferPointer<UInt8>) throws(RecordError) -> PersonRecord {
        var record = try PersonRecord.parse(buffer: bytes)
        record.repairLegacyText()
        if record.fullName.isEmpty {
            throw RecordError(field: "full_name", reason: "must not be empty once control and invisible characters are removed")
        }
        return record
    }
}
