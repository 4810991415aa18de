import HosoStore

/// Writes prepared batches into the store, one write transaction per batch.
enum IngestWriter {
    /// What a batch did.
    struct Counts: Sendable, Equatable {
        var inserted = 0
        var updated = 0
        var stale = 0
    }

    /// Writes every record of `chunks` in one transaction and commits it.
    ///
    /// - Returns: how many records were inserted, updated or stale.
    /// - Throws: `LMDBError` or `StoreError`; then nothing of the batch is stored.
    @available(*, noasync)
    static func write(_ chunks: [PreparedChunk], to store: RecordStore) throws -> Counts {
        guard chunks.contains(where: { !$0.entries.isEmpty }) else { return Counts() }
        return try store.write { writer in
            var counts = Counts()
            for chunk in chunks {
                for entry in chunk.entries {
                    let outcome = try writer.upsert(
                        encoded: chunk.encoded[entry.range], id: entry.id, version: entry.version,
                        nationalID: entry.nationalID, source: entry.source)
                    switch outcome {
                    case .inserted: counts.inserted += 1
                    case .updated: counts.updated += 1
                    case .stale: counts.stale += 1
                    }
                }
            }
            return counts
        }
    }
}
