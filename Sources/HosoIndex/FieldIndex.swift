/// The inverted and forward index of one field over every record of a snapshot.
///
/// Terms are numbered in byte order of (key, variant), so all spellings of one key form a
/// contiguous *group* of term ids, and all keys sharing a prefix form a contiguous range of
/// groups. Each group has one posting list (the records holding any of its spellings); the
/// forward index lists each record's term ids in reading order, for tiers and phrases.
public final class FieldIndex: Sendable {
    /// Group keys, ascending by bytes.
    public let keys: StringArena
    /// First term id of each group; `groupTermStart[g+1]` ends it.
    public let groupTermStart: [UInt32]
    /// Variant blob of each term id.
    public let variants: StringArena
    /// Group of each term id.
    public let termGroup: [UInt32]
    /// Records holding the group's key, per group.
    public let postings: [PostingList]
    /// Term lists: list l is `forwardTerms[forwardOffsets[l]..<forwardOffsets[l+1]]`. Record r
    /// has list r, or list `recordValues[r]` when the field is interned (values repeat).
    public let forwardOffsets: [UInt32]
    public let forwardTerms: [UInt32]
    /// Per record, its value's list; empty when lists are per record.
    public let recordValues: [UInt32]
    /// Records per value and values per group, for interned fields (nil otherwise).
    public let values: ValueIndex?

    public init(
        keys: StringArena, groupTermStart: [UInt32], variants: StringArena, termGroup: [UInt32],
        postings: [PostingList], forwardOffsets: [UInt32], forwardTerms: [UInt32], recordValues: [UInt32]
    ) {
        self.keys = keys
        self.groupTermStart = groupTermStart
        self.variants = variants
        self.termGroup = termGroup
        self.postings = postings
        self.forwardOffsets = forwardOffsets
        self.forwardTerms = forwardTerms
        self.recordValues = recordValues
        values = recordValues.isEmpty
            ? nil
            : ValueIndex(recordValues: recordValues, forwardOffsets: forwardOffsets, forwardTerms: forwardTerms,
                         termGroup: termGroup, groupCount: keys.count)
    }

    public var groupCount: Int { keys.count }
    public var termCount: Int { variants.count }

    /// The group whose key equals `key`, if any.
    public func group(forKey key: String) -> Int? {
        var key = key
        return key.withUTF8 { probe in
            let lo = lowerBound(probe)
            return lo < keys.count && keys.compare(lo, probe) == 0 ? lo : nil
        }
    }

    /// Groups whose key starts with `prefix` (possibly empty).
    public func groups(withPrefix prefix: String) -> Range<Int> {
        var prefix = prefix
        return prefix.withUTF8 { probe in
            let lo = lowerBound(probe)
            var hi = lo
            // Keys with the prefix are contiguous; gallop to their end.
            var step = 1
            while hi < keys.count, keys.hasPrefix(hi, probe) {
                hi += step
                step <<= 1
            }
            hi = min(hi, keys.count)
            var a = lo
            var b = hi
            while a < b {
                let mid = (a + b) >> 1
                if keys.hasPrefix(mid, probe) { a = mid + 1 } else { b = mid }
            }
            return lo..<a
        }
    }

    /// Term ids of a group.
    public func terms(ofGroup g: Int) -> Range<Int> { Int(groupTermStart[g])..<Int(groupTermStart[g + 1]) }

    /// Where record `ordinal`'s term ids lie in `forwardTerms`, in reading order.
    @inline(__always)
    public func forwardRange(_ ordinal: UInt32) -> Range<Int> {
        let list = recordValues.isEmpty ? Int(ordinal) : Int(recordValues[Int(ordinal)])
        return Int(forwardOffsets[list])..<Int(forwardOffsets[list + 1])
    }

    /// Term ids of record `ordinal`, in reading order.
    public func terms(of ordinal: UInt32) -> ArraySlice<UInt32> { forwardTerms[forwardRange(ordinal)] }

    private func lowerBound(_ probe: UnsafeBufferPointer<UInt8>) -> Int {
        var lo = 0
        var hi = keys.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if keys.compare(mid, probe) < 0 { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Bytes held by this field's index.
    public var byteSize: Int {
        keys.byteSize + variants.byteSize + groupTermStart.count * 4 + termGroup.count * 4
            + postings.reduce(0) { $0 + $1.byteSize + 9 } + forwardOffsets.count * 4 + forwardTerms.count * 4
            + recordValues.count * 4 + (values?.byteSize ?? 0)
    }

    #if DEBUG
    /// Checks the structural invariants; compiled into debug builds and run by tests.
    public func checkInvariants() {
        precondition(groupTermStart.count == keys.count + 1 && postings.count == keys.count)
        precondition(termGroup.count == variants.count)
        for g in 0..<keys.count where g > 0 { precondition(ByteOrder.compare(keys[g - 1], keys[g]) < 0) }
        let records = recordValues.isEmpty ? forwardOffsets.count - 1 : recordValues.count
        for r in 0..<records {
            for t in terms(of: UInt32(r)) {
                precondition(postings[Int(termGroup[Int(t)])].contains(UInt32(r)), "record \(r) missing from group")
            }
        }
    }
    #endif
}
