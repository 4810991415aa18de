#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The time of day, for audit entries, key records and UTC-day quotas.
public enum WallClock {
    /// Milliseconds since 1970-01-01 UTC.
    public static func milliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }

    /// The UTC day number (days since 1970-01-01) of a time in milliseconds.
    public static func day(ofMilliseconds ms: Int64) -> Int64 {
        ms >= 0 ? ms / 86_400_000 : (ms - 86_399_999) / 86_400_000
    }
}
