import HosoIndex
import HosoText

/// One hit of a search.
public struct SearchHit: Sendable, Equatable {
    public var ordinal: UInt32
    public var id: String
    public var tier: MatchTier
    /// Higher is better; derived from the sort key (tier, fields matched, name order).
    public var score: Double
}

/// The answer to a search: exact total of records the caller may see, one page of hits.
public struct SearchResult: Sendable, Equatable {
    public var total: Int
    public var hits: [SearchHit]
    public var nextCursor: SearchCursor?
}

/// Runs `SearchRequest`s against one `IndexSnapshot`.
///
/// Plan: analyse each parameter, resolve every token to posting lists and per-term tiers,
/// intersect rarest first, drop records above the caller's level or outside the filters
/// (before counting, so hidden records never show in totals), then rank every candidate by
/// (tier, fields matched, name tokens in order, ordinal) — ordinals follow record id order, so
/// the last tie-break is the id — and keep the top `limit` after the cursor. When the literal
/// query finds nothing, the Telex-decoded query runs, its matches ranked `variant`.
public struct Searcher: Sendable {
    public let snapshot: IndexSnapshot
    public let analyzer: Analyzer

    /// From how many candidates on tiers are remembered per field value.
    public let memoThreshold: Int

    public init(snapshot: IndexSnapshot, analyzer: Analyzer = .shared, memoThreshold: Int = 2_048) {
        self.snapshot = snapshot
        self.analyzer = analyzer
        self.memoThreshold = memoThreshold
    }

    /// The lowest caller level that may search each fielded parameter (DESIGN §2–3).
    public static func level(ofParameter p: String) -> Int {
        switch p {
        case "hometown": 1
        case "national_id": 2
        default: 0
        }
    }

    /// Searches as a caller of `callerLevel` (0–3).
    /// - Throws: `SearchError.forbidden` for a parameter above the caller's level,
    ///   `.invalid` for a parameter with nothing searchable in it.
    public func search(_ request: SearchRequest, callerLevel: Int) throws(SearchError) -> SearchResult {
        guard request.hasQuery else {
            throw .invalid(parameter: "q", reason: "give q or at least one of name, hometown, position, agency, grade, national_id")
        }
        for (p, v) in [("hometown", request.hometown), ("national_id", request.nationalID)] where v != nil {
            if Searcher.level(ofParameter: p) > callerLevel { throw .forbidden(parameter: p) }
        }
        let empty = SearchResult(total: 0, hits: [], nextCursor: nil)
        let literal = try run(request, callerLevel: callerLevel, telex: false) ?? empty
        if literal.total > 0 { return literal }
        return try run(request, callerLevel: callerLevel, telex: true) ?? literal
    }

    private func run(_ r: SearchRequest, callerLevel: Int, telex: Bool) throws(SearchError) -> SearchResult? {
        let empty = SearchResult(total: 0, hits: [], nextCursor: nil)
        let options = MatchOptions(prefix: r.prefix, fuzzy: r.fuzzy)
        let universe = snapshot.recordCount
        var anyTelex = false
        var fieldPlans: [FieldPlan] = []
        var lists: [PostingList] = []

        let fielded: [(String, String?, Field, IndexField)] = [
            ("name", r.name, .name, .name), ("hometown", r.hometown, .hometown, .hometown),
            ("position", r.position, .position, .position), ("agency", r.agency, .agency, .agency),
            ("grade", r.grade, .grade, .grade), ("national_id", r.nationalID, .nationalID, .nationalID),
        ]
        for (parameter, value, field, indexField) in fielded {
            guard let value else { continue }
            var tokens = try analyze(value, field, parameter)
            var floor = MatchTier.exact
            if telex, field != .grade, field != .nationalID, let decoded = Telex.decode(text: value) {
                tokens = try analyze(decoded, field, parameter)
                floor = .variant
                anyTelex = true
            }
            guard let plan = plan(tokens, field, indexField, options, universe, floor: floor) else {
                return telex ? nil : empty
            }
            fieldPlans.append(plan)
            lists += plan.tokens.map(\.list)
        }

        var freeText: FreeTextPlan?
        if let q = r.q {
            var text = q
            if telex, let decoded = Telex.decode(text: q) {
                text = decoded
                anyTelex = true
            }
            let words = try analyze(text, .name, "q")
            var fields: [(Field, IndexField)] = [(.name, .name), (.position, .position), (.agency, .agency)]
            if callerLevel >= 1 { fields.append((.hometown, .placeWords)) }
            var plans: [[(index: FieldIndex, plan: TokenPlan, slot: Int)]] = []
            for (i, word) in words.enumerated() {
                var alternatives: [(index: FieldIndex, plan: TokenPlan, slot: Int)] = []
                for (slot, (field, indexField)) in fields.enumerated() {
                    let index = snapshot.field(indexField)
                    let matchField: Field = field == .hometown ? .name : field
                    if let p = TokenPlan.make(word, isLast: i == words.count - 1, in: index, field: matchField,
                                              options: options, universe: universe) {
                        alternatives.append((index, p, slot))
                    }
                }
                guard !alternatives.isEmpty else { return telex ? nil : empty }
                lists.append(PostingList.union(alternatives.map(\.plan.list), universe: universe))
                plans.append(alternatives)
            }
            freeText = FreeTextPlan(words: plans, floor: telex ? .variant : .exact)
        }
        if telex && !anyTelex { return nil }

        let candidates = PostingList.intersect(lists)
        // Many candidates share few hometowns, positions and agencies: score each value once.
        if candidates.count > memoThreshold {
            for i in fieldPlans.indices { fieldPlans[i].enableMemo() }
        }
        let namePlan = fieldPlans.first { $0.field == .name }
        let columns = snapshot.columns
        var heap = TopK(limit: r.limit)
        var total = 0
        for o in candidates {
            let i = Int(o)
            guard Int(columns.accessLevel[i]) <= callerLevel else { continue }
            if let born = r.born {
                let y = Int(columns.birthYear[i])
                guard y != 0, born.contains(y) else { continue }
            }
            if let g = r.gender, columns.gender[i] != g { continue }
            if let s = r.status, columns.status[i] != s { continue }
            var tier = MatchTier.exact
            var fields = 0
            var matched = true
            for plan in fieldPlans {
                guard let t = plan.tier(of: o) else { matched = false; break }
                tier = tier.worst(t)
                fields += 1
            }
            guard matched else { continue }
            if let freeText {
                guard let (t, n) = freeText.tier(of: o) else { continue }
                tier = tier.worst(t)
                fields += n
            }
            total += 1
            let inOrder = namePlan?.inOrder(o) ?? true
            let key = SortKey.make(tier: tier, fields: fields, inOrder: inOrder, ordinal: o)
            if let cursor = r.cursor, key <= cursor.key { continue }
            heap.insert(key)
        }
        let keys = heap.sorted()
        let hits = keys.map { key -> SearchHit in
            let o = SortKey.ordinal(key)
            return SearchHit(ordinal: o, id: snapshot.ids[Int(o)], tier: SortKey.tier(key), score: SortKey.score(key))
        }
        var next: SearchCursor?
        if let last = keys.last, heap.overflowed {
            next = SearchCursor(key: last, sequence: snapshot.sequence)
        }
        return SearchResult(total: total, hits: hits, nextCursor: next)
    }

    /// Tokens of a parameter; throws when it has no searchable words.
    private func analyze(_ value: String, _ field: Field, _ parameter: String) throws(SearchError) -> [Token] {
        let tokens: [Token]
        do {
            tokens = try analyzer.query(value, field: field)
        } catch {
            throw .invalid(parameter: parameter, reason: error.description)
        }
        guard !tokens.isEmpty else { throw .invalid(parameter: parameter, reason: "nothing searchable in the value") }
        return tokens
    }

    private func plan(
        _ tokens: [Token], _ field: Field, _ indexField: IndexField, _ options: MatchOptions, _ universe: Int,
        floor: MatchTier
    ) -> FieldPlan? {
        let index = snapshot.field(indexField)
        var plans: [TokenPlan] = []
        for (i, token) in tokens.enumerated() {
            guard let p = TokenPlan.make(token, isLast: i == tokens.count - 1, in: index, field: field,
                                         options: options, universe: universe)
            else { return nil }
            plans.append(p)
        }
        return FieldPlan(field: field, index: index, tokens: plans, floor: floor)
    }
}
