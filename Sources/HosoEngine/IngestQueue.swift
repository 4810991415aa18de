import Dispatch
import Synchronization

/// What the parser thread hands the writer.
enum IngestItem: Sendable {
    case batch(PreparedBatch)
    /// The parser stopped on an error (e.g. an unreadable file).
    case failed(IngestError)
    /// No more items.
    case finished
}

/// A blocking first-in first-out queue of at most `capacity` items between two threads.
final class BatchQueue: Sendable {
    private let slots: DispatchSemaphore
    private let filled = DispatchSemaphore(value: 0)
    private let items = Mutex<[IngestItem]>([])

    init(capacity: Int) {
        slots = DispatchSemaphore(value: max(1, capacity))
    }

    /// Adds `item`, waiting while the queue is full.
    func push(_ item: IngestItem) {
        slots.wait()
        items.withLock { $0.append(item) }
        filled.signal()
    }

    /// Takes the oldest item, waiting while the queue is empty.
    func pop() -> IngestItem {
        filled.wait()
        let item = items.withLock { $0.removeFirst() }
        slots.signal()
        return item
    }
}
