import Dispatch
import Foundation
import HosoStore
import Synchronization

/// The append-only, hash-chained audit log in the LMDB `audit` database, with group commit.
///
/// `append` enqueues an event and suspends until the transaction holding it has committed, so
/// no response leaves before its entry is durable. One writer — its own thread, `hoso-audit`,
/// off the cooperative pool and the event loops — takes everything queued, writes it in one
/// transaction, resumes all waiters, and goes again while more arrived meanwhile, at most once per
/// `minimumCommitInterval`: under load, many requests share one commit. Each transaction reads
/// the chain's tail itself, so several processes (a server and `hoso keys`) may append to the
/// same file.
public final class AuditLog: Sendable {
    typealias Waiter = CheckedContinuation<Result<UInt64, ServiceError>, Never>

    struct Queue: Sendable {
        var events: [AuditEvent] = []
        var waiters: [Waiter] = []
        var draining = false
    }

    /// Counters of the writer, for metrics.
    public struct Statistics: Sendable, Hashable {
        /// Entries committed by this process.
        public var entries: UInt64
        /// Write transactions committed by this process.
        public var commits: UInt64
        /// The most entries one commit carried.
        public var largestCommit: Int
    }

    let environment: Environment
    let audit: Database
    let meta: Database
    let blooms: Database
    private let queue = Mutex(Queue())
    private let stats = Mutex(Statistics(entries: 0, commits: 0, largestCommit: 0))
    /// Signalled when the queue turns from idle to draining.
    private let wake = DispatchSemaphore(value: 0)
    private let minimumCommitInterval: Duration

    /// The audit log of a record store (same LMDB environment).
    ///
    /// - Parameters:
    ///   - store: the record store.
    ///   - minimumCommitInterval: the least time between the starts of two group commits; under
    ///     load, requests wait at most this much longer and share fewer, larger commits.
    /// - Throws: `LMDBError` if the `audit_blooms` database cannot be opened.
    public init(store: RecordStore, minimumCommitInterval: Duration = .milliseconds(1)) throws {
        self.minimumCommitInterval = minimumCommitInterval
        environment = store.environment
        audit = store.databases.audit
        meta = store.databases.meta
        blooms = try store.environment.openDatabase(Self.bloomDatabase)
        Self.startWriter(for: self)
    }

    /// Starts the writer thread. It holds the log weakly between drains and ends a few seconds
    /// after the log is gone (tests open many).
    private static func startWriter(for log: AuditLog) {
        let wake = log.wake
        let thread = Thread { [weak log] in
            ThreadName.set("hoso-audit")
            // When the last commit started; only this thread reads or writes it.
            var lastCommit = ContinuousClock.now - .seconds(1)
            while true {
                guard wake.wait(timeout: .now() + .seconds(5)) == .success else {
                    if log == nil { return }
                    continue
                }
                guard let log else { return }
                log.drain(lastCommit: &lastCommit)
            }
        }
        thread.start()
    }

    /// Appends an event and returns once it is committed.
    ///
    /// - Returns: the entry's sequence number.
    /// - Throws: `ServiceError.failure` if the transaction failed (the caller must not answer).
    @discardableResult
    public func append(_ event: AuditEvent) async throws(ServiceError) -> UInt64 {
        let result = await withCheckedContinuation { (waiter: Waiter) in
            let start = queue.withLock { q -> Bool in
                q.events.append(event)
                q.waiters.append(waiter)
                if q.draining { return false }
                q.draining = true
                return true
            }
            if start { wake.signal() }
        }
        return try result.get()
    }

    /// Appends events now, in the calling thread, in one transaction (for the command line).
    ///
    /// - Returns: their sequence numbers.
    /// - Throws: `ServiceError.failure` if the transaction failed.
    @available(*, noasync)
    @discardableResult
    public func appendNow(_ events: [AuditEvent]) throws(ServiceError) -> [UInt64] {
        let first = try commit(events)
        return (0..<UInt64(events.count)).map { first + $0 }
    }

    /// The writer's counters so far.
    public var statistics: Statistics { stats.withLock { $0 } }

    /// Commits what is queued until nothing is, on the writer thread.
    ///
    /// Commits start at most every `minimumCommitInterval`: a request arriving at an idle writer is
    /// committed at once, while under load the queue fills during the interval and one commit
    /// (whose fsyncs dominate the cost) serves many requests.
    private func drain(lastCommit: inout ContinuousClock.Instant) {
        while true {
            let wait = minimumCommitInterval - (ContinuousClock.now - lastCommit)
            if wait > .zero {
                let (seconds, attoseconds) = wait.components
                Thread.sleep(forTimeInterval: Double(seconds) + Double(attoseconds) / 1e18)
            }
            let (events, waiters) = queue.withLock { q -> ([AuditEvent], [Waiter]) in
                if q.events.isEmpty {
                    q.draining = false
                    return ([], [])
                }
                let taken = (q.events, q.waiters)
                q.events = []
                q.waiters = []
                return taken
            }
            if events.isEmpty { return }
            lastCommit = ContinuousClock.now
            do {
                let first = try commit(events)
                for (i, waiter) in waiters.enumerated() { waiter.resume(returning: .success(first + UInt64(i))) }
            } catch {
                for waiter in waiters { waiter.resume(returning: .failure(error)) }
            }
        }
    }

    /// Writes `events` after the current tail in one transaction.
    ///
    /// - Returns: the sequence number of the first.
    private func commit(_ events: [AuditEvent]) throws(ServiceError) -> UInt64 {
        guard !events.isEmpty else { return 0 }
        do {
            let first = try environment.write { txn -> UInt64 in
                var (sequence, previous) = try Self.tail(in: txn, audit)
                let before = sequence
                let first = sequence + 1
                for event in events {
                    sequence += 1
                    let canonical = AuditCodec.canonical(event, sequence: sequence)
                    let hash = AuditCodec.hash(previous: previous, canonical: canonical)
                    try txn.put(
                        AuditCodec.value(canonical: canonical, previous: previous, hash: hash), forKey: sequence,
                        in: audit, flags: .append)
                    previous = hash
                }
                var head = ByteFieldWriter(capacity: 40)
                head.u64(sequence)
                head.raw(previous)
                try txn.put(head.bytes, forKey: AuditCodec.headKey, in: meta)
                try Self.addUsage(of: events, in: txn, meta: meta)
                try Self.sealBlocks(from: before, to: sequence, in: txn, audit: audit, blooms: blooms)
                return first
            }
            stats.withLock {
                $0.entries += UInt64(events.count)
                $0.commits += 1
                $0.largestCommit = max($0.largestCommit, events.count)
            }
            return first
        } catch {
            throw .failure(message: "the audit log could not be written: \(error)")
        }
    }

    /// The last sequence number and hash (0 and the genesis hash for an empty log).
    static func tail(in txn: borrowing WriteTransaction, _ audit: Database) throws -> (UInt64, [UInt8]) {
        try txn.withCursor(in: audit) { cursor in
            guard try cursor.last() else { return (0, AuditCodec.genesisHash) }
            return try cursor.withCurrent { key, value in
                guard let sequence = UInt64(bigEndianBytes: key) else {
                    throw ByteFieldError(offset: 0, reason: "audit key is not a sequence number")
                }
                return (sequence, try AuditCodec.storedHash(value))
            }
        }
    }
}
