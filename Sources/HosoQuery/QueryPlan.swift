import HosoIndex
import HosoText

/// One query token resolved against one field's index: the records that hold a matching term,
/// and the tier of every candidate term, in a dense table over the term-id span it touches.
struct TokenPlan {
    var list: PostingList
    /// tiers[termID - low] = tier raw value, or `TokenPlan.none`.
    var low: Int
    var tiers: [UInt8]

    static let none: UInt8 = 0xFF

    @inline(__always)
    func tier(_ term: UInt32) -> MatchTier? {
        let i = Int(term) - low
        guard i >= 0, i < tiers.count else { return nil }
        let t = tiers[i]
        return t == TokenPlan.none ? nil : MatchTier(rawValue: Int(t))
    }

    /// Resolves `token` in `index`. Returns nil when no term of the index can match it.
    static func make(
        _ token: Token, isLast: Bool, in index: FieldIndex, field: Field, options: MatchOptions, universe: Int
    ) -> TokenPlan? {
        var groups: [Int] = []
        var seen = Set<Int>()
        func include(_ g: Int) { if seen.insert(g).inserted { groups.append(g) } }
        for reading in [token] + token.alternatives {
            let key = reading.keys.folded
            if options.prefix && isLast && field.allowsPrefix {
                index.groups(withPrefix: key).forEach(include)
            } else if let g = index.group(forKey: key) {
                include(g)
            }
            if options.fuzzy, field.allowsFuzzy, key.utf8.count >= Token.fuzzyMinLength {
                for k in FuzzyKeys.oneEdit(key) {
                    if let g = index.group(forKey: k) { include(g) }
                }
            }
        }
        guard !groups.isEmpty else { return nil }
        let low = groups.map { index.terms(ofGroup: $0).lowerBound }.min()!
        let high = groups.map { index.terms(ofGroup: $0).upperBound }.max()!
        var tiers = [UInt8](repeating: none, count: high - low)
        var matched: [Int] = []
        for g in groups {
            var any = false
            for t in index.terms(ofGroup: g) {
                let term = TermCodec.token(key: index.keys[g], variant: index.variants[t])
                if let tier = FieldMatcher.pairTier(token, term, isLast: isLast, field: field, options: options) {
                    tiers[t - low] = UInt8(tier.rawValue)
                    any = true
                }
            }
            if any { matched.append(g) }
        }
        guard !matched.isEmpty else { return nil }
        let list = PostingList.union(matched.map { index.postings[$0] }, universe: universe)
        return TokenPlan(list: list, low: low, tiers: tiers)
    }
}

/// One fielded parameter: its tokens resolved in its field.
struct FieldPlan {
    var field: Field
    var index: FieldIndex
    var tokens: [TokenPlan]
    /// Matches through these tokens rank no better than this (Telex fallback: variant).
    var floor: MatchTier

    /// The tier of record `ordinal` for this parameter, or nil.
    func tier(of ordinal: UInt32) -> MatchTier? {
        let terms = index.terms(of: ordinal)
        let base = terms.startIndex
        let tokens = self.tokens
        let t = FieldMatcher.tier(
            queryCount: tokens.count, documentCount: terms.count, field: field, isLiteral: { _ in true }
        ) { q, d, _ in tokens[q].tier(terms[base + d]) }
        return t.map { $0.worst(floor) }
    }

    /// Whether the query's tokens first match the record's tokens in reading order.
    func inOrder(_ ordinal: UInt32) -> Bool {
        let terms = index.terms(of: ordinal)
        var last = -1
        for plan in tokens {
            guard let d = terms.indices.first(where: { plan.tier(terms[$0]) != nil }) else { return false }
            if d < last { return false }
            last = d
        }
        return true
    }
}

/// `q`: each word must match in at least one visible field.
struct FreeTextPlan {
    /// Per word: the fields it can match in, with their plans.
    var words: [[(index: FieldIndex, plan: TokenPlan)]]
    var floor: MatchTier

    /// The worst over words of the best tier in any field, and how many fields matched.
    func tier(of ordinal: UInt32) -> (MatchTier, Int)? {
        var worst = MatchTier.exact
        var fieldsMatched = Set<ObjectIdentifier>()
        for alternatives in words {
            var best: (MatchTier, ObjectIdentifier)?
            for (index, plan) in alternatives {
                for term in index.terms(of: ordinal) {
                    if let t = plan.tier(term), best == nil || t < best!.0 { best = (t, ObjectIdentifier(index)) }
                }
            }
            guard let best else { return nil }
            worst = worst.worst(best.0)
            fieldsMatched.insert(best.1)
        }
        return (worst.worst(floor), fieldsMatched.count)
    }
}

/// Folded keys one edit away (deletion, substitution, insertion of a-z), for `fuzzy=1`.
enum FuzzyKeys {
    static func oneEdit(_ key: String) -> [String] {
        let bytes = Array(key.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return [] }
        var out: [String] = []
        let letters = Array(UInt8(ascii: "a")...UInt8(ascii: "z"))
        for i in bytes.indices {
            var d = bytes
            d.remove(at: i)
            out.append(String(decoding: d, as: UTF8.self))
            for c in letters where c != bytes[i] {
                var s = bytes
                s[i] = c
                out.append(String(decoding: s, as: UTF8.self))
            }
        }
        for i in 0...bytes.count {
            for c in letters {
                var s = bytes
                s.insert(c, at: i)
                out.append(String(decoding: s, as: UTF8.self))
            }
        }
        return out
    }
}
