import Foundation

/// Threads for long background work (merging index segments, rebuilding the base index, the
/// data-quality pass) at the lowest practical priority, so it never slows requests or the write
/// path. Index builds started on them stay on them (`Parallel.forEach`).
enum BackgroundWork {
    /// The nice value of background threads.
    static let niceness: Int32 = 15

    /// Runs `body` on a new thread at `niceness`.
    static func start(_ name: String, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread {
            ThreadName.set(name)
            ThreadPriority.setNiceness(niceness)
            body()
        }
        thread.name = name
        thread.start()
    }
}
