#if canImport(Glibc)
import Glibc
#endif

/// The calling thread's scheduling priority.
enum ThreadPriority {
    /// Raises the calling thread's nice value to `niceness` (Linux keeps one per thread; raising
    /// it needs no privilege). Never lowers it: a process started under `nice` keeps at least its
    /// own. Does nothing where that is not possible.
    static func setNiceness(_ niceness: Int32) {
        #if os(Linux)
        // `who` 0 is the calling thread on Linux (NPTL threads are tasks with their own nice value).
        let which = __priority_which_t(PRIO_PROCESS.rawValue)
        guard niceness > getpriority(which, 0) else { return }
        _ = setpriority(which, 0, niceness)
        #endif
    }
}
