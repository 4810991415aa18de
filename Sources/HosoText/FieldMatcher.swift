/// Options a query carries into matching.
public struct MatchOptions: Sendable, Hashable {
    /// The last query token is a prefix of a word being typed (DESIGN §4).
    public var prefix: Bool
    /// Allow one edit on the folded syllables of longer tokens.
    public var fuzzy: Bool

    public init(prefix: Bool = false, fuzzy: Bool = false) {
        self.prefix = prefix
        self.fuzzy = fuzzy
    }
}

/// Field-level matching rules (DESIGN §4) shared by `explain`, the oracle and the query engine.
///
/// - name, agency, hometown: every query token matches a distinct token of the field, in any
///   order (middle names and parts of compound surnames may be left out);
/// - position: the query matches as a phrase from the start of the title (Giám đốc never
///   matches Phó Giám đốc);
/// - grade, national_id: the single value is equal.
/// The tier of a match is the worst tier among the query's tokens.
public enum FieldMatcher {
    public static func tier(
        query: [Token], document: [Token], field: Field, options: MatchOptions = .init()
    ) -> MatchTier? {
        guard !query.isEmpty else { return nil }
        switch field {
        case .position:
            return phraseTier(query, document, field: field, options: options)
        case .grade, .nationalID:
            guard query.count == 1 else { return nil }
            return document.lazy.compactMap { query[0].tier(matching: $0) }.min()
        case .name, .agency, .hometown:
            return bagTier(query, document, field: field, options: options)
        }
    }

    /// The tier of one token pair under `options`; `isLast` marks the token being typed.
    static func pairTier(_ q: Token, _ d: Token, isLast: Bool, field: Field, options: MatchOptions) -> MatchTier? {
        if let tier = (options.prefix && isLast) ? q.prefixTier(matching: d) : q.tier(matching: d) {
            return tier
        }
        if options.fuzzy, field.allowsFuzzy, q.fuzzyTier(matching: d) != nil {
            return d.origin == .lineage ? .fuzzy.worst(.lineage) : .fuzzy
        }
        return nil
    }

    static func bagTier(_ query: [Token], _ document: [Token], field: Field, options: MatchOptions) -> MatchTier? {
        var used = [Bool](repeating: false, count: document.count)
        var worst = MatchTier.exact
        for (qi, q) in query.enumerated() {
            var best: (index: Int, tier: MatchTier)?
            for (di, d) in document.enumerated() where !used[di] {
                guard let t = pairTier(q, d, isLast: qi == query.count - 1, field: field, options: options) else {
                    continue
                }
                if best == nil || t < best!.tier { best = (di, t) }
                if t == .exact { break }
            }
            guard let best else { return nil }
            used[best.index] = true
            worst = worst.worst(best.tier)
        }
        return worst
    }

    static func phraseTier(_ query: [Token], _ document: [Token], field: Field, options: MatchOptions) -> MatchTier? {
        let literal = document.filter { $0.origin == .literal }
        guard literal.count >= query.count else { return nil }
        var worst = MatchTier.exact
        for (i, q) in query.enumerated() {
            guard let t = pairTier(q, literal[i], isLast: i == query.count - 1, field: field, options: options) else {
                return nil
            }
            worst = worst.worst(t)
        }
        return worst
    }
}

/// A query parameter analysed once: its tokens and, when it looks Telex-typed, the decoded tokens.
public struct AnalyzedQuery: Sendable {
    public var field: Field
    public var tokens: [Token]
    /// Tokens of the Telex-decoded text; matches through them rank as `variant` (DESIGN §4).
    public var telex: [Token]?

    public init(_ text: String, field: Field, analyzer: Analyzer = .shared) throws(AnalysisError) {
        self.field = field
        tokens = try analyzer.query(text, field: field)
        if field != .nationalID, field != .grade, let decoded = Telex.decode(text: text) {
            telex = try analyzer.query(decoded, field: field)
        }
    }

    /// The tier at which this query matches a document's tokens, Telex only as a fallback.
    public func tier(against document: [Token], options: MatchOptions = .init()) -> MatchTier? {
        if let tier = FieldMatcher.tier(query: tokens, document: document, field: field, options: options) {
            return tier
        }
        guard let telex else { return nil }
        return FieldMatcher.tier(query: telex, document: document, field: field, options: options)?.worst(.variant)
    }
}

/// `hoso explain`: the tier at which `query` matches `text` stored in `field`, or nil.
public func explainMatch(
    field: Field, query: String, text: String, options: MatchOptions = .init(), analyzer: Analyzer = .shared
) throws(AnalysisError) -> MatchTier? {
    let document = try analyzer.document(text, field: field)
    return try AnalyzedQuery(query, field: field, analyzer: analyzer).tier(against: document, options: options)
}
