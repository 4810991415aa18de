import HosoIndex
import HosoText

/// One hit of a search.
public struct SearchHit: Sendable, Equatable {
    /// The record's ordinal in the segment it was found in.
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

/// Runs `SearchRequest`s against one `LiveIndex` (a base snapshot plus changed records).
///
/// Plan: analyse each parameter once, then in every segment resolve every token to posting lists
/// and per-term tiers, intersect rarest first, drop superseded records, records above the
/// caller's level and records outside the filters (before counting, so hidden records never show
/// in totals), then rank every candidate by (tier, typed last word held whole, fields matched, name tokens in order, id) and
/// keep the top `limit` after the cursor; the segments' pages merge by the same order. When the
/// literal query finds nothing, the Telex-decoded query runs, its matches ranked `variant`.
public struct Searcher: Sendable {
    public let index: LiveIndex
    public let analyzer: Analyzer

    /// From how many candidates on tiers are remembered per field value.
    public let memoThreshold: Int
    /// Whether searches whose rarest token is in an interned field start from that field's
    /// matching values (see `ValueIndex`); off only to test the record-level path alone.
    public let valueDriven: Bool
    /// Records of candidate values beyond which a search with several fields starts from
    /// record-level posting lists instead (where intersecting bitmaps first is cheaper).
    public let valueDriverLimit: Int

    /// The base snapshot.
    public var snapshot: IndexSnapshot { index.base }

    public init(
        snapshot: IndexSnapshot, analyzer: Analyzer = .shared, memoThreshold: Int = 2_048, valueDriven: Bool = true,
        valueDriverLimit: Int = 20_000
    ) {
        self.init(index: LiveIndex(base: snapshot), analyzer: analyzer, memoThreshold: memoThreshold, valueDriven: valueDriven,
                  valueDriverLimit: valueDriverLimit)
    }

    public init(
        index: LiveIndex, analyzer: Analyzer = .shared, memoThreshold: Int = 2_048, valueDriven: Bool = true,
        valueDriverLimit: Int = 20_000
    ) {
        self.index = index
        self.analyzer = analyzer
        self.memoThreshold = memoThreshold
        self.valueDriven = valueDriven
        self.valueDriverLimit = valueDriverLimit
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
        let literal = run(try prepare(request, telex: false)!, request, callerLevel: callerLevel)
        if literal.total > 0 { return literal }
        guard let telex = try prepare(request, telex: true) else { return literal }
        return run(telex, request, callerLevel: callerLevel)
    }

    /// The analysed parameters of a request (literal, or Telex-decoded).
    private struct PreparedQuery {
        var fielded: [(field: Field, indexField: IndexField, tokens: [Token], floor: MatchTier)] = []
        var freeText: [Token]?
        var floor = MatchTier.exact
    }

    /// Analyses the request once for every segment. With `telex`, nil when no parameter decodes.
    private func prepare(_ r: SearchRequest, telex: Bool) throws(SearchError) -> PreparedQuery? {
        var prepared = PreparedQuery()
        var anyTelex = false
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
            prepared.fielded.append((field, indexField, tokens, floor))
        }
        if let q = r.q {
            var text = q
            if telex, let decoded = Telex.decode(text: q) {
                text = decoded
                anyTelex = true
            }
            prepared.freeText = try analyze(text, .name, "q")
            prepared.floor = telex ? .variant : .exact
        }
        if telex && !anyTelex { return nil }
        return prepared
    }

    /// One page over every segment, merged by rank then id.
    private func run(_ query: PreparedQuery, _ r: SearchRequest, callerLevel: Int) -> SearchResult {
        var total = 0
        var offered = 0
        var page: [(rank: UInt32, id: String, key: UInt64)] = []
        for segment in index.segments where segment.snapshot.recordCount > 0 {
            guard let part = run(query, r, in: segment, callerLevel: callerLevel) else { continue }
            total += part.total
            offered += part.offered
            let ids = segment.snapshot.ids
            for key in part.keys { page.append((UInt32(truncatingIfNeeded: key >> 32), ids[Int(SortKey.ordinal(key))], key)) }
        }
        if index.segments.count > 1 {
            page.sort { $0.rank != $1.rank ? $0.rank < $1.rank : ByteOrder.compare($0.id, $1.id) < 0 }
            if page.count > r.limit { page.removeLast(page.count - r.limit) }
        }
        let hits = page.map { SearchHit(ordinal: SortKey.ordinal($0.key), id: $0.id, tier: SortKey.tier($0.key), score: SortKey.score($0.key)) }
        var next: SearchCursor?
        if let last = page.last, offered > r.limit {
            next = SearchCursor(rank: last.rank, id: last.id, sequence: index.sequence)
        }
        return SearchResult(total: total, hits: hits, nextCursor: next)
    }

    /// One segment's total, its best `limit` sort keys after the cursor (ascending), and how many
    /// candidates came after the cursor. Nil when some token matches nothing in the segment.
    private func run(
        _ query: PreparedQuery, _ r: SearchRequest, in segment: IndexSegment, callerLevel: Int
    ) -> (total: Int, keys: [UInt64], offered: Int)? {
        let snapshot = segment.snapshot
        let options = MatchOptions(prefix: r.prefix, fuzzy: r.fuzzy)
        let universe = snapshot.recordCount
        var fieldPlans: [FieldPlan] = []
        var lists: [PostingList] = []
        for p in query.fielded {
            guard let plan = plan(p.tokens, p.field, snapshot.field(p.indexField), options, universe, floor: p.floor)
            else { return nil }
            fieldPlans.append(plan)
        }

        var freeText: FreeTextPlan?
        if let words = query.freeText {
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
                guard !alternatives.isEmpty else { return nil }
                lists.append(PostingList.union(alternatives.map { $0.plan.list(in: $0.index, universe: universe) }, universe: universe))
                plans.append(alternatives)
            }
            freeText = FreeTextPlan(words: plans, floor: query.floor)
        }

        let resume = r.cursor.flatMap { $0.resumeKey(idsNotAfter: snapshot.count(notAfter: $0.id)) }
        let filter = RecordFilter(columns: snapshot.columns, superseded: segment.superseded, request: r, callerLevel: callerLevel)
        let nameIndex = fieldPlans.firstIndex { $0.field == .name }
        var heap = TopK(limit: r.limit)
        var total = 0
        var offered = 0

        /// Ranks record `o` if it passes the filters and every field plan but `skip` (whose
        /// tier, and name order when it is the name, are `known`).
        @inline(__always)
        func consider(_ o: UInt32, skip: Int, known: MatchTier, knownInOrder: Bool?, knownCompletesOnly: Bool? = nil) {
            guard filter.admits(o) else { return }
            var tier = known
            var fields = skip >= 0 ? 1 : 0
            for (j, plan) in fieldPlans.enumerated() where j != skip {
                guard let t = plan.tier(of: o) else { return }
                tier = tier.worst(t)
                fields += 1
            }
            if let freeText {
                guard let (t, n) = freeText.tier(of: o) else { return }
                tier = tier.worst(t)
                fields += n
            }
            total += 1
            let inOrder = knownInOrder ?? nameIndex.map { fieldPlans[$0].inOrder(o) } ?? true
            let completesOnly = knownCompletesOnly ?? nameIndex.map { fieldPlans[$0].completesOnly(o) } ?? false
            let key = SortKey.make(tier: tier, completesOnly: completesOnly, fields: fields, inOrder: inOrder, ordinal: o)
            if let resume, key <= resume { return }
            offered += 1
            heap.insert(key)
        }

        // Value-driven: find an interned field's matching values, decide each value's tier (and
        // name order) once, and visit only the records of those values. The driver is the field
        // whose candidate values hold the fewest records; with other fields to check as well, a
        // driver holding many records is left to the record-level path, where intersecting
        // bitmaps first is cheaper than checking each record.
        let candidateValues = valueDriven && freeText == nil ? fieldPlans.map { $0.candidateValues() } : []
        if let driver = valueDriver(fieldPlans, candidateValues) {
            let d = driver.plan
            if driver.records > memoThreshold {
                for i in fieldPlans.indices where i != d { fieldPlans[i].enableMemo() }
            }
            let plan = fieldPlans[d]
            let level = plan.index.values!
            for v in driver.values {
                guard let tier = plan.tier(ofValue: v) else { continue }
                let inOrder: Bool? = nameIndex == d ? plan.inOrder(value: v) : nil
                let completesOnly: Bool? = nameIndex == d ? plan.completesOnly(value: v) : nil
                for k in level.records(of: v) {
                    consider(level.records[k], skip: d, known: tier, knownInOrder: inOrder, knownCompletesOnly: completesOnly)
                }
            }
            return (total, heap.sorted(), offered)
        }

        for plan in fieldPlans {
            lists += plan.tokens.map { $0.list(in: plan.index, universe: universe) }
        }
        // Every field interned and many candidates per candidate value: tabulate each field's
        // tier per value, then scan the candidates (with few candidates, tiers are better
        // computed lazily for the values actually met, below). Dense lists intersect as words and
        // are scanned bit by bit.
        let valueWork = candidateValues.reduce(0) { $0 + ($1?.count ?? 0) }
        let tabulable = !candidateValues.isEmpty && candidateValues.allSatisfy { $0 != nil }
        func tabulated(_ candidates: TabulatedScan.Candidates) -> (total: Int, keys: [UInt64], offered: Int) {
            let tables = fieldPlans.indices.map { fieldPlans[$0].tierTable(values: candidateValues[$0]!, nameOrder: $0 == nameIndex) }
            let scan = TabulatedScan(
                filter: filter, limit: r.limit, resume: resume, recordValues: fieldPlans.map(\.index.recordValues), tables: tables)
            return scan.run(candidates)
        }
        if tabulable, let dense = PostingList.intersectBitmaps(lists), dense.count >= 4 * valueWork {
            return tabulated(.bitmap(dense))
        }
        let candidates = PostingList.intersect(lists)
        if tabulable, candidates.count >= 4 * valueWork {
            return tabulated(.list(candidates))
        }
        // Many candidates share few hometowns, positions and agencies: score each value once.
        if candidates.count > memoThreshold {
            for i in fieldPlans.indices { fieldPlans[i].enableMemo() }
        }
        for o in candidates {
            consider(o, skip: -1, known: .exact, knownInOrder: nil)
        }
        return (total, heap.sorted(), offered)
    }

    /// The field plan to drive a search from, its candidate values and how many records they hold.
    private func valueDriver(_ plans: [FieldPlan], _ candidates: [[UInt32]?]) -> (plan: Int, values: [UInt32], records: Int)? {
        var best: (plan: Int, values: [UInt32], records: Int)?
        for (i, plan) in plans.enumerated() where i < candidates.count {
            guard let level = plan.index.values, let values = candidates[i] else { continue }
            var records = 0
            for v in values { records += Int(level.start[Int(v) + 1] - level.start[Int(v)]) }
            if best == nil || records < best!.records { best = (i, values, records) }
        }
        guard let best, plans.count == 1 || best.records <= valueDriverLimit else { return nil }
        return best
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
        _ tokens: [Token], _ field: Field, _ index: FieldIndex, _ options: MatchOptions, _ universe: Int,
        floor: MatchTier
    ) -> FieldPlan? {
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
