import HosoModel

extension HosoService {
    /// Runs `GET /v1/people/{id}/history`: the work history as a timeline.
    ///
    /// Body: `{"id","full_name","current":{"from","agency","agency_now","position"}|null,
    /// "timeline":[{"from","to","agency","agency_now","agency_changes":[{"date","reason"}],"position","transfer":bool}],
    /// "transfers":[{"date","from_agency","to_agency"}]}`. Posts are ordered by start; a post at
    /// another agency than the one before is a transfer, unless it is the agency the one before
    /// became in the 2025 reorganisation, from that change on. `agency_now` is the agency's name today
    /// after the 2025 mergers of ministries and provinces (`AgencySuccession`; the same name when
    /// unchanged, `null` for district offices that ended without one successor), and
    /// `agency_changes` says when and why it changed.
    ///
    /// - Throws: `.forbidden` below level 1 (work history is level 1) or for `self` keys asking
    ///   for another id; `.notFound` for unknown and hidden ids alike; `.invalid` for an id that
    ///   cannot exist; `.failure` if the audit entry cannot be committed.
    public func history(id: String, caller: Caller) async throws(ServiceError) -> [UInt8] {
        let own = try ownership(of: id, caller: caller)
        guard own || caller.level >= RecordField.workHistory.level else {
            throw .forbidden(parameter: nil, message: "work history needs access level \(RecordField.workHistory.level.number); this key has \(caller.level.number)")
        }
        let record = try visibleRecord(id, level: own ? .secret : caller.level)
        try await self.record(.history, caller: caller, parameters: "id=" + id, subject: id, shown: record.map { [$0.id] } ?? [])
        guard let record else { throw .notFound }
        return Self.timeline(record)
    }

    /// Whether `post` is at the agency `previous` became in the 2025 reorganisation, from the
    /// day of that change on (a merger, not a transfer): "Sở Kế hoạch và Đầu tư tỉnh Hà Giang"
    /// until 2025-02, then "Sở Tài chính tỉnh Hà Giang" from 2025-03.
    static func renamed(from previous: String, to post: WorkEntry) -> Bool {
        let before = AgencySuccession.shared.successor(of: previous)
        guard let now = before.name, let first = before.changes.first,
            let year = Int(first.date.prefix(4)), let month = Int(first.date.dropFirst(5).prefix(2)),
            post.from >= YearMonth(year: year, month: month)
        else { return false }
        let after = AgencySuccession.shared.successor(of: post.agency)
        return after.name == now || post.agency == now
    }

    /// The timeline body of a record (whose work history the caller may see).
    static func timeline(_ record: PersonRecord) -> [UInt8] {
        let posts = record.workHistory.enumerated().sorted { ($0.element.from, $0.offset) < ($1.element.from, $1.offset) }
            .map(\.element)
        var w = JSONWriter(capacity: 256 + posts.count * 160)
        w.beginObject()
        w.key("id"); w.string(record.id)
        w.key("full_name"); w.string(record.fullName)
        w.key("current")
        if let current = posts.last(where: { $0.to == nil }) {
            w.beginObject()
            w.key("from"); w.string(current.from.description)
            w.key("agency"); w.string(current.agency)
            w.key("agency_now")
            if let now = AgencySuccession.shared.successor(of: current.agency).name { w.string(now) } else { w.null() }
            w.key("position"); w.string(current.position)
            w.endObject()
        } else {
            w.null()
        }
        w.key("timeline")
        w.beginArray()
        var previous: WorkEntry?
        var transfers: [(YearMonth, String, String)] = []
        for post in posts {
            let transfer = previous.map { $0.agency != post.agency && !Self.renamed(from: $0.agency, to: post) } ?? false
            if transfer, let previous { transfers.append((post.from, previous.agency, post.agency)) }
            w.beginObject()
            w.key("from"); w.string(post.from.description)
            w.key("to")
            if let to = post.to { w.string(to.description) } else { w.null() }
            w.key("agency"); w.string(post.agency)
            let successor = AgencySuccession.shared.successor(of: post.agency)
            w.key("agency_now")
            if let now = successor.name { w.string(now) } else { w.null() }
            w.key("agency_changes")
            w.beginArray()
            for change in successor.changes {
                w.beginObject()
                w.key("date"); w.string(change.date)
                w.key("reason"); w.string(change.reason)
                w.endObject()
            }
            w.endArray()
            w.key("position"); w.string(post.position)
            w.key("transfer"); w.raw(transfer ? "true" : "false")
            w.endObject()
            previous = post
        }
        w.endArray()
        w.key("transfers")
        w.beginArray()
        for (date, from, to) in transfers {
            w.beginObject()
            w.key("date"); w.string(date.description)
            w.key("from_agency"); w.string(from)
            w.key("to_agency"); w.string(to)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.bytes
    }
}
