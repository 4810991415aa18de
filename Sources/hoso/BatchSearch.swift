import Dispatch
import Foundation
import HosoModel
import HosoQuery

/// `hoso search --batch`: runs a file of queries, prints one JSON line each, and a timing summary
/// (per label: p50, p99, max; overall queries per second) on standard error.
struct BatchSearch {
    let searcher: Searcher
    let level: Int
    let threads: Int
    let rounds: Int
    /// The index term of a national id (its blind term in an encrypted store).
    var nationalIDTerm: @Sendable (String) throws -> String = { $0 }

    struct Query {
        var label: String
        var request: SearchRequest?
        var error: String?
    }

    func run(file: String) throws {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        var queries: [Query] = []
        for line in text.split(separator: "\n") where !line.isEmpty {
            let parts = line.split(separator: "\t", maxSplits: 1)
            let label = parts.count == 2 ? String(parts[0]) : "query"
            let qs = String(parts.count == 2 ? parts[1] : parts[0])
            do {
                var request = try SearchRequest.parse(queryString: qs)
                if let id = request.nationalID { request.nationalID = try nationalIDTerm(id) }
                queries.append(Query(label: label, request: request))
            } catch {
                queries.append(Query(label: label, error: "\(error)"))
            }
        }
        let clock = ContinuousClock()
        // First round: one result line per query, single thread.
        var out = ""
        for q in queries {
            guard let request = q.request else {
                out += "{\"label\":\"\(q.label)\",\"error\":\(jsonString(q.error ?? ""))}\n"
                continue
            }
            let t0 = clock.now
            if let result = try? searcher.search(request, callerLevel: level) {
                var line = SearchOutput.json(result, took: clock.now - t0)
                line.removeLast()
                line += ",\"label\":\(jsonString(q.label))}"
                out += line + "\n"
            } else {
                out += "{\"label\":\(jsonString(q.label)),\"error\":\"refused\"}\n"
            }
        }
        FileHandle.standardOutput.write(Data(out.utf8))
        let valid = queries.filter { $0.request != nil }
        // Timed rounds: every query `rounds` times on each of `threads` threads; each search's
        // wall time and its thread's CPU time (which a busy machine does not inflate by waiting).
        let perThread = max(1, rounds)
        let samples = SampleBox(threads: threads)
        let t0 = clock.now
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            var mine: [(label: String, wall: Double, cpu: Double)] = []
            mine.reserveCapacity(valid.count * perThread)
            for _ in 0..<perThread {
                for q in valid {
                    let c0 = ThreadCPU.microseconds()
                    let w0 = clock.now
                    _ = try? searcher.search(q.request!, callerLevel: level)
                    let wall = Double(SearchOutput.micros(clock.now - w0))
                    mine.append((q.label, wall, ThreadCPU.microseconds() - c0))
                }
            }
            samples.set(thread, mine)
        }
        let elapsed = clock.now - t0
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let total = valid.count * perThread * threads
        var byLabel: [String: (wall: [Double], cpu: [Double])] = [:]
        for sample in samples.all {
            byLabel[sample.label, default: ([], [])].wall.append(sample.wall)
            byLabel[sample.label, default: ([], [])].cpu.append(sample.cpu)
        }
        var summary = ""
        var allWall: [Double] = []
        var allCPU: [Double] = []
        for (label, xs) in byLabel.sorted(by: { $0.key < $1.key }) {
            let w = xs.wall.sorted()
            let c = xs.cpu.sorted()
            allWall += w
            allCPU += c
            summary += String(format: "hoso %-18@ p50 %9.1f us  p99 %9.1f us  max %9.1f us  cpu p50 %9.1f us  p99 %9.1f us  (n=%d)\n",
                              label as NSString, Self.quantile(w, 0.5), Self.quantile(w, 0.99), w.last!,
                              Self.quantile(c, 0.5), Self.quantile(c, 0.99), w.count)
        }
        allWall.sort()
        allCPU.sort()
        summary += String(format: "{\"engine\":\"hoso\",\"threads\":%d,\"queries\":%d,\"seconds\":%.3f,\"qps\":%.1f,\"p50_us\":%.1f,\"p99_us\":%.1f,\"cpu_p50_us\":%.1f,\"cpu_p99_us\":%.1f,\"cpu_mean_us\":%.1f}\n",
                          threads, total, seconds, Double(total) / seconds, Self.quantile(allWall, 0.5), Self.quantile(allWall, 0.99),
                          Self.quantile(allCPU, 0.5), Self.quantile(allCPU, 0.99), allCPU.reduce(0, +) / Double(max(1, allCPU.count)))
        FileHandle.standardError.write(Data(summary.utf8))
    }

    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))]
    }

    func jsonString(_ s: String) -> String {
        var w = JSONWriter()
        w.string(s)
        return w.text
    }
}

/// Samples per thread, each slot written by exactly one thread of `concurrentPerform`.
private final class SampleBox: @unchecked Sendable {
    private var slots: [[(label: String, wall: Double, cpu: Double)]]
    private let lock = NSLock()

    init(threads: Int) { slots = Array(repeating: [], count: threads) }

    func set(_ thread: Int, _ samples: [(label: String, wall: Double, cpu: Double)]) {
        lock.lock()
        slots[thread] = samples
        lock.unlock()
    }

    var all: [(label: String, wall: Double, cpu: Double)] { slots.flatMap { $0 } }
}

/// CPU time of the calling thread.
enum ThreadCPU {
    static func microseconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) * 1e6 + Double(ts.tv_nsec) / 1e3
    }
}
