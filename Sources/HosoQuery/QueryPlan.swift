import HosoIndex
import HosoText

/// One query token resolved against one field's index: the records that hold a matching term,
/// and the tier of every candidate term, in a dense table over the term-id span it touches.
struct TokenPlan {
    /// The term groups the token matched in.
    var groups: [Int]
    /// For the token being typed (`prefix=1`): the groups whose key is the typed word itself,
    /// so a record holding it whole can rank before one that only completes it (Thu before Thúy).
    var whole: [Int] = []
    /// Whether this is the token being typed.
    var completing = false
    /// tiers[termID - low] = tier raw value, or `TokenPlan.none`.
    var low: Int
    var tiers: [UInt8]

    static let none: UInt8 = 0xFF

    /// The records holding a matching term (made only when a search starts from record-level
    /// lists: a prefix can match hundreds of groups).
    func list(in index: FieldIndex, universe: Int) -> PostingList {
        PostingList.union(groups.map { index.postings[$0] }, universe: universe)
    }

    /// The raw tier of a term, or `TokenPlan.none`.
    @inline(__always)
    func raw(_ term: UInt32) -> UInt8 {
        let i = Int(term) &- low
        return i >= 0 && i < tiers.count ? tiers[i] : TokenPlan.none
    }

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
        var whole: [Int] = []
        let completing = options.prefix && isLast && field.allowsPrefix
        if completing {
            for reading in [token] + token.alternatives {
                if let g = index.group(forKey: reading.keys.folded), !whole.contains(g) { whole.append(g) }
            }
        }
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
        return TokenPlan(groups: matched, whole: whole, completing: completing, low: low, tiers: tiers)
    }
}

/// One fielded parameter: its tokens resolved in its field.
///
/// Scoring a candidate reads its forward-index terms and looks their tiers up in each token's
/// table. The common cases run as direct loops; anything unusual (two query tokens wanting the
/// same record token) goes through `FieldMatcher`'s general rules, which give the same answer.
struct FieldPlan {
    var field: Field
    var index: FieldIndex
    var tokens: [TokenPlan]
    /// Matches through these tokens rank no better than this (Telex fallback: variant).
    var floor: MatchTier

    /// Per distinct value of an interned field, the tier once computed (large candidate sets).
    var memo: TierMemo?

    /// The tier of record `ordinal` for this parameter, or nil.
    func tier(of ordinal: UInt32) -> MatchTier? {
        guard let memo else { return computeTier(of: ordinal) }
        let value = Int(index.recordValues[Int(ordinal)])
        let known = memo.slots[value]
        if known != TierMemo.unknown { return known == TokenPlan.none ? nil : MatchTier(rawValue: Int(known)) }
        let tier = computeTier(of: ordinal)
        memo.slots[value] = tier.map { UInt8($0.rawValue) } ?? TokenPlan.none
        return tier
    }

    /// Remembers tiers per value when the field is interned (its tier depends only on the value).
    mutating func enableMemo() {
        guard !index.recordValues.isEmpty else { return }
        memo = TierMemo(count: index.forwardOffsets.count - 1)
    }

    private func computeTier(of ordinal: UInt32) -> MatchTier? {
        computeTier(terms: index.forwardRange(ordinal))
    }

    /// The tier of an interned field's value `v`, or nil.
    func tier(ofValue v: UInt32) -> MatchTier? {
        computeTier(terms: Int(index.forwardOffsets[Int(v)])..<Int(index.forwardOffsets[Int(v) + 1]))
    }

    /// The values (of an interned field) that hold a matching term for every token, ascending;
    /// nil for fields without a value level.
    func candidateValues() -> [UInt32]? {
        guard let values = index.values else { return nil }
        let lists = tokens.map { plan in
            PostingList.union(plan.groups.map { values.groupValues[$0] }, universe: values.valueCount)
        }
        return PostingList.intersect(lists)
    }

    /// The raw tier of every value of an interned field (`TokenPlan.none` where it does not
    /// match), for `TabulatedScan`; with `nameOrder`, values whose tokens match out of reading
    /// order carry `TabulatedScan.outOfOrder` too.
    func tierTable(values: [UInt32], nameOrder: Bool) -> [UInt8] {
        var table = [UInt8](repeating: TokenPlan.none, count: index.values?.valueCount ?? 0)
        for v in values {
            guard let tier = tier(ofValue: v) else { continue }
            var entry = UInt8(tier.rawValue)
            if nameOrder, !inOrder(value: v) { entry |= TabulatedScan.outOfOrder }
            if nameOrder, completesOnly(value: v) { entry |= TabulatedScan.completesOnly }
            table[Int(v)] = entry
        }
        return table
    }

    /// The tier of the term list at `range` of `forwardTerms`, or nil.
    private func computeTier(terms range: Range<Int>) -> MatchTier? {
        let lo = range.lowerBound
        let n = range.count
        let terms = index.forwardTerms
        var worst: UInt8 = 0
        switch field {
        case .position:
            // A phrase from the start of the title (position tokens are all literal).
            guard n >= tokens.count else { return nil }
            for q in tokens.indices {
                let t = tokens[q].raw(terms[lo + q])
                if t == TokenPlan.none { return nil }
                worst = max(worst, t)
            }
        case .grade, .nationalID:
            var best = TokenPlan.none
            for d in 0..<n { best = min(best, tokens[0].raw(terms[lo + d])) }
            if best == TokenPlan.none { return nil }
            worst = best
        case .name, .agency, .hometown:
            var used: UInt64 = 0
            for plan in tokens {
                var best = TokenPlan.none
                var at = -1
                for d in 0..<n {
                    let t = plan.raw(terms[lo + d])
                    if t < best {
                        best = t
                        at = d
                        if t == 0 { break }
                    }
                }
                if best == TokenPlan.none { return nil }
                guard at < 64, used & (1 << UInt64(at)) == 0 else { return generalTier(lo, n) }
                used |= 1 << UInt64(at)
                worst = max(worst, best)
            }
        }
        return MatchTier(rawValue: Int(max(worst, UInt8(floor.rawValue))))
    }

    /// The general rules, for the rare record where the fast loop cannot decide.
    private func generalTier(_ lo: Int, _ n: Int) -> MatchTier? {
        let terms = index.forwardTerms
        let tokens = self.tokens
        let t = FieldMatcher.tier(
            queryCount: tokens.count, documentCount: n, field: field, isLiteral: { _ in true }
        ) { q, d, _ in tokens[q].tier(terms[lo + d]) }
        return t.map { $0.worst(floor) }
    }

    /// Whether the typed last word of a `prefix=1` name search is only completed in record
    /// `ordinal` (no word of the name equals it): such records rank after those holding it whole.
    func completesOnly(_ ordinal: UInt32) -> Bool { completesOnly(terms: index.forwardRange(ordinal)) }

    /// `completesOnly` for value `v` of an interned field.
    func completesOnly(value v: UInt32) -> Bool {
        completesOnly(terms: Int(index.forwardOffsets[Int(v)])..<Int(index.forwardOffsets[Int(v) + 1]))
    }

    private func completesOnly(terms range: Range<Int>) -> Bool {
        guard field == .name, let last = tokens.last, last.completing else { return false }
        for d in range where last.whole.contains(Int(index.termGroup[Int(index.forwardTerms[d])])) { return false }
        return true
    }

    /// Whether the query's tokens first match the record's tokens in reading order.
    func inOrder(_ ordinal: UInt32) -> Bool { inOrder(terms: index.forwardRange(ordinal)) }

    /// Whether the query's tokens first match value `v`'s tokens in reading order.
    func inOrder(value v: UInt32) -> Bool {
        inOrder(terms: Int(index.forwardOffsets[Int(v)])..<Int(index.forwardOffsets[Int(v) + 1]))
    }

    private func inOrder(terms range: Range<Int>) -> Bool {
        let terms = index.forwardTerms
        var last = -1
        for plan in tokens {
            var found = -1
            for d in range where plan.raw(terms[d]) != TokenPlan.none {
                found = d
                break
            }
            if found < 0 || found < last { return false }
            last = found
        }
        return true
    }
}

/// Tier per value of an interned field, filled while scoring one search.
final class TierMemo {
    static let unknown: UInt8 = 0xFE
    let slots: UnsafeMutableBufferPointer<UInt8>

    init(count: Int) {
        slots = .allocate(capacity: max(1, count))
        slots.initialize(repeating: TierMemo.unknown)
    }

    deinit { slots.deallocate() }
}

/// `q`: each word must match in at least one visible field.
struct FreeTextPlan {
    /// Per word: the fields it can match in, with their plans.
    var words: [[(index: FieldIndex, plan: TokenPlan, slot: Int)]]
    var floor: MatchTier

    /// The worst over words of the best tier in any field, and how many fields matched.
    func tier(of ordinal: UInt32) -> (MatchTier, Int)? {
        var worst: UInt8 = 0
        var fieldsMatched: UInt32 = 0
        for alternatives in words {
            var best = TokenPlan.none
            var bestField = -1
            for (f, alternative) in alternatives.enumerated() {
                let index = alternative.index
                for d in index.forwardRange(ordinal) {
                    let t = alternative.plan.raw(index.forwardTerms[d])
                    if t < best {
                        best = t
                        bestField = f
                    }
                }
            }
            if best == TokenPlan.none { return nil }
            worst = max(worst, best)
            fieldsMatched |= 1 << UInt32(alternatives[bestField].slot)
        }
        return (MatchTier(rawValue: Int(max(worst, UInt8(floor.rawValue))))!, fieldsMatched.nonzeroBitCount)
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
