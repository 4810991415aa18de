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
                queries.append(Query(label: label, request: try SearchRequest.parse(queryString: qs)))
            } catch {
                queries.append(Query(label: label, error: "\(error)"))
            }
        }
        let clock = ContinuousClock()
        // First round: results and per-query latency, single thread.
        var latencies: [String: [Double]] = [:]
        var out = ""
        for q in queries {
            guard let request = q.request else {
                out += "{\"label\":\"\(q.label)\",\"error\":\(jsonString(q.error ?? ""))}\n"
                continue
            }
            let t0 = clock.now
            let result = try? searcher.search(request, callerLevel: level)
            let us = Double(SearchOutput.micros(clock.now - t0))
            latencies[q.label, default: []].append(us)
            if let result {
                var line = SearchOutput.json(result, took: clock.now - t0)
                line.removeLast()
                line += ",\"label\":\(jsonString(q.label))}"
                out += line + "\n"
            } else {
                out += "{\"label\":\(jsonString(q.label)),\"error\":\"refused\"}\n"
            }
        }
        FileHandle.standardOutput.write(Data(out.utf8))
        let valid = queries.compactMap(\.request)
        // Timed rounds: every query `rounds` times, over `threads` threads.
        let perThread = max(1, rounds)
        let t0 = clock.now
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            for _ in 0..<perThread {
                for r in valid { _ = try? searcher.search(r, callerLevel: level) }
            }
        }
        let elapsed = clock.now - t0
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let total = valid.count * perThread * threads
        var summary = ""
        var all: [Double] = []
        for (label, xs) in latencies.sorted(by: { $0.key < $1.key }) {
            let s = xs.sorted()
            all += s
            summary += String(format: "hoso %-18@ p50 %9.1f us  p99 %9.1f us  max %9.1f us  (n=%d)\n", label as NSString,
                              s[s.count / 2], s[min(s.count - 1, Int(Double(s.count) * 0.99))], s.last!, s.count)
        }
        all.sort()
        let p50 = all.isEmpty ? 0 : all[all.count / 2]
        summary += String(format: "{\"engine\":\"hoso\",\"threads\":%d,\"queries\":%d,\"seconds\":%.3f,\"qps\":%.1f,\"p50_us\":%.1f}\n",
                          threads, total, seconds, Double(total) / seconds, p50)
        FileHandle.standardError.write(Data(summary.utf8))
    }

    func jsonString(_ s: String) -> String {
        var w = JSONWriter()
        w.string(s)
        return w.text
    }
}
