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
        tier(queryCount: query.count, documentCount: document.count, field: field,
             isLiteral: { document[$0].origin == .literal }) { q, d, isLast in
            pairTier(query[q], document[d], isLast: isLast, field: field, options: options)
        }
    }

    /// The field rules over abstract tokens: `pair(q, d, isLast)` gives the tier of query token
    /// q against document token d (nil for no match); `isLiteral(d)` tells whether d was
    /// written in the text rather than added by lineage. Search calls this with tiers looked up
    /// from the index, `explain` with analysed tokens: both follow the same rules.
    public static func tier(
        queryCount: Int, documentCount: Int, field: Field, isLiteral: (Int) -> Bool,
        pair: (Int, Int, Bool) -> MatchTier?
    ) -> MatchTier? {
        guard queryCount > 0 else { return nil }
        switch field {
        case .position:
            return phraseTier(queryCount, documentCount, isLiteral: isLiteral, pair: pair)
        case .grade, .nationalID:
            guard queryCount == 1 else { return nil }
            var best: MatchTier?
            for d in 0..<documentCount {
                if let t = pair(0, d, true), best == nil || t < best! { best = t }
            }
            return best
        case .name, .agency, .hometown:
            return bagTier(queryCount, documentCount, pair: pair)
        }
    }

    /// The tier of one token pair under `options`; `isLast` marks the token being typed.
    public static func pairTier(_ q: Token, _ d: Token, isLast: Bool, field: Field, options: MatchOptions) -> MatchTier? {
        var best = singleTier(q, d, isLast: isLast, field: field, options: options)
        for alternative in q.alternatives {
            if let t = singleTier(alternative, d, isLast: isLast, field: field, options: options), best == nil || t < best! {
                best = t
            }
        }
        return best
    }

    static func singleTier(_ q: Token, _ d: Token, isLast: Bool, field: Field, options: MatchOptions) -> MatchTier? {
        if let tier = (options.prefix && isLast && field.allowsPrefix) ? q.prefixTier(matching: d) : q.tier(matching: d) {
            return tier
        }
        if options.fuzzy, field.allowsFuzzy, q.fuzzyTier(matching: d) != nil {
            return d.origin == .lineage ? .fuzzy.worst(.lineage) : .fuzzy
        }
        return nil
    }

    /// Every query token takes its best still-unused document token; the worst of those tiers.
    static func bagTier(_ queryCount: Int, _ documentCount: Int, pair: (Int, Int, Bool) -> MatchTier?) -> MatchTier? {
        var used = [Bool](repeating: false, count: documentCount)
        var worst = MatchTier.exact
        for q in 0..<queryCount {
            var best: (index: Int, tier: MatchTier)?
            for d in 0..<documentCount where !used[d] {
                guard let t = pair(q, d, q == queryCount - 1) else { continue }
                if best == nil || t < best!.tier { best = (d, t) }
                if t == .exact { break }
            }
            guard let best else { return nil }
            used[best.index] = true
            worst = worst.worst(best.tier)
        }
        return worst
    }

    /// Query token i against the i-th literal document token, from the start.
    static func phraseTier(
        _ queryCount: Int, _ documentCount: Int, isLiteral: (Int) -> Bool, pair: (Int, Int, Bool) -> MatchTier?
    ) -> MatchTier? {
        var worst = MatchTier.exact
        var d = 0
        for q in 0..<queryCount {
            while d < documentCount, !isLiteral(d) { d += 1 }
            guard d < documentCount, let t = pair(q, d, q == queryCount - 1) else { return nil }
            worst = worst.worst(t)
            d += 1
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
