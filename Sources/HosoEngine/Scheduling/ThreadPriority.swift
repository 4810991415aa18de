#if canImport(Glibc)
import Glibc
#endif

/// The calling thread's scheduling priority.
enum ThreadPriority {
    /// Sets the calling thread's nice value (Linux keeps one per thread; raising it needs no
    /// privilege). Does nothing where that is not possible.
    static func setNiceness(_ niceness: Int32) {
        guard niceness != 0 else { return }
        #if os(Linux)
        // `who` 0 is the calling thread on Linux (NPTL threads are tasks with their own nice value).
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)
        #endif
    }
}
