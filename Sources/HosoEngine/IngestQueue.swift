import Dispatch
import Synchronization

/// A blocking first-in first-out queue of at most `capacity` elements between threads.
final class BlockingQueue<Element: Sendable>: Sendable {
    private let slots: DispatchSemaphore
    private let filled = DispatchSemaphore(value: 0)
    private let items = Mutex<[Element]>([])

    init(capacity: Int) {
        // Zero, then topped up: a semaphore released below its initial value traps in libdispatch.
        slots = DispatchSemaphore(value: 0)
        for _ in 0..<max(1, capacity) { slots.signal() }
    }

    /// Adds `item`, waiting while the queue is full.
    func push(_ item: Element) {
        slots.wait()
        items.withLock { $0.append(item) }
        filled.signal()
    }

    /// Takes the oldest item, waiting while the queue is empty.
    func pop() -> Element {
        filled.wait()
        let item = items.withLock { $0.removeFirst() }
        slots.signal()
        return item
    }
}

/// Results that arrive out of order from several workers, taken in sequence order.
final class ReorderBuffer<Element: Sendable>: Sendable {
    private let arrived = DispatchSemaphore(value: 0)
    private let items = Mutex<[Int: Element]>([:])

    /// Stores the result numbered `sequence`.
    func put(_ item: Element, at sequence: Int) {
        items.withLock { $0[sequence] = item }
        arrived.signal()
    }

    /// Takes the result numbered `sequence`, waiting until it arrives.
    func take(_ sequence: Int) -> Element {
        while true {
            if let item = items.withLock({ $0.removeValue(forKey: sequence) }) { return item }
            arrived.wait()
        }
    }
}
