import Foundation
import HosoEngine
import HosoModel
import HosoStore
import Testing
import TestSupport

/// Rates, daily quotas and scraping flags (DESIGN §3).
@Suite struct ServiceLimitTests {
    static func rateLimited(_ f: ServiceFixture, _ secret: String) -> Int? {
        do {
            _ = try f.service.authenticate(bearer: "Bearer " + secret)
            return nil
        } catch {
            if case .rateLimited(let seconds) = error { return seconds }
            Issue.record("expected rateLimited, got \(error)")
            return -1
        }
    }

    @Test func theTokenBucketRefillsAtTheKeysRate() async throws {
        let f = try await ServiceFixture.make(records: People.all)
        defer { f.remove() }
        let secret = try f.service.keys.create(KeyRequest(role: .recruiter, rate: 2, dailyQuota: 1000)).secret
        #expect(Self.rateLimited(f, secret) == nil)
        #expect(Self.rateLimited(f, secret) == nil)
        #expect(Self.rateLimited(f, secret) == 1, "a third request in the same instant is over 2/s")
        f.clock.advance(milliseconds: 499)
        #expect(Self.rateLimited(f, secret) != nil)
        f.clock.advance(milliseconds: 2)
        #expect(Self.rateLimited(f, secret) == nil, "half a second gives one token back")
        #expect(Self.rateLimited(f, secret) != nil)
        f.clock.advance(milliseconds: 10_000)
        #expect(Self.rateLimited(f, secret) == nil)
        #expect(Self.rateLimited(f, secret) == nil)
        #expect(Self.rateLimited(f, secret) != nil, "the bucket holds one second's worth, not ten")
        // A slow key waits several seconds.
        let slow = try f.service.keys.create(KeyRequest(role: .recruiter, rate: 0.2, dailyQuota: 1000)).secret
        #expect(Self.rateLimited(f, slow) == nil)
        #expect(Self.rateLimited(f, slow) == 5)
        #expect(f.service.metrics.rateLimited >= 5)
    }

    @Test func theDailyQuotaResetsAtUTCMidnight() async throws {
        let f = try await ServiceFixture.make(records: People.all)
        defer { f.remove() }
        let secret = try f.service.keys.create(KeyRequest(role: .officer, rate: 1000, dailyQuota: 3)).secret
        for _ in 0..<3 { #expect(Self.rateLimited(f, secret) == nil) }
        let now = f.clock.now
        let untilMidnight = Int((86_400_000 - now % 86_400_000 + 999) / 1000)
        #expect(Self.rateLimited(f, secret) == untilMidnight)
        f.clock.advance(milliseconds: Int64(untilMidnight) * 1000)
        #expect(Self.rateLimited(f, secret) == nil, "a new UTC day")
        // Unlimited keys are never limited.
        let load = try f.service.keys.create(KeyRequest(role: .officer, unlimited: true)).secret
        for _ in 0..<5_000 { _ = try f.service.authenticate(bearer: "Bearer " + load) }
    }

    @Test func aKeyShownManyDistinctPeopleIsFlaggedOnce() async throws {
        let f = try await ServiceFixture.make(records: People.all, flagThreshold: 10)
        defer { f.remove() }
        let recruiter = try f.caller("recruiter")
        // 18 Trần Thị Bình and 18 Lê Văn Hòa: the first search shows 18 distinct people.
        _ = try await f.service.search(queryString: "name=Tr%E1%BA%A7n%20Th%E1%BB%8B%20B%C3%ACnh&limit=100", caller: recruiter)
        #expect(f.service.metrics.flaggedKeys == 1)
        _ = try await f.service.search(queryString: "name=L%C3%AA%20V%C4%83n%20H%C3%B2a&limit=100", caller: recruiter)
        #expect(f.service.metrics.flaggedKeys == 1, "flagged once a day")
        let flags = try Self.flags(f, key: recruiter.keyID)
        #expect(flags.count == 1)
        #expect(flags.first?.event.parameters.hasPrefix("distinct_people=18") == true)
        // Repeating the same people does not flag another key.
        let officer = try f.caller("officer")
        for _ in 0..<5 { _ = try await f.service.person(id: "HS0000000001", caller: officer) }
        #expect(f.service.metrics.flaggedKeys == 1)
        // Next day, the count starts again.
        f.clock.advance(milliseconds: 86_400_000)
        _ = try await f.service.search(queryString: "name=Tr%E1%BA%A7n%20Th%E1%BB%8B%20B%C3%ACnh&limit=5", caller: recruiter)
        #expect(f.service.metrics.flaggedKeys == 1)
        _ = try await f.service.search(queryString: "name=Tr%E1%BA%A7n%20Th%E1%BB%8B%20B%C3%ACnh&limit=100", caller: recruiter)
        #expect(f.service.metrics.flaggedKeys == 2)
    }

    @Test func aRestartKeepsTodaysQuotaAndFlags() async throws {
        let f = try await ServiceFixture.make(records: People.all, flagThreshold: 10)
        defer { f.remove() }
        let quota = try f.service.keys.create(KeyRequest(role: .officer, rate: 1000, dailyQuota: 4)).secret
        let officer = try f.service.authenticate(bearer: "Bearer " + quota)
        for _ in 0..<3 { _ = try await f.service.person(id: "HS0000000001", caller: officer) }
        let recruiter = try f.caller("recruiter")
        _ = try await f.service.search(queryString: "name=Tr%E1%BA%A7n%20Th%E1%BB%8B%20B%C3%ACnh&limit=100", caller: recruiter)
        #expect(f.service.metrics.flaggedKeys == 1)

        var options = HosoService.Options()
        options.flagThreshold = 10
        options.clock = { f.clock.now }
        let restarted = try HosoService(directory: f.directory.path, options: options)
        try await restarted.load()
        // 3 audited requests of 4 were used before the restart (the authentication above is the 4th).
        _ = try restarted.authenticate(bearer: "Bearer " + quota)
        #expect(throws: ServiceError.self) { try restarted.authenticate(bearer: "Bearer " + quota) }
        #expect(try Self.usage(restarted, f.clock.now)[officer.keyID]?.requests == 3)
        // The recruiter was flagged today already: more people do not flag it again.
        let again = try restarted.authenticate(bearer: "Bearer " + f.secrets["recruiter"]!)
        _ = try await restarted.search(queryString: "name=L%C3%AA%20V%C4%83n%20H%C3%B2a&limit=100", caller: again)
        #expect(restarted.metrics.flaggedKeys == 0)
        #expect(try Self.flags(f, key: recruiter.keyID).count == 1)
        // A load on a later day drops the old counters.
        let yesterday = f.clock.now
        f.clock.advance(milliseconds: 86_400_000)
        let nextDay = try HosoService(directory: f.directory.path, options: options)
        try await nextDay.load()
        #expect(try Self.usage(nextDay, yesterday).isEmpty)
        _ = try nextDay.authenticate(bearer: "Bearer " + quota)
    }

    static func usage(_ service: HosoService, _ now: Int64) throws -> [String: DailyUsage] {
        try service.auditLog.usage(day: WallClock.day(ofMilliseconds: now))
    }

    static func flags(_ f: ServiceFixture, key: String) throws -> [AuditEntry] {
        try f.service.auditLog.entries(matching: .caller(key), limit: 1000).filter { $0.event.kind == .flag }
    }

    @Test func everyRequestIsAuditedAndTheChainHoldsUnderConcurrency() async throws {
        let f = try await ServiceFixture.make(records: People.all)
        defer { f.remove() }
        let officer = try f.caller("officer")
        let before = f.service.auditLog.statistics.entries
        let count = 200
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<count {
                group.addTask {
                    if i % 2 == 0 {
                        _ = try await f.service.search(queryString: "name=An&limit=3", caller: officer)
                    } else {
                        _ = try? await f.service.person(id: i % 4 == 1 ? "HS0000000001" : "HS0000000002", caller: officer)
                    }
                }
            }
            try await group.waitForAll()
        }
        let stats = f.service.auditLog.statistics
        #expect(stats.entries - before == UInt64(count), "one entry per request, found or not")
        let verification = try Self.verify(f)
        #expect(verification.isValid, "\(verification)")
        let views = try Self.entries(f, .subject("HS0000000002"))
        #expect(views.count == count / 4, "hidden-record views are audited like the others")
        #expect(views.allSatisfy { $0.event.ids.isEmpty && $0.event.kind == .view })
        // Admins read it; others may not.
        let body = try await f.service.audit(subject: "HS0000000001", caller: try f.caller("admin"), limit: 5)
        #expect((try Body.object(body)["entries"] as? [Any])?.count == 5)
        let denied = await serviceError { () async throws(ServiceError) in
            try await f.service.audit(callerKey: officer.keyID, caller: officer, limit: 5)
        }
        #expect(denied?.status == 403)
        let byKey = try await f.service.audit(callerKey: officer.keyID, caller: try f.caller("admin"), limit: 1000)
        #expect((try Body.object(byKey)["entries"] as? [Any])?.count == count)
    }

    static func verify(_ f: ServiceFixture) throws -> AuditVerification { try AuditVerifier.verify(store: f.service.store) }
    static func entries(_ f: ServiceFixture, _ filter: AuditFilter) throws -> [AuditEntry] {
        try f.service.auditLog.entries(matching: filter, limit: 10_000)
    }
}
