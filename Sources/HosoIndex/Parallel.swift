#if canImport(Glibc)
import Glibc
#endif
import Dispatch

/// Data-parallel loops that keep a background thread's work in the background.
///
/// `DispatchQueue.concurrentPerform` runs iterations on the shared worker threads, at normal
/// priority. Work started from a thread that lowered its own priority (a positive nice value:
/// index merges and compactions, `HosoEngine.BackgroundWork`) would otherwise leave it there and
/// compete with the requests it was meant to yield to; from such a thread the loop runs in order on
/// the thread itself.
public enum Parallel {
    /// Whether the calling thread runs below normal priority (a positive nice value; Linux keeps
    /// one per thread).
    public static var onBackgroundThread: Bool {
        #if os(Linux)
        return getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) > 0
        #else
        return false
        #endif
    }

    /// Runs `body` for each of `0..<iterations`: on every core, or one after another on the
    /// calling thread when it is a background thread.
    public static func forEach(_ iterations: Int, _ body: @Sendable (Int) -> Void) {
        if onBackgroundThread {
            for i in 0..<iterations { body(i) }
        } else {
            DispatchQueue.concurrentPerform(iterations: iterations, execute: body)
        }
    }
}
