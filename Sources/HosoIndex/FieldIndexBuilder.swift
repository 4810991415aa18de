/// Accumulates one field's terms record by record, then freezes them into a `FieldIndex`.
public struct FieldIndexBuilder: Sendable {
    private var ids: [IndexTerm: UInt32] = [:]
    private var terms: [IndexTerm] = []
    private var forwardOffsets: [UInt32] = [0]
    private var forwardTerms: [UInt32] = []

    public init() {}

    /// Number of records added so far; the next record gets this ordinal.
    public var recordCount: Int { forwardOffsets.count - 1 }

    /// Term ids of field values seen before, when the caller names the value.
    private var valueTerms: [String: [UInt32]] = [:]

    /// Adds the next record's terms for a field value that repeats across records (a hometown,
    /// an agency): the first time its terms are interned, later only the value is looked up.
    public mutating func add(value: String, terms: @autoclosure () -> [IndexTerm]) {
        if let ids = valueTerms[value] {
            forwardTerms.append(contentsOf: ids)
            forwardOffsets.append(UInt32(forwardTerms.count))
            return
        }
        let start = forwardTerms.count
        add(terms())
        valueTerms[value] = Array(forwardTerms[start...])
    }

    /// Adds the next record's terms, in reading order (an empty list is a record without this field).
    public mutating func add(_ recordTerms: [IndexTerm]) {
        for term in recordTerms {
            if let id = ids[term] {
                forwardTerms.append(id)
            } else {
                let id = UInt32(terms.count)
                ids[term] = id
                terms.append(term)
                forwardTerms.append(id)
            }
        }
        forwardOffsets.append(UInt32(forwardTerms.count))
    }

    /// Freezes the builder: numbers terms in byte order and builds the posting lists.
    public func build() -> FieldIndex {
        let universe = recordCount
        let order = terms.indices.sorted { terms[$0] < terms[$1] }
        var newID = [UInt32](repeating: 0, count: terms.count)
        for (n, old) in order.enumerated() { newID[old] = UInt32(n) }

        var keys = StringArena()
        var variants = StringArena()
        var groupTermStart: [UInt32] = []
        var termGroup: [UInt32] = []
        termGroup.reserveCapacity(terms.count)
        var previousKey: String?
        for (n, old) in order.enumerated() {
            let term = terms[old]
            if term.key != previousKey {
                keys.append(term.key)
                groupTermStart.append(UInt32(n))
                previousKey = term.key
            }
            variants.append(term.variant)
            termGroup.append(UInt32(keys.count - 1))
        }
        groupTermStart.append(UInt32(terms.count))

        let remapped = forwardTerms.map { newID[Int($0)] }
        var lists = [[UInt32]](repeating: [], count: keys.count)
        for r in 0..<universe {
            let lo = Int(forwardOffsets[r])
            let hi = Int(forwardOffsets[r + 1])
            for i in lo..<hi {
                let g = Int(termGroup[Int(remapped[i])])
                if lists[g].last != UInt32(r) { lists[g].append(UInt32(r)) }
            }
        }
        let postings = lists.map { PostingList(sorted: $0, universe: universe) }
        return FieldIndex(
            keys: keys, groupTermStart: groupTermStart, variants: variants, termGroup: termGroup,
            postings: postings, forwardOffsets: forwardOffsets, forwardTerms: remapped
        )
    }
}
