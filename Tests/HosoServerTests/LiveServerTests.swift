import HosoServer
import Hummingbird
import HummingbirdTesting
import Testing

/// The application over a real socket: the same answers as in process, with HTTP framing.
@Suite struct LiveServerTests {
    @Test func searchHealthAndErrorsOverARealSocket() async throws {
        let f = try await ServerFixture.make()
        defer { f.remove() }
        try await f.app().test(.live) { client in
            #expect(client.port != nil)
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
            let search = try await client.execute(uri: "/v1/search?" + People.anQuery, method: .get, headers: f.auth("officer"))
            #expect(search.status == .ok)
            #expect(try search.json()["total"]?.intValue == 2)
            #expect(search.headers[.contentLength] == String(search.body.readableBytes))
            let denied = try await client.execute(uri: "/v1/search?" + People.anQuery, method: .get)
            #expect(denied.status == .unauthorized)
            #expect(try denied.json()["error"]?["code"]?.stringValue == "unauthorized")
            let bad = try await client.execute(uri: "/v1/search?name=%E0%A4", method: .get, headers: f.auth("officer"))
            #expect(bad.status == .badRequest)
            #expect(try bad.json()["error"]?["parameter"]?.stringValue == "name")
        }
    }
}
