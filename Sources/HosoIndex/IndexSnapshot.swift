import Dispatch

/// The fields the index knows. `placeWords` holds the words of every place name a record's
/// hometown had, so that `q` can find "nghe an" word by word.
public enum IndexField: String, Sendable, CaseIterable, Codable {
    case name, hometown, placeWords, position, agency, grade, nationalID
}

/// Small per-record values kept as columns for filters and the access check.
public struct RecordColumns: Sendable {
    /// Birth year, 0 when unknown.
    public var birthYear: [UInt16] = []
    /// 0 unknown, 1 Nam, 2 Nữ.
    public var gender: [UInt8] = []
    /// 0 unknown, 1 active, 2 retired, 3 transferred_out, 4 deceased.
    public var status: [UInt8] = []
    /// Record access level 0–3.
    public var accessLevel: [UInt8] = []

    public init() {}

    public mutating func append(birthYear: UInt16, gender: UInt8, status: UInt8, accessLevel: UInt8) {
        self.birthYear.append(birthYear)
        self.gender.append(gender)
        self.status.append(status)
        self.accessLevel.append(accessLevel)
    }

    public var byteSize: Int { birthYear.count * 2 + gender.count + status.count + accessLevel.count }
}

/// An immutable index over every record at one point of the store's change log.
///
/// Built by `IndexBuilder`, shared between requests: a request reads one snapshot once.
public final class IndexSnapshot: Sendable {
    public let recordCount: Int
    /// Record id of each ordinal.
    public let ids: StringArena
    /// Ordinals sorted by id bytes, for id → ordinal look-ups.
    public let idOrder: [UInt32]
    public let columns: RecordColumns
    public let fields: [IndexField: FieldIndex]
    /// The change-log sequence number this snapshot reflects.
    public let sequence: UInt64

    public init(
        ids: StringArena, idOrder: [UInt32], columns: RecordColumns, fields: [IndexField: FieldIndex], sequence: UInt64
    ) {
        self.recordCount = ids.count
        self.ids = ids
        self.idOrder = idOrder
        self.columns = columns
        self.fields = fields
        self.sequence = sequence
    }

    public func field(_ f: IndexField) -> FieldIndex { fields[f]! }

    /// The ordinal of record `id`, if indexed.
    public func ordinal(of id: String) -> UInt32? {
        let (position, found) = search(id, after: false)
        return found ? idOrder[position] : nil
    }

    /// How many records have an id at or before `id` in byte order. Ordinals follow id order
    /// (the builder takes records in id order), so this is the first ordinal whose id comes after
    /// `id` — where a cursor resumes in this snapshot.
    public func count(notAfter id: String) -> Int { search(id, after: true).position }

    /// Binary search of `idOrder`: the first position whose id is not below `id` (with `after`,
    /// above it), and whether the id there equals `id` (without `after`).
    private func search(_ id: String, after: Bool) -> (position: Int, found: Bool) {
        var id = id
        return id.withUTF8 { probe in
            var lo = 0
            var hi = idOrder.count
            while lo < hi {
                let mid = (lo + hi) >> 1
                let c = ids.compare(Int(idOrder[mid]), probe)
                if c < 0 || (after && c == 0) { lo = mid + 1 } else { hi = mid }
            }
            return (lo, !after && lo < idOrder.count && ids.compare(Int(idOrder[lo]), probe) == 0)
        }
    }

    /// Bytes held in memory by the snapshot.
    public var byteSize: Int {
        ids.byteSize + idOrder.count * 4 + columns.byteSize + fields.values.reduce(0) { $0 + $1.byteSize }
    }
}

/// Slots written by distinct iterations of one `Parallel.forEach` (slot i by iteration i only).
private struct SendableSlots<T>: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<T>
    init(_ slots: UnsafeMutableBufferPointer<T>) { self.slots = slots }
}

/// Collects records in ordinal order and builds an `IndexSnapshot`.
public struct IndexBuilder: Sendable {
    private var ids = StringArena()
    private var columns = RecordColumns()
    private var builders: [IndexField: FieldIndexBuilder] = [:]

    public init() {
        for f in IndexField.allCases { builders[f] = FieldIndexBuilder(interned: f != .nationalID) }
    }

    public var recordCount: Int { ids.count }

    /// One field of a record: its terms, and the value they came from when it is worth
    /// recognising again (repeating values are interned once).
    public struct FieldTerms: Sendable {
        public var value: String?
        public var terms: [IndexTerm]

        public init(value: String? = nil, terms: [IndexTerm]) {
            self.value = value
            self.terms = terms
        }
    }

    /// A record's terms for every field, stored inline (no dictionary per record).
    public struct RecordTerms: Sendable {
        private var slots: (FieldTerms?, FieldTerms?, FieldTerms?, FieldTerms?, FieldTerms?, FieldTerms?, FieldTerms?)

        public init() { slots = (nil, nil, nil, nil, nil, nil, nil) }

        public subscript(field: IndexField) -> FieldTerms? {
            get {
                switch field {
                case .name: slots.0
                case .hometown: slots.1
                case .placeWords: slots.2
                case .position: slots.3
                case .agency: slots.4
                case .grade: slots.5
                case .nationalID: slots.6
                }
            }
            set {
                switch field {
                case .name: slots.0 = newValue
                case .hometown: slots.1 = newValue
                case .placeWords: slots.2 = newValue
                case .position: slots.3 = newValue
                case .agency: slots.4 = newValue
                case .grade: slots.5 = newValue
                case .nationalID: slots.6 = newValue
                }
            }
        }
    }

    /// Adds the next records (in id order), each field's terms added on its own thread: the
    /// seven field builders are independent, so a large rebuild uses every core here too.
    public mutating func add(
        ids newIDs: [String], columns newColumns: [(birthYear: UInt16, gender: UInt8, status: UInt8, accessLevel: UInt8)],
        fields newFields: [RecordTerms]
    ) {
        precondition(newIDs.count == newColumns.count && newIDs.count == newFields.count)
        for (id, c) in zip(newIDs, newColumns) {
            ids.append(id)
            columns.append(birthYear: c.birthYear, gender: c.gender, status: c.status, accessLevel: c.accessLevel)
        }
        let all = IndexField.allCases
        // Taken out of the dictionary so each builder's storage is uniquely referenced and grows
        // in place (a copy would duplicate its arrays on every chunk).
        var parts = all.map { builders.removeValue(forKey: $0)! }
        parts.withUnsafeMutableBufferPointer { slots in
            let shared = SendableSlots(slots)
            Parallel.forEach(all.count) { i in
                let f = all[i]
                for terms in newFields {
                    if let field = terms[f], let value = field.value {
                        shared.slots[i].add(value: value, terms: field.terms)
                    } else {
                        shared.slots[i].add(terms[f]?.terms ?? [])
                    }
                }
            }
        }
        for (i, f) in all.enumerated() { builders[f] = parts[i] }
    }

    /// Adds the next record.
    public mutating func add(
        id: String, birthYear: UInt16, gender: UInt8, status: UInt8, accessLevel: UInt8, fields: RecordTerms
    ) {
        ids.append(id)
        columns.append(birthYear: birthYear, gender: gender, status: status, accessLevel: accessLevel)
        for f in IndexField.allCases {
            if let field = fields[f], let value = field.value {
                builders[f]!.add(value: value, terms: field.terms)
            } else {
                builders[f]!.add(fields[f]?.terms ?? [])
            }
        }
    }

    /// Freezes everything added into a snapshot.
    public func build(sequence: UInt64) -> IndexSnapshot {
        let ids = self.ids
        let idOrder = ids.sortedIndices()
        // Each field's index is built on its own thread (term sorting, postings, value level).
        let all = IndexField.allCases
        let builders = all.map { self.builders[$0]! }
        var built = [FieldIndex?](repeating: nil, count: all.count)
        built.withUnsafeMutableBufferPointer { slots in
            let shared = SendableSlots(slots)
            Parallel.forEach(all.count) { i in shared.slots[i] = builders[i].build() }
        }
        var fields: [IndexField: FieldIndex] = [:]
        for (i, f) in all.enumerated() { fields[f] = built[i]! }
        return IndexSnapshot(ids: ids, idOrder: idOrder, columns: columns, fields: fields, sequence: sequence)
    }
}
