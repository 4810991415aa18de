import HosoIndex
import HosoModel

extension IndexBuilder {
    /// Adds a record through the one analysis path every indexer uses.
    /// Records must come in id byte order (LMDB key order), so ordinals follow ids.
    public mutating func add(_ record: PersonRecord, analysis: RecordAnalysis? = nil) {
        add(id: record.id, analysis: analysis ?? RecordAnalysis(record))
    }

    /// Adds records (in id order) with their analyses, each field on its own thread.
    public mutating func add(ids: [String], analyses: [RecordAnalysis]) {
        add(ids: ids, columns: analyses.map { ($0.birthYear, $0.gender, $0.status, $0.accessLevel) }, fields: analyses.map(\.fields))
    }

    /// Adds a record by its id and analysis (ids in byte order, as above).
    public mutating func add(id: String, analysis a: RecordAnalysis) {
        add(id: id, birthYear: a.birthYear, gender: a.gender, status: a.status, accessLevel: a.accessLevel,
            fields: a.fields)
    }

    /// A snapshot over `records`, sorted into id order first.
    public static func snapshot(of records: [PersonRecord], sequence: UInt64 = 0) -> IndexSnapshot {
        var builder = IndexBuilder()
        for r in records.sorted(by: { ByteOrder.compare($0.id, $1.id) < 0 }) {
            builder.add(r)
        }
        return builder.build(sequence: sequence)
    }
}
