import HosoStore

/// `hoso ingest`: loads NDJSON files into a store (DESIGN §2, §6).
///
/// One thread reads each file through a fixed buffer, parses, validates and repairs every line
/// and encodes the records into batches; the calling thread writes each batch in one LMDB write
/// transaction. A bounded queue between them keeps memory flat whatever the file size. Batches
/// are cut every `batchSize` input lines, so after a crash the store holds a whole number of
/// batches, and a rerun skips what is there (stale by version) and loads the rest.
public enum Ingest {
    /// Loads `options.files` into the store at `options.database`.
    ///
    /// - Parameters:
    ///   - options: files, database, rejects file, batch size.
    ///   - progress: called on the calling thread after each committed batch.
    /// - Returns: the counts of the run.
    /// - Throws: `IngestError` for an unreadable input or rejects file; `LMDBError` or
    ///   `StoreError` if the store cannot be opened or written. Bad lines are not errors: they are
    ///   counted and written to the rejects file.
    @available(*, noasync)
    public static func run(_ options: IngestOptions, progress: (IngestProgress) -> Void = { _ in }) throws -> IngestSummary {
        let clock = ContinuousClock()
        let start = clock.now
        let inputs = try IngestInput.inspect(options.files)
        let totalBytes = inputs.reduce(0) { $0 + $1.size }
        var environmentOptions = Environment.Options()
        environmentOptions.mapSize = IngestOptions.mapSize(forInputBytes: totalBytes)
        let store = try RecordStore(directory: options.database, options: environmentOptions)
        let rejects = try RejectsFile(path: options.rejectsPath)
        defer { rejects.close() }

        let queue = BatchQueue(capacity: options.queueDepth)
        let parser = IngestParser(inputs: inputs, batchSize: options.batchSize, queue: queue)
        parser.start()
        var summary = IngestSummary()
        var failure: (any Error)?
        consume: while true {
            switch queue.pop() {
            case .batch(let batch):
                guard failure == nil else { continue }
                do {
                    let counts = try IngestWriter.write(batch, to: store)
                    try rejects.write(batch.rejects, files: inputs)
                    summary.add(counts, lines: batch.lines, rejected: batch.rejects.count)
                    summary.bytesRead = batch.bytesReadSoFar
                    summary.seconds = (clock.now - start).seconds
                    progress(IngestProgress(summary: summary, totalBytes: totalBytes))
                } catch {
                    failure = error
                    parser.cancel()
                }
            case .failed(let error):
                failure = failure ?? error
            case .finished:
                break consume
            }
        }
        if let failure { throw failure }
        summary.seconds = (clock.now - start).seconds
        summary.databaseBytes = store.environment.usedBytes
        summary.storedRecords = try store.count()
        return summary
    }
}

/// What to ingest and how.
public struct IngestOptions: Sendable {
    /// NDJSON files, read in order.
    public var files: [String]
    /// The database directory (created if missing).
    public var database: String
    /// Where rejected lines go; `<database>/rejects.ndjson` when `nil`. Truncated at the start.
    public var rejects: String?
    /// Input lines per write transaction.
    public var batchSize: Int
    /// Parsed batches that may wait for the writer (bounds memory to about that many batches).
    public var queueDepth: Int = 2

    /// The default `batchSize`.
    public static let defaultBatchSize = 50_000

    public init(files: [String], database: String, rejects: String? = nil, batchSize: Int = defaultBatchSize) {
        self.files = files
        self.database = database
        self.rejects = rejects
        self.batchSize = max(1, batchSize)
    }

    /// The rejects file path actually used.
    public var rejectsPath: String { rejects ?? database + "/rejects.ndjson" }

    /// A first map size for loading `bytes` of NDJSON: the binary records are smaller than the
    /// JSON, and the map doubles if this proves short. At least 1 GiB, rounded to 256 MiB.
    static func mapSize(forInputBytes bytes: Int) -> Int {
        let unit = 256 << 20
        let wanted = max(1 << 30, bytes + bytes / 2)
        return (wanted + unit - 1) / unit * unit
    }
}

/// Counts of an ingest run.
public struct IngestSummary: Sendable, Equatable {
    /// Non-blank lines read.
    public var read = 0
    /// Records new to the store.
    public var stored = 0
    /// Records that replaced a lower version.
    public var updated = 0
    /// Records whose stored version was the same or higher (nothing written).
    public var stale = 0
    /// Lines rejected (see the rejects file).
    public var rejected = 0
    /// Wall-clock seconds.
    public var seconds = 0.0
    /// Input bytes consumed.
    public var bytesRead = 0
    /// Bytes of the LMDB data file in use at the end.
    public var databaseBytes = 0
    /// Live records in the store at the end.
    public var storedRecords = 0

    public init() {}

    /// Lines handled per second.
    public var recordsPerSecond: Double { seconds > 0 ? Double(read) / seconds : 0 }

    mutating func add(_ counts: IngestWriter.Counts, lines: Int, rejected: Int) {
        read += lines
        stored += counts.inserted
        updated += counts.updated
        stale += counts.stale
        self.rejected += rejected
    }
}

/// Why an ingest could not run (bad lines are not errors; they are rejected).
public struct IngestError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
