import Foundation
import HosoEngine
import HosoModel
import HosoQuery
import Testing
import TestSupport

/// The leak property (DESIGN §3): random keys, random records with fields and records at levels
/// 0–3, random queries — no hidden field value and no hidden record id appears in any body, total,
/// cursor or error, and totals count exactly the records the caller may see.
@Suite struct ServiceLeakPropertyTests {
    struct Probe {
        var label: String
        var caller: Caller
        var hidden: [String: String]
    }

    @Test(arguments: [UInt64(11), 12, 13])
    func nothingHiddenEverLeaks(seed: UInt64) async throws {
        var world = LeakWorld(seed: seed, count: 260)
        let f = try await ServiceFixture.make(records: world.records)
        defer { f.remove() }
        let oracle = OracleSearcher(records: world.records)

        var probes: [Probe] = []
        for i in 0..<18 {
            let role = world.random.pick(Role.allCases)
            let level = AccessLevel(number: Int.random(in: 0...role.maxLevel.number, using: &world.random)) ?? .public
            let person = role == .personal ? world.random.pick(world.records).id : nil
            let request = KeyRequest(role: role, level: level, agency: role == .agency ? "G10" : nil, person: person, unlimited: true)
            let secret = try f.service.keys.create(request).secret
            let caller = try f.service.authenticate(bearer: "Bearer " + secret)
            probes.append(Probe(label: "key \(i) \(role)/\(level.number)", caller: caller, hidden: world.hidden(level: level, own: person)))
        }
        var plans: [[Operation]] = []
        for probe in probes {
            plans.append((0..<24).map { _ in Operation.random(&world, probe.caller) })
        }
        let checked = try await withThrowingTaskGroup(of: Int.self) { group in
            for (probe, plan) in zip(probes, plans) {
                group.addTask { try await Self.run(plan, probe, f.service, oracle) }
            }
            return try await group.reduce(0, +)
        }
        #expect(checked > 18 * 24, "every operation produced at least one checked body")
        #expect(try Self.verify(f))
    }

    static func verify(_ f: ServiceFixture) throws -> Bool { try AuditVerifier.verify(store: f.service.store).isValid }

    /// One request of a probe.
    enum Operation {
        case search(String)
        case person(String)
        case history(String)
        case me

        static func random(_ world: inout LeakWorld, _ caller: Caller) -> Operation {
            let roll = Int.random(in: 0..<20, using: &world.random)
            let id = world.random.chance(0.85) ? world.random.pick(world.records).id : "R" + world.token(8, alphabet: "ABCDEFGH")
            switch roll {
            case 0..<12: return .search(world.query())
            case 12..<16: return .person(id)
            case 16..<19: return .history(id)
            default: return .me
            }
        }
    }

    /// Runs a probe's plan; returns how many bodies were checked.
    static func run(_ plan: [Operation], _ probe: Probe, _ service: HosoService, _ oracle: OracleSearcher) async throws -> Int {
        var checked = 0
        for operation in plan {
            switch operation {
            case .search(let query):
                checked += try await search(query, probe, service, oracle)
            case .person(let id):
                let result = await outcome { () async throws(ServiceError) in try await service.person(id: id, caller: probe.caller) }
                check(result, probe, "person \(id)")
                try await checkSameAsUnknown(result, probe, id) { () async throws(ServiceError) in
                    try await service.person(id: "UNKNOWN-" + id, caller: probe.caller)
                }
                checked += 1
            case .history(let id):
                let result = await outcome { () async throws(ServiceError) in try await service.history(id: id, caller: probe.caller) }
                check(result, probe, "history \(id)")
                try await checkSameAsUnknown(result, probe, id) { () async throws(ServiceError) in
                    try await service.history(id: "UNKNOWN-" + id, caller: probe.caller)
                }
                checked += 1
            case .me:
                check(await outcome { () async throws(ServiceError) in try await service.me(caller: probe.caller) }, probe, "me")
                checked += 1
            }
        }
        return checked
    }

    /// A search and the pages after it: every body checked, totals equal to the oracle's at the
    /// caller's level, and all pages together exactly the oracle's hits.
    static func search(_ query: String, _ probe: Probe, _ service: HosoService, _ oracle: OracleSearcher) async throws -> Int {
        let first = await outcome { () async throws(ServiceError) in try await service.search(queryString: query, caller: probe.caller) }
        check(first, probe, "search \(query)")
        guard case .success(let body) = first else {
            if case .failure(let error) = first {
                #expect(error.status == 403 || error.status == 400, "\(probe.label): \(query) → \(error)")
            }
            return 1
        }
        var request = try SearchRequest.parse(queryString: query)
        request.limit = 10_000
        let expected = oracle.search(request, callerLevel: probe.caller.level.number)
        let json = try Body.object(body)
        let total = json["total"] as? Int ?? -1
        #expect(total == expected.total, "\(probe.label): \(query) total \(total), oracle at level \(probe.caller.level.number) says \(expected.total)")
        var ids = try Body.hitIDs(body)
        var cursor = json["next_cursor"] as? String
        var pages = 1
        while let next = cursor, pages < 500 {
            let page = await outcome { () async throws(ServiceError) in
                try await service.search(queryString: query + "&cursor=" + next, caller: probe.caller)
            }
            check(page, probe, "search \(query) page \(pages + 1)")
            guard case .success(let pageBody) = page else {
                Issue.record("\(probe.label): page \(pages + 1) of \(query) failed: \(page)")
                break
            }
            let pageJSON = try Body.object(pageBody)
            #expect(pageJSON["total"] as? Int == total, "the total changed between pages")
            ids += try Body.hitIDs(pageBody)
            cursor = pageJSON["next_cursor"] as? String
            pages += 1
        }
        #expect(ids.count == total, "\(probe.label): \(query): \(ids.count) hits over \(pages) pages, total \(total)")
        #expect(Set(ids) == Set(expected.hits.map(\.id)), "\(probe.label): \(query): hit ids differ from the oracle's")
        return pages
    }

    /// The body or error of a call.
    static func outcome(_ call: () async throws(ServiceError) -> [UInt8]) async -> Result<[UInt8], ServiceError> {
        do {
            return .success(try await call())
        } catch {
            return .failure(error)
        }
    }

    /// Searches a body or an error (its body and message) for every hidden value.
    static func check(_ result: Result<[UInt8], ServiceError>, _ probe: Probe, _ what: String) {
        let bytes: [UInt8]
        switch result {
        case .success(let body): bytes = body
        case .failure(let error): bytes = error.body + Array(error.message.utf8) + Array((error.parameter ?? "").utf8)
        }
        for word in LeakWorld.words(in: bytes) {
            guard let why = probe.hidden[String(word)] else { continue }
            Issue.record("\(probe.label): \(what) shows \(word), \(why): \(String(decoding: bytes, as: UTF8.self))")
        }
        if probe.caller.level == .public, probe.caller.role != .personal {
            #expect(!hasFullDate(bytes), "\(probe.label): \(what) shows a full birth date at level 0")
        }
    }

    /// Whether a body holds a `birth_date` with a month.
    static func hasFullDate(_ bytes: [UInt8]) -> Bool {
        let key = Array("\"birth_date\":\"".utf8)
        var i = 0
        while i + key.count + 5 <= bytes.count {
            if Array(bytes[i..<i + key.count]) == key, bytes[i + key.count + 4] == UInt8(ascii: "-") { return true }
            i += 1
        }
        return false
    }

    /// A hidden or unknown id gives the same error and body as an id that surely does not exist.
    static func checkSameAsUnknown(
        _ result: Result<[UInt8], ServiceError>, _ probe: Probe, _ id: String,
        _ unknown: () async throws(ServiceError) -> [UInt8]
    ) async throws {
        guard case .failure(let error) = result, error == .notFound else { return }
        let other = await outcome(unknown)
        guard case .failure(let otherError) = other else {
            Issue.record("\(probe.label): UNKNOWN-\(id) was found")
            return
        }
        #expect(error == otherError && error.body == otherError.body, "\(probe.label): \(id) differs from an unknown id")
    }
}
