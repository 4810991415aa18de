import HosoIndex
import HosoModel
import HosoText

/// What the index stores for one record: its terms per field and its column values.
///
/// Ingest, rebuild and the test oracle all go through this one function, so a record is
/// analysed the same way wherever it is searched.
public struct RecordAnalysis: Sendable {
    /// Terms per index field, with the field value for repeating fields (interned by the builder).
    public var fields = IndexBuilder.RecordTerms()
    /// Analysed tokens per field (what the terms were made from), kept only when asked for
    /// (the oracle); index builds do not need them.
    public var tokens: [Field: [Token]] = [:]
    /// Words of the hometown's place names (the `placeWords` terms), for `q`.
    public var placeWords: [Token] = []
    public var birthYear: UInt16 = 0
    public var gender: UInt8 = 0
    public var status: UInt8 = 0
    public var accessLevel: UInt8 = 0

    public init(_ record: PersonRecord, keepTokens: Bool = false, analyzer: Analyzer = .shared) {
        func add(_ field: Field, _ text: String?, as indexField: IndexField) {
            guard let text else { return }
            // Names and ids are mostly distinct; the other fields repeat and are worth remembering.
            let repeats = field != .name && field != .nationalID
            let analysis: FieldAnalysis
            do {
                analysis = repeats
                    ? try AnalysisCache.shared.document(text, field: field, analyzer: analyzer)
                    : try FieldAnalysis(text, field: field, analyzer: analyzer)
            } catch {
                return
            }
            if keepTokens { tokens[field] = analysis.tokens }
            // Full names repeat too (Nguyễn Văn An thousands of times): the index interns them,
            // though they are too many to be worth a place in the analysis cache.
            fields[indexField] = IndexBuilder.FieldTerms(value: field == .nationalID ? nil : text, terms: analysis.terms)
            if field == .hometown {
                if keepTokens { placeWords = analysis.placeWords }
                fields[.placeWords] = IndexBuilder.FieldTerms(value: text, terms: analysis.placeWordTerms)
            }
        }
        add(.name, record.fullName, as: .name)
        add(.position, record.position, as: .position)
        add(.agency, record.agency, as: .agency)
        add(.grade, record.grade, as: .grade)
        add(.nationalID, record.nationalID, as: .nationalID)
        if let hometown = record.hometown {
            add(.hometown, RecordAnalysis.hometownText(hometown), as: .hometown)
        }
        birthYear = UInt16(clamping: record.birthDate?.year ?? 0)
        gender = switch record.gender {
        case .male: 1
        case .female: 2
        case nil: 0
        }
        status = RecordAnalysis.statusCode(record.status)
        accessLevel = UInt8(record.accessLevel.rawValue)
    }

    public static func statusCode(_ status: Status?) -> UInt8 {
        switch status {
        case nil: 0
        case .active: 1
        case .retired: 2
        case .transferredOut: 3
        case .deceased: 4
        }
    }

    /// A hometown as one comma-separated text, most specific unit first.
    public static func hometownText(_ hometown: Hometown) -> String {
        switch hometown {
        case let .unit(commune, district, province):
            [commune, district, province].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        case let .text(text):
            text
        }
    }

    /// The words of every place name, for `q`: "nghệ an" gives "nghệ" and "an".
    static func placeWords(_ places: [Token]) -> [Token] {
        var words: [Token] = []
        var seen = Set<String>()
        for place in places {
            let exact = place.keys.exact.split(separator: " ")
            let toneless = place.keys.toneless.split(separator: " ")
            let folded = place.keys.folded.split(separator: " ")
            guard exact.count == folded.count, toneless.count == folded.count else { continue }
            for i in folded.indices {
                let keys = WordKeys(exact: String(exact[i]), toneless: String(toneless[i]), folded: String(folded[i]),
                                    hasTone: exact[i] != toneless[i])
                let token = Token(keys: keys, origin: place.origin, position: words.count)
                if seen.insert(keys.exact + (place.origin == .lineage ? "L" : "W")).inserted { words.append(token) }
            }
        }
        return words
    }
}
