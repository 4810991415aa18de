import Dispatch
import HosoModel
import Synchronization

/// The parser thread: reads the input files, turns lines into prepared batches and pushes them
/// onto the queue, ending with `.finished` (after `.failed` if a file could not be read).
final class IngestParser: Sendable {
    private let inputs: [IngestInput]
    private let batchSize: Int
    private let queue: BatchQueue
    private let cancelled = Atomic<Bool>(false)

    init(inputs: [IngestInput], batchSize: Int, queue: BatchQueue) {
        self.inputs = inputs
        self.batchSize = batchSize
        self.queue = queue
    }

    /// Starts the thread.
    func start() {
        let thread = DispatchQueue(label: "hoso.ingest.parser", qos: .userInitiated)
        thread.async { self.run() }
    }

    /// Asks the thread to stop at the next line; it still ends the queue with `.finished`.
    func cancel() { cancelled.store(true, ordering: .relaxed) }

    private func run() {
        var batch = PreparedBatch(capacity: batchSize)
        var bytesBefore = 0
        do {
            for (fileIndex, input) in inputs.enumerated() {
                var reader = try LineReader(path: input.path)
                while let line = try reader.next() {
                    if cancelled.load(ordering: .relaxed) { break }
                    switch line {
                    case .text(let bytes):
                        guard !isBlank(bytes) else { continue }
                        prepare(bytes, file: fileIndex, line: reader.lineNumber, into: &batch)
                    case .tooLong(let prefix):
                        batch.rejects.append(
                            Reject(file: fileIndex, line: reader.lineNumber, reason: "line longer than 4 MiB", bytes: prefix))
                    }
                    batch.lines += 1
                    if batch.lines == batchSize {
                        batch.bytesReadSoFar = bytesBefore + reader.bytesConsumed
                        queue.push(.batch(batch))
                        batch = PreparedBatch(capacity: batchSize)
                    }
                }
                bytesBefore += reader.bytesConsumed
            }
            if batch.lines > 0 {
                batch.bytesReadSoFar = bytesBefore
                queue.push(.batch(batch))
            }
        } catch {
            queue.push(.failed(error))
        }
        queue.push(.finished)
    }

    private func prepare(_ bytes: UnsafeBufferPointer<UInt8>, file: Int, line: Int, into batch: inout PreparedBatch) {
        do {
            var record = try PersonRecord.parse(buffer: bytes)
            record.repairLegacyText()
            batch.append(record)
        } catch {
            batch.rejects.append(Reject(file: file, line: line, reason: error.description, bytes: bytes))
        }
    }

    private func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
