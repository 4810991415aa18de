import HosoIndex
import HosoText
import Synchronization

/// One analysed field value: its tokens and the index terms made from them.
struct FieldAnalysis: Sendable {
    var tokens: [Token]
    var terms: [IndexTerm]
    /// For hometowns: the words of every place name, for `q`.
    var placeWords: [Token] = []
    var placeWordTerms: [IndexTerm] = []
}

/// Memoises document analysis of field values that repeat across records.
///
/// Hometowns, positions, agencies and grades take a few tens of thousands of distinct values
/// over millions of records, and a hometown's analysis (gazetteer resolution and lineage) is
/// the most expensive of all, so index builds analyse each distinct value once. Bounded: once
/// full it stops remembering and simply analyses.
final class AnalysisCache: Sendable {
    private let entries = Mutex<[Key: FieldAnalysis]>([:])
    private let capacity: Int

    struct Key: Hashable {
        var field: Field
        var text: String
    }

    init(capacity: Int = 400_000) { self.capacity = capacity }

    static let shared = AnalysisCache()

    /// The analysis of `text` as a stored `field` value, from memory when seen before.
    func document(_ text: String, field: Field, analyzer: Analyzer) throws(AnalysisError) -> FieldAnalysis {
        let key = Key(field: field, text: text)
        if let hit = entries.withLock({ $0[key] }) { return hit }
        let analysis = try FieldAnalysis(text, field: field, analyzer: analyzer)
        entries.withLock { table in
            if table.count < capacity { table[key] = analysis }
        }
        return analysis
    }
}

extension FieldAnalysis {
    init(_ text: String, field: Field, analyzer: Analyzer) throws(AnalysisError) {
        tokens = try analyzer.document(text, field: field)
        terms = tokens.map(TermCodec.term)
        if field == .hometown {
            placeWords = RecordAnalysis.placeWords(tokens)
            placeWordTerms = placeWords.map(TermCodec.term)
        }
    }
}
