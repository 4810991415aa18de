import HosoModel
import HosoStore

extension SyncBatch {
    /// Applies every line in `writer`'s transaction, in line order.
    ///
    /// An agency (`agency` not `nil`) may write only records whose `source` is its code, and
    /// may replace or delete only live records whose stored `source` is its code; the ownership
    /// check comes before the version check, so a stale answer never describes another agency's
    /// record. Runs inside `RecordStore.write`, which may run it again after growing the map:
    /// it has no effect outside the transaction.
    ///
    /// - Parameters:
    ///   - writer: the open write transaction.
    ///   - agency: the caller's agency code, or `nil` for an admin.
    /// - Returns: one result per line, and the sequence number after the batch.
    /// - Throws: `LMDBError` / `CodecError` (then nothing of the batch is committed).
    func apply(to writer: inout RecordWriter, agency: String?) throws -> SyncResult {
        var result = SyncResult()
        result.lines.reserveCapacity(lines.count)
        for line in lines {
            let (id, outcome, reason) = try Self.apply(line.operation, to: &writer, agency: agency)
            result.lines.append(SyncResult.Line(number: line.number, id: id, outcome: outcome, reason: reason))
        }
        result.sequence = writer.lastSequence
        return result
    }

    private static func apply(
        _ operation: Operation, to writer: inout RecordWriter, agency: String?
    ) throws -> (String?, SyncResult.Outcome, String?) {
        switch operation {
        case .rejected(let id, let reason):
            return (id, .rejected, reason)
        case .upsert(let record):
            if let agency {
                guard record.source == agency else {
                    let got = record.source.map { "got \"\($0)\"" } ?? "it is missing"
                    return (record.id, .rejected, "record.source: must be this key's agency \"\(agency)\", \(got)")
                }
                if let stored = try writer.record(id: record.id), stored.source != agency {
                    return (record.id, .rejected, Self.foreign)
                }
            }
            switch try writer.upsert(record) {
            case .inserted, .updated: return (record.id, .applied, nil)
            case .stale: return (record.id, .stale, "version \(record.version) is not above the stored version")
            }
        case .delete(let id, let version):
            if let agency {
                // A replayed delete of an id already deleted at this version or later is stale.
                if let stored = try writer.storedVersion(id: id), stored.deleted, version <= stored.version {
                    return (id, .stale, "version \(version) is not above the stored version")
                }
                guard let stored = try writer.record(id: id), stored.source == agency else {
                    return (id, .rejected, Self.foreign)
                }
            }
            switch try writer.delete(id: id, version: version) {
            case .deleted: return (id, .applied, nil)
            case .stale: return (id, .stale, "version \(version) is not above the stored version")
            case .notFound: return (id, .rejected, "no such record")
            }
        }
    }

    /// The one reason an agency gets for another agency's record (and, for deletes, for an
    /// absent one): it does not say which agency holds it.
    static let foreign = "no record of this key's agency has this id; an agency key may only change its own records"
}
