import HosoModel
import HosoQuery

extension HosoService {
    /// Runs `GET /v1/search` for `caller`.
    ///
    /// Body: `{"total":N,"hits":[{"id","score","tier","person":{…}}],"next_cursor":…,"took_ms":…}`.
    /// `total` counts only records the caller may see; `person` holds only the fields the
    /// caller may see; `next_cursor` is sealed for the caller's key.
    ///
    /// - Parameters:
    ///   - queryString: the raw URL query (`name=Nguy%E1%BB%85n&limit=20`), without `?`.
    ///   - caller: from `authenticate(bearer:)`.
    /// - Returns: the JSON body.
    /// - Throws: `.invalid` naming a bad parameter; `.forbidden` naming a parameter above the
    ///   caller's level (or `national_id` for roles other than officer and admin), or for `self`
    ///   keys; `.tooLarge` beyond `Options.maxQueryBytes`; `.unavailable` before the index is
    ///   loaded; `.failure` if the audit entry cannot be committed.
    public func search(queryString: String, caller: Caller) async throws(ServiceError) -> [UInt8] {
        let started = ContinuousClock.now
        guard caller.role.mayBrowse else { throw Self.selfOnly }
        guard queryString.utf8.count <= options.maxQueryBytes else { throw .tooLarge }
        let searcher = try searcher()
        let sequence = searcher.index.sequence
        let page: PageCache.Page
        if let cached = results.result(keyID: caller.keyID, query: queryString, sequence: sequence) {
            // The same key sent the same query string at this sequence: it parsed and was
            // allowed, and only the people remain to be read, so it skips the query pool.
            page = try self.page(of: cached, caller: caller, query: queryString, sequence: sequence)
        } else {
            // The engine's work runs on the query pool, below the write path's priority (WorkerPool).
            page = try await WorkerPool.queries.run { () throws(ServiceError) in
                let result = try self.run(queryString, caller: caller, on: searcher)
                self.results.store(result, keyID: caller.keyID, query: queryString, sequence: sequence)
                return try self.page(of: result, caller: caller, query: queryString, sequence: sequence)
            }
        }
        // `took_ms` is the search itself (parsing, engine, reading, redaction), not the audit commit.
        let took = Self.decimal(Self.milliseconds(ContinuousClock.now - started), places: 3)
        try await record(.search, caller: caller, parameters: auditParameters(queryString), subject: nil, shown: page.shown)
        var body = page.body
        body.reserveCapacity(body.count + 24)
        body.append(contentsOf: #","took_ms":"#.utf8)
        body.append(contentsOf: took.utf8)
        body.append(UInt8(ascii: "}"))
        return body
    }

    /// Parses, checks and runs one search.
    private func run(_ queryString: String, caller: Caller, on searcher: Searcher) throws(ServiceError) -> SearchResult {
        let request = try parseSearch(queryString, caller: caller)
        if request.nationalID != nil, !caller.role.maySearchNationalID {
            throw .forbidden(parameter: "national_id", message: "national_id: only officer and admin keys may search by national id")
        }
        let blinded = try blindingNationalID(request)
        do {
            return try searcher.search(blinded, callerLevel: caller.level.number)
        } catch {
            throw Self.map(error)
        }
    }

    /// The page of `result` for the caller: from `pages` if the store has not changed since it was
    /// rendered for this key, query and index sequence, otherwise the people read now (in the
    /// same read transaction as the store's sequence) and redacted for the caller.
    private func page(
        of result: SearchResult, caller: Caller, query: String, sequence: UInt64
    ) throws(ServiceError) -> PageCache.Page {
        let pages = self.pages
        do {
            return try store.environment.read { txn in
                let storeSequence = try store.lastSequence(in: txn)
                if let page = pages.page(keyID: caller.keyID, query: query, sequence: sequence, storeSequence: storeSequence) {
                    return page
                }
                let people = try visiblePeople(result.hits.map(\.id), level: caller.level, in: txn)
                let page = render(result, people: people, caller: caller, storeSequence: storeSequence)
                pages.store(page, keyID: caller.keyID, query: query, sequence: sequence)
                return page
            }
        } catch {
            throw .failure(message: "the record store could not be read: \(error)")
        }
    }

    /// The search's JSON body up to `took_ms` and the ids it shows, `people` being the redacted
    /// JSON of each hit (`nil` for one the caller may not see now).
    private func render(
        _ result: SearchResult, people: [[UInt8]?], caller: Caller, storeSequence: UInt64
    ) -> PageCache.Page {
        var w = JSONWriter(capacity: 512 + result.hits.count * 768)
        var shown: [String] = []
        shown.reserveCapacity(result.hits.count)
        w.beginObject()
        w.key("total"); w.integer(Int64(result.total))
        w.key("hits")
        w.beginArray()
        for (hit, person) in zip(result.hits, people) {
            // A record deleted or raised above the caller's level after this snapshot is left out.
            guard let person else { continue }
            shown.append(hit.id)
            w.beginObject()
            w.key("id"); w.string(hit.id)
            w.key("score"); w.raw(Self.decimal(hit.score, places: 1))
            w.key("tier"); w.string(hit.tier.description)
            w.key("person")
            // A complete object from `Redaction`; `endObject` below closes the hit.
            w.bytes.append(contentsOf: person)
            w.endObject()
        }
        w.endArray()
        w.key("next_cursor")
        if let next = result.nextCursor { w.string(cursors.seal(next, keyID: caller.keyID)) } else { w.null() }
        // `took_ms` and the closing brace are added per request.
        return PageCache.Page(body: w.bytes, shown: shown, storeSequence: storeSequence)
    }

    /// Parses a query string, opening a sealed `cursor` for this caller.
    func parseSearch(_ queryString: String, caller: Caller) throws(ServiceError) -> SearchRequest {
        var kept: [Substring] = []
        var cursor: SearchCursor?
        var cursorSeen = false
        // `&` and `=` split as bytes, as `SearchRequest.parse(queryString:)` does.
        for bytes in queryString.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let part = Substring(bytes)
            let equals = bytes.firstIndex(of: UInt8(ascii: "="))
            guard QueryText.decode(Substring(equals.map { bytes[..<$0] } ?? bytes[...])) == "cursor" else {
                kept.append(part)
                continue
            }
            guard !cursorSeen else { throw .invalid(parameter: "cursor", reason: "given more than once") }
            cursorSeen = true
            guard let equals, let text = QueryText.decode(Substring(bytes[bytes.index(after: equals)...])),
                let opened = cursors.open(text, keyID: caller.keyID)
            else {
                throw .invalid(parameter: "cursor", reason: "malformed cursor: pass next_cursor from a previous page unchanged")
            }
            cursor = opened
        }
        var request: SearchRequest
        do {
            request = try SearchRequest.parse(queryString: kept.joined(separator: "&"))
        } catch {
            throw Self.map(error)
        }
        request.cursor = cursor
        return request
    }

    /// The service error for a search error.
    static func map(_ error: SearchError) -> ServiceError {
        switch error {
        case .invalid(let parameter, let reason): .invalid(parameter: parameter, reason: reason)
        case .forbidden(let parameter): .forbidden(parameter: parameter, message: error.description)
        }
    }

    static let selfOnly = ServiceError.forbidden(parameter: nil, message: "a self key may only read its own record (GET /v1/me)")

    static func milliseconds(_ d: Duration) -> Double {
        let (seconds, attoseconds) = d.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }

    /// `value` with at most `places` decimals, as JSON number text.
    static func decimal(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int64((value * scale).rounded())
        let whole = scaled / Int64(scale)
        var fraction = abs(scaled % Int64(scale))
        guard fraction != 0 else { return (scaled < 0 && whole == 0 ? "-" : "") + String(whole) }
        var digits = places
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let text = String(fraction)
        return (scaled < 0 && whole == 0 ? "-" : "") + String(whole) + "." + String(repeating: "0", count: digits - text.count) + text
    }
}
