import Dispatch
import HosoStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `hoso ingest`: loads NDJSON files into a store (DESIGN §2, §6).
///
/// A reader thread reads each file through a fixed buffer and cuts the lines into chunks;
/// `parserThreads` workers parse, validate, repair and encode the chunks in parallel; the calling
/// thread puts the results back in order and writes every `batchSize` input lines in one LMDB
/// write transaction. A fixed number of chunks may be in flight, so memory stays flat whatever
/// the file size. Because batches are cut by input line, after a crash the store holds a whole
/// number of batches, and a rerun skips what is there (stale by version) and loads the rest.
public enum Ingest {
    /// Loads `options.files` into the store at `options.database`.
    ///
    /// - Parameters:
    ///   - options: files, database, rejects file, batch size, parser threads.
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
        let store = try RecordStore(directory: options.database, options: environmentOptions, dataKey: options.dataKey)
        let sealer = try store.writeSealer()
        let rejects = try RejectsFile(path: options.rejectsPath, withText: sealer == nil)
        defer { rejects.close() }

        let workers = max(1, options.parserThreads)
        let chunksPerBatch = (options.batchSize + options.chunkLines - 1) / options.chunkLines
        let work = BlockingQueue<IngestWork>(capacity: 2 * workers)
        let results = ReorderBuffer<IngestResult>()
        // Created at zero and topped up: libdispatch traps when a semaphore is released below
        // its initial value, which chunks still in flight at the end of a run would cause.
        let credits = DispatchSemaphore(value: 0)
        for _ in 0..<(chunksPerBatch + 2 * workers + 2) { credits.signal() }
        let reader = IngestReader(
            inputs: inputs, batchSize: options.batchSize, chunkLines: options.chunkLines, work: work,
            results: results, credits: credits, workers: workers)
        DispatchQueue(label: "hoso.ingest.reader", qos: .userInitiated).async { reader.run() }
        for index in 0..<workers {
            let parser = IngestParser(work: work, results: results, sealer: sealer)
            DispatchQueue(label: "hoso.ingest.parser.\(index)", qos: .userInitiated).async { parser.run() }
        }

        var summary = IngestSummary()
        var failure: (any Error)?
        var pending: [PreparedChunk] = []
        var next = 0
        consume: while true {
            let result = results.take(next)
            next += 1
            switch result {
            case .prepared(let chunk):
                pending.append(chunk)
                guard chunk.endsBatch else { continue }
                defer {
                    for _ in pending { credits.signal() }
                    pending.removeAll(keepingCapacity: true)
                }
                guard failure == nil else { continue }
                do {
                    let counts = try IngestWriter.write(pending, to: store)
                    for written in pending {
                        try rejects.write(written.rejects, files: inputs)
                        summary.sample(written.rejects, files: inputs)
                    }
                    summary.add(counts, lines: pending.reduce(0) { $0 + $1.lines },
                        rejected: pending.reduce(0) { $0 + $1.rejects.count })
                    summary.bytesRead = chunk.bytesReadSoFar
                    summary.seconds = (clock.now - start).seconds
                    progress(IngestProgress(summary: summary, totalBytes: totalBytes))
                } catch {
                    failure = error
                    reader.cancel()
                }
            case .failed(let error):
                failure = failure ?? error
            case .end:
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
    /// Threads that parse lines in parallel (the reader and the writer have one each).
    public var parserThreads: Int = IngestOptions.defaultParserThreads
    /// Lines handed to a parser thread at a time.
    public var chunkLines: Int = 2_000
    /// The key that seals restricted fields (DESIGN §3); a new database is encrypted with it.
    /// `nil` writes an unencrypted database (tests) and is refused for an encrypted one.
    public var dataKey: DataKey?

    /// One per processor, at most 4.
    public static var defaultParserThreads: Int { max(1, min(4, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))) }

    /// The default `batchSize`.
    public static let defaultBatchSize = 50_000

    public init(
        files: [String], database: String, rejects: String? = nil, batchSize: Int = defaultBatchSize, dataKey: DataKey? = nil
    ) {
        self.dataKey = dataKey
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
    /// The first rejected lines (at most `sampleLimit`), for the console; all are in the rejects file.
    public var rejectSamples: [RejectSample] = []

    /// How many rejected lines `rejectSamples` keeps.
    public static let sampleLimit = 10

    public init() {}

    /// Lines handled per second.
    public var recordsPerSecond: Double { seconds > 0 ? Double(read) / seconds : 0 }

    mutating func sample(_ rejects: [Reject], files: [IngestInput]) {
        for reject in rejects where rejectSamples.count < Self.sampleLimit {
            rejectSamples.append(RejectSample(file: files[reject.file].path, line: reject.line, reason: reject.reason))
        }
    }

    mutating func add(_ counts: IngestWriter.Counts, lines: Int, rejected: Int) {
        read += lines
        stored += counts.inserted
        updated += counts.updated
        stale += counts.stale
        self.rejected += rejected
    }
}

/// Where a rejected line was and why.
public struct RejectSample: Sendable, Equatable {
    public var file: String
    /// 1-based.
    public var line: Int
    public var reason: String
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
