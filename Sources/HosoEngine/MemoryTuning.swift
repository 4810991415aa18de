#if canImport(Glibc)
import Glibc
#endif

/// Process-wide allocator settings for serving searches.
///
/// A search allocates short-lived buffers of a few hundred kilobytes (bitmap words, candidate
/// ordinals). glibc serves blocks above its mmap threshold with a fresh `mmap` and returns them
/// with `munmap`, so every search paid page faults and the kernel's zeroing of new pages (15 % of
/// search time in a profile at 2.5 M records). Raising the mmap and trim thresholds keeps those
/// blocks in the heap for reuse; the heap grows by at most the largest working set of the
/// concurrent searches.
public enum MemoryTuning {
    /// Applies the settings; call once at start-up, before the first search.
    public static func applyForSearch() {
        #if canImport(Glibc)
        // `mallopt` is not in Glibc's Swift module (malloc.h): look it up. Parameters from
        // malloc.h: M_TRIM_THRESHOLD -1, M_MMAP_THRESHOLD -3.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        _ = mallopt(-3, 64 << 20)
        _ = mallopt(-1, 256 << 20)
        #endif
    }
}
