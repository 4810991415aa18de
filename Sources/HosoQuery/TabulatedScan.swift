import HosoIndex
import HosoText

/// The candidate scan of a search whose fields are all interned and tabulated: each field's tier
/// per value is known before the scan (`FieldPlan.tierTable`), so a candidate costs one look-up
/// per field through raw buffers — no per-record term lists, no memo misses.
struct TabulatedScan {
    /// Set in a table entry when the name's tokens match out of reading order.
    static let outOfOrder: UInt8 = 0x10
    /// Set in a table entry when the typed last word of a name is only completed.
    static let completesOnly: UInt8 = 0x20

    let filter: RecordFilter
    let limit: Int
    let resume: UInt64?
    /// Per field: each record's value id, and each value's table entry.
    let recordValues: [[UInt32]]
    let tables: [[UInt8]]

    /// The candidates: ascending ordinals, or the bits of an intersection of dense lists (read in
    /// place, never turned into an array).
    enum Candidates {
        case list([UInt32])
        case bitmap(Bitmap)
    }

    /// Total, best `limit` keys (ascending) and how many came after the cursor.
    func run(_ candidates: Candidates) -> (total: Int, keys: [UInt64], offered: Int) {
        withBuffers(0, [], []) { values, tables in scan(candidates, values, tables) }
    }

    /// Calls `body` with buffers over every field's arrays (nested, so each stays valid).
    private func withBuffers<R>(
        _ i: Int, _ values: [UnsafeBufferPointer<UInt32>], _ tables: [UnsafeBufferPointer<UInt8>],
        _ body: ([UnsafeBufferPointer<UInt32>], [UnsafeBufferPointer<UInt8>]) -> R
    ) -> R {
        guard i < recordValues.count else { return body(values, tables) }
        return recordValues[i].withUnsafeBufferPointer { v in
            self.tables[i].withUnsafeBufferPointer { t in withBuffers(i + 1, values + [v], tables + [t], body) }
        }
    }

    private func scan(
        _ candidates: Candidates, _ values: [UnsafeBufferPointer<UInt32>], _ tables: [UnsafeBufferPointer<UInt8>]
    ) -> (total: Int, keys: [UInt64], offered: Int) {
        var heap = TopK(limit: limit)
        var total = 0
        var offered = 0
        let fields = values.count
        filter.columns.accessLevel.withUnsafeBufferPointer { access in
            @inline(__always)
            func visit(_ o: UInt32) {
                let i = Int(o)
                guard filter.admits(o, access: access) else { return }
                var worst: UInt8 = 0
                var flags: UInt8 = 0
                var matched = true
                for f in 0..<fields {
                    let entry = tables[f][Int(values[f][i])]
                    if entry == TokenPlan.none {
                        matched = false
                        break
                    }
                    flags |= entry
                    worst = max(worst, entry & 0x0F)
                }
                guard matched else { return }
                total += 1
                let key = SortKey.make(tier: MatchTier(rawValue: Int(worst))!, completesOnly: flags & Self.completesOnly != 0,
                                       fields: fields, inOrder: flags & Self.outOfOrder == 0, ordinal: o)
                if let resume, key <= resume { return }
                offered += 1
                heap.insert(key)
            }
            switch candidates {
            case let .list(ordinals):
                for o in ordinals { visit(o) }
            case let .bitmap(bitmap):
                bitmap.words.withUnsafeBufferPointer { words in
                    for w in words.indices {
                        var word = words[w]
                        while word != 0 {
                            visit(UInt32(w << 6 | word.trailingZeroBitCount))
                            word &= word &- 1
                        }
                    }
                }
            }
        }
        return (total, heap.sorted(), offered)
    }
}
