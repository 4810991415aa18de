import Foundation
import HosoServer
import Hummingbird
import HummingbirdTesting
import Testing

/// `/v1/search` through the whole middleware stack, in process (DESIGN §3, §5).
@Suite struct SearchRouteTests {
    @Test func officerSeesNationalIDAndHometownOfBothVisibleAns() async throws {
        let f = try await ServerFixture.make()
        defer { f.remove() }
        try await f.app().test(.router) { client in
            let response = try await client.execute(uri: "/v1/search?" + People.anQuery, method: .get, headers: f.auth("officer"))
            #expect(response.status == .ok, "\(response.text)")
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            let json = try response.json()
            #expect(json["total"]?.intValue == 2, "the level-3 An must not be counted")
            let ids = json["hits"]?.arrayValue?.compactMap { $0["id"]?.stringValue }.sorted()
            #expect(ids == [People.publicAn, People.restrictedAn])
            #expect(response.text.contains(#""national_id":"040085001234""#))
            #expect(response.text.contains("Xã Diễn Châu"))
            #expect(!response.text.contains(People.secretAn) && !response.text.contains("040085009999"))
        }
    }

    @Test func recruiterSeesWorkHistoryButNoNationalID() async throws {
        let f = try await ServerFixture.make()
        defer { f.remove() }
        try await f.app().test(.router) { client in
            let response = try await client.execute(uri: "/v1/search?" + People.anQuery, method: .get, headers: f.auth("recruiter"))
            #expect(response.status == .ok)
            let json = try response.json()
            #expect(json["total"]?.intValue == 1)
            #expect(json["hits"]?.arrayValue?.first?["person"]?["work_history"]?.arrayValue?.count == 2)
            for hidden in ["national_id", "040085001234", "Phật giáo", People.restrictedAn, People.secretAn] {
                #expect(!response.text.contains(hidden), "a recruiter's body shows \(hidden)")
            }
        }
    }

    @Test func noKeyOrAWrongKeyIsA401WithAJSONError() async throws {
        let f = try await ServerFixture.make()
        defer { f.remove() }
        let expected = #"{"error":{"code":"unauthorized","message":"a valid API key is required: send Authorization: Bearer <key>"}}"#
        try await f.app().test(.router) { client in
            for headers: HTTPFields in [[:], [.authorization: "Bearer k_nope.nope"], [.authorization: "Basic YWxhZGRpbjpvcGVu"]] {
                let response = try await client.execute(uri: "/v1/search?" + People.anQuery, method: .get, headers: headers)
                #expect(response.status == .unauthorized)
                #expect(response.text == expected)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            }
        }
    }

    @Test func searchingAFieldAboveTheKeysLevelIsA403NamingIt() async throws {
        let f = try await ServerFixture.make()
        defer { f.remove() }
        try await f.app().test(.router) { client in
            let response = try await client.execute(uri: "/v1/search?national_id=040085001234", method: .get, headers: f.auth("recruiter"))
            #expect(response.status == .forbidden)
            let error = try response.json()["error"]
            #expect(error?["code"]?.stringValue == "forbidden")
            #expect(error?["parameter"]?.stringValue == "national_id")
            #expect(!response.text.contains(People.publicAn), "a 403 must not reveal whether the id exists")
        }
    }

    /// Each bad request and the parameter its 400 must name.
    static let badRequests: [(query: String, parameter: String)] = [
        ("name=An&limit=0", "limit"),
        ("name=An&limit=101", "limit"),
        ("name=An&limit=ten", "limit"),
        ("name=An&cursor=not-a-cursor", "cursor"),
        ("name=An&colour=blue", "colour"),
        ("name=Nguy%E1%BB", "name"),
        ("name=%ZZ", "name"),
        ("name=%C3%28", "name"),
        ("name=An&name=Binh", "name"),
        ("name=An&born=85", "born"),
        ("name=An&prefix=maybe", "prefix"),
    ]

    @Test(arguments: badRequests)
    func badParametersAre400sNamingTheParameter(query: String, parameter: String) async throws {
        let f = try await ServerFixture.make()
        defer { f.remove() }
        try await f.app().test(.router) { client in
            let response = try await client.execute(uri: "/v1/search?" + query, method: .get, headers: f.auth("officer"))
            #expect(response.status == .badRequest, "\(query): \(response.text)")
            let error = try response.json()["error"]
            #expect(error?["code"]?.stringValue == "invalid_parameter")
            #expect(error?["parameter"]?.stringValue == parameter, "\(query): \(response.text)")
        }
    }

    @Test func anOversizeQueryStringIsA413BeforeAuthentication() async throws {
        let f = try await ServerFixture.make()
        defer { f.remove() }
        try await f.app().test(.router) { client in
            let long = "name=" + String(repeating: "a", count: 5000)
            for headers in [f.auth("officer"), [:]] {
                let response = try await client.execute(uri: "/v1/search?" + long, method: .get, headers: headers)
                #expect(response.status == .contentTooLarge)
                #expect(try response.json()["error"]?["code"]?.stringValue == "too_large")
            }
        }
    }

    @Test func aKeyOverItsQuotaGets429WithRetryAfter() async throws {
        let f = try await ServerFixture.make()
        defer { f.remove() }
        try await f.app().test(.router) { client in
            let first = try await client.execute(uri: "/v1/search?" + People.anQuery, method: .get, headers: f.auth("quota"))
            #expect(first.status == .ok)
            let second = try await client.execute(uri: "/v1/search?" + People.anQuery, method: .get, headers: f.auth("quota"))
            #expect(second.status == .tooManyRequests)
            #expect(try second.json()["error"]?["code"]?.stringValue == "rate_limited")
            let retry = second.headers[.retryAfter].flatMap { Int($0) }
            #expect(retry.map { $0 >= 1 && $0 <= 86_400 } == true, "Retry-After: \(second.headers[.retryAfter] ?? "absent")")
        }
    }

    @Test func pagingWithTheReturnedCursorContinuesAndAnotherKeysCursorIsRefused() async throws {
        let f = try await ServerFixture.make()
        defer { f.remove() }
        try await f.app().test(.router) { client in
            let first = try await client.execute(uri: "/v1/search?" + People.anQuery + "&limit=1", method: .get, headers: f.auth("officer"))
            let json = try first.json()
            let cursor = try #require(json["next_cursor"]?.stringValue)
            let encoded = cursor.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? cursor
            let second = try await client.execute(
                uri: "/v1/search?" + People.anQuery + "&limit=1&cursor=" + encoded, method: .get, headers: f.auth("officer"))
            #expect(second.status == .ok)
            let ids = [json, try second.json()].compactMap { $0["hits"]?.arrayValue?.first?["id"]?.stringValue }
            #expect(Set(ids) == [People.publicAn, People.restrictedAn])
            let stolen = try await client.execute(
                uri: "/v1/search?" + People.anQuery + "&limit=1&cursor=" + encoded, method: .get, headers: f.auth("admin"))
            #expect(stolen.status == .badRequest)
            #expect(try stolen.json()["error"]?["parameter"]?.stringValue == "cursor")
        }
    }
}
