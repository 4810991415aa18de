/// The one analyser documents and queries go through (DESIGN §4).
///
/// `document(_:field:)` is what ingest and the index see for a stored value (legacy repair
/// included); `query(_:field:)` is what search sees for a parameter. Both produce `Token`s
/// whose folded keys decide whether a match exists and whose other keys rank it.
public struct Analyzer: Sendable {
    public static let shared = Analyzer()

    let tables: RewriteTables

    public init() {
        tables = RewriteTables.shared
    }

    /// Tokens of a stored field value.
    /// - Throws: `AnalysisError` for control characters, invalid UTF-8 or oversize input.
    public func document(_ text: String, field: Field) throws(AnalysisError) -> [Token] {
        try TextScan.validate(text)
        return try analyze(LegacyText.repaired(text), field: field, side: .document)
    }

    /// Tokens of a query parameter.
    /// - Throws: `AnalysisError` for control characters, invalid UTF-8 or oversize input.
    public func query(_ text: String, field: Field) throws(AnalysisError) -> [Token] {
        try TextScan.validate(text)
        return try analyze(LegacyText.repaired(text), field: field, side: .query)
    }

    enum Side { case document, query }

    func analyze(_ text: String, field: Field, side: Side) throws(AnalysisError) -> [Token] {
        switch field {
        case .name: return try words(text, field: field)
        case .position, .agency: return try words(text, field: field)
        case .grade: return try grade(text)
        case .nationalID: return try identifier(text)
        case .hometown: return try hometown(text, side: side)
        }
    }

    /// Word tokens, with the field's rewrites applied.
    func words(_ text: String, field: Field) throws(AnalysisError) -> [Token] {
        let scan = try TextScan(text)
        var scratch = KeyScratch()
        guard field.rewritesWords else {
            var tokens: [Token] = []
            tokens.reserveCapacity(scan.words.count)
            for i in scan.words.indices { tokens.append(Token(keys: scratch.keys(scan.word(i)), position: i)) }
            return tokens
        }
        return rewrite(scan.words.indices.map { scratch.keys(scan.word($0)) }, field: field)
    }

    /// A national id: its digits only, one token; no digits, no token.
    func identifier(_ text: String) throws(AnalysisError) -> [Token] {
        _ = try TextScan(text)
        let digits = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x30 && $0.value <= 0x39 }))
        guard !digits.isEmpty else { return [] }
        return [Token(keys: WordKeys(exact: digits, toneless: digits, folded: digits, hasTone: false), position: 0)]
    }
}

extension Analyzer {
    /// Tokens of a stored value given as raw bytes: for UTF-8, exactly `document(_:field:)` of its text
    /// (legacy repair sees the text as written, before any clean-up).
    /// - Throws: `AnalysisError.invalidUTF8` naming the byte offset, or the errors of `document(_:field:)`.
    public func document(utf8 bytes: some Collection<UInt8>, field: Field) throws(AnalysisError) -> [Token] {
        try document(TextScan.decode(utf8: bytes), field: field)
    }
}
