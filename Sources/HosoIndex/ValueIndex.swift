/// The value level of an interned field: which records hold each distinct value, and which
/// values hold each term group.
///
/// Interned fields (full names, hometowns, positions…) repeat: 2.5 M records carry far fewer
/// distinct values, and a value's tier for a query depends on the value alone. With these lists a
/// search can find the matching *values* first (short lists over the value universe), decide each
/// value's tier once, and visit only the records of the values that match. Derived from the
/// forward index when a `FieldIndex` is made (loading included), so the file format is unchanged.
public struct ValueIndex: Sendable {
    /// Records of value v are `records[start[v]..<start[v+1]]`, ascending.
    public let start: [UInt32]
    public let records: [UInt32]
    /// Per term group: the values whose term list holds a term of the group, ascending.
    public let groupValues: [PostingList]

    /// Number of distinct values (value 0 is the empty value).
    public var valueCount: Int { start.count - 1 }

    /// Records holding value `v`, ascending.
    @inline(__always)
    public func records(of v: UInt32) -> Range<Int> { Int(start[Int(v)])..<Int(start[Int(v) + 1]) }

    init(recordValues: [UInt32], forwardOffsets: [UInt32], forwardTerms: [UInt32], termGroup: [UInt32], groupCount: Int) {
        let valueCount = forwardOffsets.count - 1
        // Records per value: a counting sort of the record ordinals by value id.
        var start = [UInt32](repeating: 0, count: valueCount + 1)
        for v in recordValues { start[Int(v) + 1] += 1 }
        for v in 0..<valueCount { start[v + 1] += start[v] }
        var fill = start
        var records = [UInt32](repeating: 0, count: recordValues.count)
        for (r, v) in recordValues.enumerated() {
            records[Int(fill[Int(v)])] = UInt32(r)
            fill[Int(v)] += 1
        }
        // Values per group, in two passes over the value lists (count, then fill).
        var groupStart = [UInt32](repeating: 0, count: groupCount + 1)
        var lastValue = [Int32](repeating: -1, count: groupCount)
        for v in 0..<valueCount {
            for i in Int(forwardOffsets[v])..<Int(forwardOffsets[v + 1]) {
                let g = Int(termGroup[Int(forwardTerms[i])])
                if lastValue[g] != Int32(v) {
                    lastValue[g] = Int32(v)
                    groupStart[g + 1] += 1
                }
            }
        }
        for g in 0..<groupCount { groupStart[g + 1] += groupStart[g] }
        var groupFill = groupStart
        var flat = [UInt32](repeating: 0, count: Int(groupStart[groupCount]))
        for g in 0..<groupCount { lastValue[g] = -1 }
        for v in 0..<valueCount {
            for i in Int(forwardOffsets[v])..<Int(forwardOffsets[v + 1]) {
                let g = Int(termGroup[Int(forwardTerms[i])])
                if lastValue[g] != Int32(v) {
                    lastValue[g] = Int32(v)
                    flat[Int(groupFill[g])] = UInt32(v)
                    groupFill[g] += 1
                }
            }
        }
        var groupValues: [PostingList] = []
        groupValues.reserveCapacity(groupCount)
        for g in 0..<groupCount {
            groupValues.append(PostingList(sorted: Array(flat[Int(groupStart[g])..<Int(groupStart[g + 1])]), universe: valueCount))
        }
        self.start = start
        self.records = records
        self.groupValues = groupValues
    }

    /// Bytes held.
    public var byteSize: Int { start.count * 4 + records.count * 4 + groupValues.reduce(0) { $0 + $1.byteSize + 9 } }
}
