import HosoModel
import HosoQuery
import HosoText

/// A brute-force searcher: analyses every record and checks every one against the request with
/// `FieldMatcher` on analysed tokens — no index, no posting lists, no tier tables. The index
/// must agree with it on totals and on the order of the top hits.
public struct OracleSearcher: Sendable {
    public struct Entry: Sendable {
        public var record: PersonRecord
        public var analysis: RecordAnalysis
    }

    /// Records in id byte order (the index's ordinal order).
    public let entries: [Entry]

    public init(records: [PersonRecord]) {
        entries = records
            .sorted { Array($0.id.utf8).lexicographicallyPrecedes(Array($1.id.utf8)) }
            .map { Entry(record: $0, analysis: RecordAnalysis($0, keepTokens: true)) }
    }

    public struct Hit: Sendable, Equatable {
        public var id: String
        public var tier: MatchTier
    }

    /// Total and the first `limit` hits (after `skip` hits), in ranking order.
    public func search(_ r: SearchRequest, callerLevel: Int, skip: Int = 0) -> (total: Int, hits: [Hit]) {
        let literal = run(r, callerLevel: callerLevel, telex: false)
        if !literal.isEmpty { return page(literal, r, skip) }
        return page(run(r, callerLevel: callerLevel, telex: true), r, skip)
    }

    private func page(_ ranked: [(key: [Int], hit: Hit)], _ r: SearchRequest, _ skip: Int) -> (Int, [Hit]) {
        let sorted = ranked.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        return (sorted.count, Array(sorted.dropFirst(skip).prefix(r.limit).map(\.hit)))
    }

    private func run(_ r: SearchRequest, callerLevel: Int, telex: Bool) -> [(key: [Int], hit: Hit)] {
        let options = MatchOptions(prefix: r.prefix, fuzzy: r.fuzzy)
        var params: [(Field, [Token], MatchTier)] = []
        var anyTelex = false
        for (value, field) in [(r.name, Field.name), (r.hometown, .hometown), (r.position, .position),
                               (r.agency, .agency), (r.grade, .grade), (r.nationalID, .nationalID)] {
            guard let value, var tokens = try? Analyzer.shared.query(value, field: field) else { continue }
            var floor = MatchTier.exact
            if telex, field != .grade, field != .nationalID, let decoded = Telex.decode(text: value),
                let t = try? Analyzer.shared.query(decoded, field: field) {
                tokens = t
                floor = .variant
                anyTelex = true
            }
            params.append((field, tokens, floor))
        }
        var words: [Token] = []
        var qFloor = MatchTier.exact
        if var q = r.q {
            if telex, let decoded = Telex.decode(text: q) {
                q = decoded
                qFloor = .variant
                anyTelex = true
            }
            words = (try? Analyzer.shared.query(q, field: .name)) ?? []
        }
        if telex && !anyTelex { return [] }
        var out: [(key: [Int], hit: Hit)] = []
        for (ordinal, e) in entries.enumerated() {
            let a = e.analysis
            guard Int(a.accessLevel) <= callerLevel else { continue }
            if let born = r.born { guard a.birthYear != 0, born.contains(Int(a.birthYear)) else { continue } }
            if let g = r.gender, a.gender != g { continue }
            if let s = r.status, a.status != s { continue }
            var tier = MatchTier.exact
            var fields = 0
            var ok = true
            var inOrder = true
            var completesOnly = false
            for (field, tokens, floor) in params {
                let doc = a.tokens[field] ?? []
                guard let t = FieldMatcher.tier(query: tokens, document: doc, field: field, options: options) else {
                    ok = false
                    break
                }
                tier = tier.worst(t.worst(floor))
                fields += 1
                if field == .name {
                    inOrder = Self.inOrder(tokens, doc, options)
                    completesOnly = options.prefix && Self.completesOnly(tokens, doc)
                }
            }
            guard ok else { continue }
            if !words.isEmpty {
                var groups: [(Field, [Token])] = [(.name, a.tokens[.name] ?? []), (.position, a.tokens[.position] ?? []),
                                                  (.agency, a.tokens[.agency] ?? [])]
                if callerLevel >= 1 { groups.append((.hometown, a.placeWords)) }
                var matchedFields = Set<Int>()
                for (wi, w) in words.enumerated() {
                    var best: (MatchTier, Int)?
                    for (gi, (field, doc)) in groups.enumerated() {
                        let matchField: Field = field == .hometown ? .name : field
                        for d in doc {
                            if let t = FieldMatcher.pairTier(w, d, isLast: wi == words.count - 1, field: matchField,
                                                             options: options),
                                best == nil || t < best!.0 {
                                best = (t, gi)
                            }
                        }
                    }
                    guard let best else { ok = false; break }
                    tier = tier.worst(best.0)
                    matchedFields.insert(best.1)
                }
                guard ok else { continue }
                tier = tier.worst(qFloor)
                fields += matchedFields.count
            }
            out.append(([tier.rawValue, completesOnly ? 1 : 0, -min(fields, 15), inOrder ? 0 : 1, ordinal],
                        Hit(id: e.record.id, tier: tier)))
        }
        return out
    }

    /// With `prefix=1`: no word of the name equals (folded) the typed last word or a reading of it.
    static func completesOnly(_ query: [Token], _ doc: [Token]) -> Bool {
        guard let last = query.last else { return false }
        let whole = Set(([last] + last.alternatives).map(\.keys.folded))
        return !doc.contains { whole.contains($0.keys.folded) }
    }

    static func inOrder(_ query: [Token], _ doc: [Token], _ options: MatchOptions) -> Bool {
        var last = -1
        for (i, q) in query.enumerated() {
            guard let d = doc.indices.first(where: {
                FieldMatcher.pairTier(q, doc[$0], isLast: i == query.count - 1, field: .name, options: options) != nil
            }) else { return false }
            if d < last { return false }
            last = d
        }
        return true
    }
}
