/// A one-to-many relation between unit indices, stored flat (compressed rows): the values of
/// owner `i` are `values[starts[i] ..< starts[i + 1]]`, in the order they were added.
struct GazetteerRelation: Sendable {
    let starts: [UInt32]
    let values: [UInt32]

    /// The values of `owner`; empty for an owner beyond the relation.
    @inline(__always)
    subscript(_ owner: UInt32) -> ArraySlice<UInt32> {
        let i = Int(owner)
        guard i + 1 < starts.count else { return [] }
        return values[Int(starts[i])..<Int(starts[i + 1])]
    }

    /// Collects (owner, value) pairs, then lays them out by owner keeping insertion order.
    struct Builder {
        private var owners: [UInt32] = []
        private var values: [UInt32] = []

        mutating func add(_ owner: UInt32, _ value: UInt32) {
            owners.append(owner)
            values.append(value)
        }

        /// The relation over owners `0 ..< ownerCount` (a counting sort: no per-owner arrays).
        func build(ownerCount: Int) -> GazetteerRelation {
            var starts = [UInt32](repeating: 0, count: ownerCount + 1)
            for owner in owners where Int(owner) < ownerCount { starts[Int(owner) + 1] += 1 }
            for i in 0..<ownerCount { starts[i + 1] += starts[i] }
            var cursor = starts
            var laidOut = [UInt32](repeating: 0, count: Int(starts[ownerCount]))
            for (owner, value) in zip(owners, values) where Int(owner) < ownerCount {
                laidOut[Int(cursor[Int(owner)])] = value
                cursor[Int(owner)] += 1
            }
            return GazetteerRelation(starts: starts, values: laidOut)
        }
    }
}
