import Dispatch
import Synchronization

/// What the reader hands the parser workers.
enum IngestWork: Sendable {
    case chunk(RawChunk)
    /// No more work: the worker ends.
    case stop
}

/// What the writer takes, in sequence order.
enum IngestResult: Sendable {
    case prepared(PreparedChunk)
    /// The reader stopped on an error (e.g. an unreadable file).
    case failed(IngestError)
    /// Every chunk has been handed out.
    case end
}

/// The reader thread: reads the input files through `LineReader`, copies lines into chunks of at
/// most `chunkLines` lines, cut so that every `batchSize` non-blank lines end a batch, and hands
/// them to the workers. Each chunk first takes one of `credits`, which the writer gives back once
/// the chunk is written: that bounds the memory in flight.
final class IngestReader: Sendable {
    let inputs: [IngestInput]
    let batchSize: Int
    let chunkLines: Int
    let work: BlockingQueue<IngestWork>
    let results: ReorderBuffer<IngestResult>
    let credits: DispatchSemaphore
    let workers: Int
    private let cancelled = Atomic<Bool>(false)

    init(
        inputs: [IngestInput], batchSize: Int, chunkLines: Int, work: BlockingQueue<IngestWork>,
        results: ReorderBuffer<IngestResult>, credits: DispatchSemaphore, workers: Int
    ) {
        self.inputs = inputs
        self.batchSize = batchSize
        self.chunkLines = chunkLines
        self.work = work
        self.results = results
        self.credits = credits
        self.workers = workers
    }

    /// Asks the reader to stop at the next line; it still ends the run with `.end`.
    func cancel() { cancelled.store(true, ordering: .relaxed) }

    /// Reads everything; runs on its own thread.
    func run() {
        var sequence = 0
        var chunk = RawChunk()
        var linesInBatch = 0
        var bytesBefore = 0
        func send(endsBatch: Bool, bytesRead: Int) {
            chunk.sequence = sequence
            chunk.endsBatch = endsBatch
            chunk.bytesReadSoFar = bytesRead
            credits.wait()
            work.push(.chunk(chunk))
            sequence += 1
            chunk = RawChunk()
            chunk.bytes.reserveCapacity(chunkLines * 1024)
            chunk.lines.reserveCapacity(chunkLines)
        }
        do {
            reading: for (fileIndex, input) in inputs.enumerated() {
                var reader = try LineReader(path: input.path)
                while let line = try reader.next() {
                    if cancelled.load(ordering: .relaxed) { break reading }
                    switch line {
                    case .text(let bytes):
                        guard !Self.isBlank(bytes) else { continue }
                        chunk.append(bytes, number: reader.lineNumber, file: fileIndex)
                    case .tooLong(let prefix):
                        prefix.withUnsafeBufferPointer {
                            chunk.append($0, number: reader.lineNumber, file: fileIndex, tooLong: true)
                        }
                    }
                    linesInBatch += 1
                    if linesInBatch == batchSize || chunk.lines.count == chunkLines {
                        let endsBatch = linesInBatch == batchSize
                        if endsBatch { linesInBatch = 0 }
                        send(endsBatch: endsBatch, bytesRead: bytesBefore + reader.bytesConsumed)
                    }
                }
                bytesBefore += reader.bytesConsumed
            }
            // Close the last batch even when the input ended exactly on a chunk boundary
            // (the chunk is then empty but earlier chunks of the batch wait for its end).
            if !chunk.lines.isEmpty || linesInBatch > 0 { send(endsBatch: true, bytesRead: bytesBefore) }
        } catch {
            results.put(.failed(error), at: sequence)
            sequence += 1
        }
        results.put(.end, at: sequence)
        for _ in 0..<workers { work.push(.stop) }
    }

    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
