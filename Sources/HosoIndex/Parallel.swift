#if canImport(Glibc)
import Glibc
#endif
import Dispatch

/// Data-parallel loops that keep a background thread's work in the background.
///
/// `DispatchQueue.concurrentPerform` runs iterations on the shared worker threads, at normal
/// priority. Work started from a thread that lowered its own priority (a higher nice value:
/// index merges and compactions, `HosoEngine.BackgroundWork`) would otherwise leave it there and
/// compete with the requests it was meant to yield to; from such a thread the loop runs in order on
/// the thread itself.
public enum Parallel {
    /// Whether the calling thread runs below the process's priority: a higher nice value than the
    /// main thread's (Linux keeps one per thread; `getpid()` names the main thread). A process
    /// started under `nice` is not background by itself.
    public static var onBackgroundThread: Bool {
        #if os(Linux)
        let which = __priority_which_t(PRIO_PROCESS.rawValue)
        return getpriority(which, 0) > getpriority(which, id_t(getpid()))
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
