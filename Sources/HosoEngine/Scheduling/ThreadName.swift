#if canImport(Glibc)
import Glibc
#endif

/// The calling thread's name as `ps -L`, `top -H` and `perf` show it.
///
/// Foundation's `Thread.name` is not passed to the kernel on Linux, so without this every
/// thread of the server shows its creator's name and CPU profiles cannot tell the audit writer
/// from a query thread.
enum ThreadName {
    /// Names the calling thread (at most 15 bytes are kept); does nothing where that fails.
    static func set(_ name: String) {
        #if os(Linux)
        // `pthread_setname_np` is not visible to Swift without _GNU_SOURCE; the kernel takes the
        // name written to /proc/thread-self/comm just the same.
        let fd = open("/proc/thread-self/comm", O_WRONLY)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let bytes = Array(name.utf8.prefix(15))
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        #endif
    }
}
