/// Where an ingest stands after a committed batch.
public struct IngestProgress: Sendable {
    /// The counts so far (`seconds` is the time since the start).
    public var summary: IngestSummary
    /// Total input bytes over all files.
    public var totalBytes: Int

    /// Fraction of the input consumed, 0…1.
    public var fraction: Double { totalBytes > 0 ? min(1, Double(summary.bytesRead) / Double(totalBytes)) : 1 }

    /// Estimated seconds left, from the byte rate so far.
    public var secondsLeft: Double? {
        guard summary.bytesRead > 0, summary.seconds > 0 else { return nil }
        let rate = Double(summary.bytesRead) / summary.seconds
        return Double(totalBytes - summary.bytesRead) / rate
    }

    /// A one-line bar for a terminal: `[#######-------]  52%  1.30M lines  48.1k/s  ETA 0:26`.
    public func bar(width: Int = 30) -> String {
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let percent = Int((fraction * 100).rounded(.down))
        let eta = secondsLeft.map { "ETA " + Self.clock($0) } ?? "ETA --:--"
        return "[\(bar)] \(String(percent).leftPadded(3))%  \(Self.count(summary.read)) lines  "
            + "\(Self.count(Int(summary.recordsPerSecond)))/s  \(eta)"
    }

    /// A plain line for logs: `ingest: 52% 1300000 lines 48123/s eta 26s rejected 2`.
    public var line: String {
        let eta = secondsLeft.map { " eta \(Int($0.rounded()))s" } ?? ""
        return "ingest: \(Int((fraction * 100).rounded(.down)))% \(summary.read) lines "
            + "\(Int(summary.recordsPerSecond))/s\(eta) rejected \(summary.rejected)"
    }

    /// `1.30M`, `48.1k`, `950`.
    static func count(_ value: Int) -> String {
        if value >= 1_000_000 { return decimal(Double(value) / 1e6, places: 2) + "M" }
        if value >= 1_000 { return decimal(Double(value) / 1e3, places: 1) + "k" }
        return String(value)
    }

    /// `m:ss`.
    static func clock(_ seconds: Double) -> String {
        let whole = max(0, Int(seconds.rounded()))
        return "\(whole / 60):" + String(whole % 60).leftPadded(2, with: "0")
    }

    static func decimal(_ value: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        let whole = scaled / Int(scale)
        let fraction = String(scaled % Int(scale)).leftPadded(places, with: "0")
        return places > 0 ? "\(whole).\(fraction)" : "\(whole)"
    }
}

extension IngestSummary {
    /// The closing report, one figure per line.
    public var report: String {
        let perRecord = storedRecords > 0 ? databaseBytes / storedRecords : 0
        return """
            read      \(read)
            stored    \(stored)
            updated   \(updated)
            stale     \(stale)
            rejected  \(rejected)
            seconds   \(IngestProgress.decimal(seconds, places: 1))
            records/s \(Int(recordsPerSecond))
            database  \(storedRecords) records, \(IngestProgress.decimal(Double(databaseBytes) / 1_048_576, places: 1)) MiB, \(perRecord) bytes/record
            """
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int, with pad: Character = " ") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
