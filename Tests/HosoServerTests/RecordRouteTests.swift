import HosoServer
import Hummingbird
import HummingbirdTesting
import Testing

/// `/v1/people/{id}`, `/history`, `/v1/me` and `/v1/audit` in process (DESIGN §3, §5).
@Suite struct RecordRouteTests {
    @Test func aHiddenIDAndAnUnknownIDGiveTheSame404() async throws {
        let f = try await ServerFixture.make()
        defer { f.remove() }
        try await f.app().test(.router) { client in
            for route in ["/v1/people/%@", "/v1/people/%@/history"] {
                let hidden = try await client.execute(uri: route.replacingOccurrences(of: "%@", with: People.restrictedAn), method: .get, headers: f.auth("recruiter"))
                let unknown = try await client.execute(uri: route.replacingOccurrences(of: "%@", with: "HS9999999999"), method: .get, headers: f.auth("recruiter"))
                #expect(hidden.status == .notFound && unknown.status == .notFound, "\(route)")
                #expect(hidden.text == #"{"error":{"code":"not_found","message":"no such record"}}"#)
                #expect(hidden.bytes == unknown.bytes)
                var hiddenHeaders = hidden.headers
                var unknownHeaders = unknown.headers
                hiddenHeaders[.date] = nil
                unknownHeaders[.date] = nil
                #expect(hiddenHeaders == unknownHeaders)
            }
        }
    }

    @Test func officerReadsARestrictedRecordAndRecruiterReadsTheHistory() async throws {
        let f = try await ServerFixture.make()
        defer { f.remove() }
        try await f.app().test(.router) { client in
            let record = try await client.execute(uri: "/v1/people/\(People.restrictedAn)", method: .get, headers: f.auth("officer"))
            #expect(record.status == .ok)
            #expect(try record.json()["national_id"]?.stringValue == "040085005555")
            let history = try await client.execute(uri: "/v1/people/\(People.publicAn)/history", method: .get, headers: f.auth("recruiter"))
            #expect(history.status == .ok)
            let json = try history.json()
            #expect(json["transfers"]?.arrayValue?.first?["to_agency"]?.stringValue == "Sở Y tế tỉnh Nghệ An")
            #expect(json["current"]?["position"]?.stringValue == "Phó Giám đốc")
        }
    }

    @Test func badIDsAndUnexpectedParametersAre400s() async throws {
        let f = try await ServerFixture.make()
        defer { f.remove() }
        try await f.app().test(.router) { client in
            let cases: [(uri: String, parameter: String)] = [
                ("/v1/people/HS%2", "id"),
                ("/v1/people/HS%FF", "id"),
                ("/v1/people/a%20b", "id"),
                ("/v1/people/\(People.publicAn)?fields=all", "fields"),
                ("/v1/people/\(People.publicAn)/history?x", "x"),
                ("/v1/me?verbose=1", "verbose"),
                ("/v1/audit?subject=\(People.publicAn)&caller=k_abc", "caller"),
                ("/v1/audit", "subject"),
                ("/v1/audit?subject=\(People.publicAn)&limit=0", "limit"),
                ("/v1/audit?subject=%E0%80", "subject"),
            ]
            for (uri, parameter) in cases {
                let label = uri.hasPrefix("/v1/me") ? "self" : uri.hasPrefix("/v1/audit") ? "admin" : "officer"
                let response = try await client.execute(uri: uri, method: .get, headers: f.auth(label))
                #expect(response.status == .badRequest, "\(uri): \(response.text)")
                #expect(try response.json()["error"]?["parameter"]?.stringValue == parameter, "\(uri): \(response.text)")
            }
        }
    }

    @Test func selfKeyReadsOnlyItsOwnRecord() async throws {
        let f = try await ServerFixture.make()
        defer { f.remove() }
        try await f.app().test(.router) { client in
            let me = try await client.execute(uri: "/v1/me", method: .get, headers: f.auth("self"))
            #expect(me.status == .ok)
            #expect(try me.json()["national_id"]?.stringValue == "040085001234", "the own record is shown whole")
            let other = try await client.execute(uri: "/v1/people/\(People.restrictedAn)", method: .get, headers: f.auth("self"))
            #expect(other.status == .forbidden)
            let search = try await client.execute(uri: "/v1/search?" + People.anQuery, method: .get, headers: f.auth("self"))
            #expect(search.status == .forbidden)
            let officerMe = try await client.execute(uri: "/v1/me", method: .get, headers: f.auth("officer"))
            #expect(officerMe.status == .forbidden)
        }
    }

    @Test func adminReadsWhoLookedUpAPersonAndOthersMayNot() async throws {
        let f = try await ServerFixture.make()
        defer { f.remove() }
        try await f.app().test(.router) { client in
            _ = try await client.execute(uri: "/v1/people/\(People.publicAn)", method: .get, headers: f.auth("officer"))
            let audit = try await client.execute(uri: "/v1/audit?subject=\(People.publicAn)", method: .get, headers: f.auth("admin"))
            #expect(audit.status == .ok, "\(audit.text)")
            let entries = try audit.json()["entries"]?.arrayValue ?? []
            #expect(entries.first?["key"]?.stringValue == f.keyIDs["officer"])
            #expect(entries.first?["kind"]?.stringValue == "view")
            #expect(!audit.text.contains(f.secrets["officer"] ?? "?"), "the audit log never shows a secret")
            let refused = try await client.execute(uri: "/v1/audit?subject=\(People.publicAn)", method: .get, headers: f.auth("officer"))
            #expect(refused.status == .forbidden)
        }
    }

    @Test func anUnknownRouteIsAJSON404() async throws {
        let f = try await ServerFixture.make()
        defer { f.remove() }
        try await f.app().test(.router) { client in
            let response = try await client.execute(uri: "/v2/search", method: .get)
            #expect(response.status == .notFound)
            #expect(response.text == #"{"error":{"code":"not_found","message":"no such route"}}"#)
        }
    }

    @Test func anOversizeBodyIsA413() async throws {
        let f = try await ServerFixture.make()
        defer { f.remove() }
        try await f.app().test(.router) { client in
            let body = ByteBuffer(repeating: UInt8(ascii: "x"), count: (1 << 20) + 1)
            let response = try await client.execute(
                uri: "/v1/search?" + People.anQuery, method: .get, headers: f.auth("officer").merging([.contentLength: String(body.readableBytes)]), body: body)
            #expect(response.status == .contentTooLarge)
        }
    }
}

extension HTTPFields {
    func merging(_ other: HTTPFields) -> HTTPFields {
        var merged = self
        for field in other { merged[field.name] = field.value }
        return merged
    }
}
