/// Set algebra over posting lists, rarest first.
extension PostingList {
    /// Ordinals present in every list, ascending. Starts from the smallest list and filters it
    /// through the others; when every list is a bitmap, ANDs words instead.
    public static func intersect(_ lists: [PostingList]) -> [UInt32] {
        guard !lists.isEmpty else { return [] }
        let sorted = lists.sorted { $0.count < $1.count }
        if case .bitmap = sorted[0] {
            var words: [UInt64]
            if case let .bitmap(first) = sorted[0] { words = first.words } else { words = [] }
            var rest: [PostingList] = []
            for list in sorted.dropFirst() {
                if case let .bitmap(b) = list {
                    for i in 0..<min(words.count, b.words.count) { words[i] &= b.words[i] }
                } else {
                    rest.append(list)
                }
            }
            var result = Bitmap(words: words).ordinals()
            for list in rest { result = filter(result, by: list) }
            return result
        }
        var result = sorted[0].ordinals()
        for list in sorted.dropFirst() {
            if result.isEmpty { break }
            result = filter(result, by: list)
        }
        return result
    }

    /// The intersection as a bitmap when every list is one (words ANDed, no ordinals listed), else nil.
    public static func intersectBitmaps(_ lists: [PostingList]) -> Bitmap? {
        guard case let .bitmap(first)? = lists.first else { return nil }
        var words = first.words
        for list in lists.dropFirst() {
            guard case let .bitmap(b) = list else { return nil }
            for i in 0..<min(words.count, b.words.count) { words[i] &= b.words[i] }
        }
        return Bitmap(words: words)
    }

    /// Keeps the ordinals of `candidates` (ascending) that are in `list`.
    public static func filter(_ candidates: [UInt32], by list: PostingList) -> [UInt32] {
        switch list {
        case let .bitmap(b):
            return candidates.filter { b.contains($0) }
        case let .array(a):
            return intersectSorted(candidates, a)
        }
    }

    /// Intersection of two ascending arrays; gallops through the longer one when sizes differ.
    static func intersectSorted(_ x: [UInt32], _ y: [UInt32]) -> [UInt32] {
        let (small, large) = x.count <= y.count ? (x, y) : (y, x)
        var out = [UInt32]()
        out.reserveCapacity(small.count)
        if small.count * 16 < large.count {
            var lo = 0
            for v in small {
                var step = 1
                var hi = lo
                while hi < large.count, large[hi] < v {
                    lo = hi
                    hi += step
                    step <<= 1
                }
                hi = min(hi, large.count)
                while lo < hi {
                    let mid = (lo + hi) >> 1
                    if large[mid] < v { lo = mid + 1 } else { hi = mid }
                }
                if lo < large.count, large[lo] == v { out.append(v) }
            }
        } else {
            var i = 0
            var j = 0
            while i < small.count, j < large.count {
                let a = small[i]
                let b = large[j]
                if a == b {
                    out.append(a)
                    i += 1
                    j += 1
                } else if a < b {
                    i += 1
                } else {
                    j += 1
                }
            }
        }
        return out
    }

    /// Union of lists over `universe` records.
    public static func union(_ lists: [PostingList], universe: Int) -> PostingList {
        if lists.count == 1 { return lists[0] }
        let total = lists.reduce(0) { $0 + $1.count }
        if total > universe / 32 {
            var bitmap = Bitmap(universe: universe)
            for list in lists {
                switch list {
                case let .bitmap(b): bitmap.formUnion(b)
                case let .array(a): for o in a { bitmap.insert(o) }
                }
            }
            return .bitmap(bitmap)
        }
        var all = [UInt32]()
        all.reserveCapacity(total)
        for list in lists { all += list.ordinals() }
        all.sort()
        var unique = [UInt32]()
        unique.reserveCapacity(all.count)
        for o in all where unique.last != o { unique.append(o) }
        return .array(unique)
    }
}
