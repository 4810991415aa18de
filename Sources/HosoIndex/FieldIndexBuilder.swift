/// Accumulates one field's terms record by record, then freezes them into a `FieldIndex`.
///
/// An *interned* field (hometown, position, agency…: values that repeat across records) keeps
/// one term list per distinct value and one value id per record; other fields keep one term
/// list per record.
public struct FieldIndexBuilder: Sendable {
    private let interned: Bool
    private var ids: [IndexTerm: UInt32] = [:]
    private var terms: [IndexTerm] = []
    /// Term lists: per record, or per value when interned (list 0 is then the empty list).
    private var listOffsets: [UInt32] = [0]
    private var listTerms: [UInt32] = []
    private var recordValues: [UInt32] = []
    private var valueIDs: [String: UInt32] = [:]

    public init(interned: Bool = false) {
        self.interned = interned
        if interned { listOffsets.append(0) }
    }

    /// Number of records added so far; the next record gets this ordinal.
    public var recordCount: Int { interned ? recordValues.count : listOffsets.count - 1 }

    /// Adds the next record's terms for a field value that repeats across records (a hometown,
    /// an agency): the first time its terms are interned, later only the value is looked up.
    public mutating func add(value: String, terms: @autoclosure () -> [IndexTerm]) {
        guard interned else { return add(terms()) }
        if let id = valueIDs[value] {
            recordValues.append(id)
            return
        }
        let id = appendList(terms())
        valueIDs[value] = id
        recordValues.append(id)
    }

    /// Adds the next record's terms, in reading order (an empty list is a record without this field).
    public mutating func add(_ recordTerms: [IndexTerm]) {
        if interned {
            recordValues.append(recordTerms.isEmpty ? 0 : appendList(recordTerms))
        } else {
            _ = appendList(recordTerms)
        }
    }

    private mutating func appendList(_ list: [IndexTerm]) -> UInt32 {
        for term in list {
            if let id = ids[term] {
                listTerms.append(id)
            } else {
                let id = UInt32(terms.count)
                ids[term] = id
                terms.append(term)
                listTerms.append(id)
            }
        }
        listOffsets.append(UInt32(listTerms.count))
        return UInt32(listOffsets.count - 2)
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

        let remapped = listTerms.map { newID[Int($0)] }
        var lists = [[UInt32]](repeating: [], count: keys.count)
        for r in 0..<universe {
            let list = interned ? Int(recordValues[r]) : r
            for i in Int(listOffsets[list])..<Int(listOffsets[list + 1]) {
                let g = Int(termGroup[Int(remapped[i])])
                if lists[g].last != UInt32(r) { lists[g].append(UInt32(r)) }
            }
        }
        let postings = lists.map { PostingList(sorted: $0, universe: universe) }
        return FieldIndex(
            keys: keys, groupTermStart: groupTermStart, variants: variants, termGroup: termGroup,
            postings: postings, forwardOffsets: listOffsets, forwardTerms: remapped, recordValues: recordValues
        )
    }
}
