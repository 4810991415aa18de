import HosoText
import Synchronization

/// Memoises document analysis of field values that repeat across records.
///
/// Hometowns, positions, agencies and grades take a few tens of thousands of distinct values
/// over millions of records, and a hometown's analysis (gazetteer resolution and lineage) is
/// the most expensive of all, so index builds analyse each distinct value once. Bounded: once
/// full it stops remembering and simply analyses.
final class AnalysisCache: Sendable {
    private let entries = Mutex<[Key: [Token]]>([:])
    private let capacity: Int

    struct Key: Hashable {
        var field: Field
        var text: String
    }

    init(capacity: Int = 400_000) { self.capacity = capacity }

    static let shared = AnalysisCache()

    /// The tokens of `text` as a stored `field` value, from memory when seen before.
    func document(_ text: String, field: Field, analyzer: Analyzer) throws(AnalysisError) -> [Token] {
        let key = Key(field: field, text: text)
        if let hit = entries.withLock({ $0[key] }) { return hit }
        let tokens = try analyzer.document(text, field: field)
        entries.withLock { table in
            if table.count < capacity { table[key] = tokens }
        }
        return tokens
    }
}
