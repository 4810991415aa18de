/// Groups inputs into batches of exactly `size` tokens, so that one measured iteration analyses
/// exactly `size` tokens and the benchmark's throughput (iterations per second, scaled by the
/// matching `scalingFactor`) reads directly as tokens per second.
///
/// Inputs are taken in order; a batch is filled greedily until little room is left, then closed
/// exactly with a small subset-sum over the next unused inputs. Inputs that fit no batch are left
/// out; every input is used at most once.
enum TokenBatches {
    /// - Parameters:
    ///   - inputs: texts with the number of tokens each one yields (inputs of 0 tokens are skipped).
    ///   - size: tokens per batch.
    /// - Returns: batches whose token counts each sum to exactly `size`.
    static func make(_ inputs: [(text: String, tokens: Int)], size: Int) -> [[String]] {
        let usable = inputs.filter { $0.tokens > 0 && $0.tokens <= size }
        guard let largest = usable.map(\.tokens).max() else { return [] }
        var used = [Bool](repeating: false, count: usable.count)
        var cursor = 0
        var batches: [[String]] = []
        let tail = 4 * largest
        while true {
            var batch: [String] = []
            var room = size
            while room > tail, let i = nextUnused(after: cursor, used) {
                used[i] = true
                cursor = i + 1
                batch.append(usable[i].text)
                room -= usable[i].tokens
            }
            guard room > 0 else { batches.append(batch); continue }
            let window = unused(from: cursor, used, limit: 256)
            guard let picked = subset(window.map { usable[$0].tokens }, summingTo: room) else { return batches }
            for j in picked {
                used[window[j]] = true
                batch.append(usable[window[j]].text)
            }
            batches.append(batch)
        }
    }

    private static func nextUnused(after start: Int, _ used: [Bool]) -> Int? {
        var i = start
        while i < used.count, used[i] { i += 1 }
        return i < used.count ? i : nil
    }

    private static func unused(from start: Int, _ used: [Bool], limit: Int) -> [Int] {
        var found: [Int] = []
        var i = start
        while i < used.count, found.count < limit {
            if !used[i] { found.append(i) }
            i += 1
        }
        return found
    }

    /// Indices of items whose weights sum to `target`, preferring earlier items; nil if none do.
    static func subset(_ weights: [Int], summingTo target: Int) -> [Int]? {
        // reach[s] = index of the item that first reached sum s (items considered in order).
        var reach = [Int?](repeating: nil, count: target + 1)
        var reached = [Bool](repeating: false, count: target + 1)
        reached[0] = true
        for (i, w) in weights.enumerated() where w <= target {
            for s in stride(from: target, through: w, by: -1) where !reached[s] && reached[s - w] {
                reached[s] = true
                reach[s] = i
            }
            if reached[target] { break }
        }
        guard reached[target] else { return nil }
        var picked: [Int] = []
        var s = target
        while s > 0, let i = reach[s] {
            picked.append(i)
            s -= weights[i]
        }
        return picked.reversed()
    }
}
