#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A readers–writer lock: every transaction holds the shared side; resizing the map takes the
/// exclusive side, so it happens only when no transaction of this process is open.
final class ReadWriteGate: @unchecked Sendable {
    // @unchecked: the pthread lock is the synchronisation; it lives at a stable heap address.
    private let lock: UnsafeMutablePointer<pthread_rwlock_t>

    init() {
        lock = UnsafeMutablePointer<pthread_rwlock_t>.allocate(capacity: 1)
        lock.initialize(to: pthread_rwlock_t())
        pthread_rwlock_init(lock, nil)
    }

    deinit {
        pthread_rwlock_destroy(lock)
        lock.deallocate()
    }

    func lockShared() { pthread_rwlock_rdlock(lock) }

    func unlockShared() { pthread_rwlock_unlock(lock) }

    /// Takes the exclusive side, giving up after `timeoutSeconds`.
    ///
    /// - Returns: whether the lock was taken.
    func lockExclusive(timeoutSeconds: Int) -> Bool {
        let deadline = ContinuousClock.now + .seconds(timeoutSeconds)
        while pthread_rwlock_trywrlock(lock) != 0 {
            if ContinuousClock.now >= deadline { return false }
            usleep(200)
        }
        return true
    }

    func unlockExclusive() { pthread_rwlock_unlock(lock) }
}
