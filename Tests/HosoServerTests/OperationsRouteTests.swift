import HosoServer
import Hummingbird
import HummingbirdTesting
import Testing

/// `/healthz`, `/readyz` and `/metrics` (DESIGN §5).
@Suite struct OperationsRouteTests {
    @Test func readyzIs503UntilTheIndexIsLoadedAndSearchesAre503Too() async throws {
        let f = try await ServerFixture.make(load: false)
        defer { f.remove() }
        try await f.app().test(.router) { client in
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok && health.text == #"{"status":"ok"}"#)
            let before = try await client.execute(uri: "/readyz", method: .get)
            #expect(before.status == .serviceUnavailable && before.text == #"{"ready":false}"#)
            let search = try await client.execute(uri: "/v1/search?" + People.anQuery, method: .get, headers: f.auth("officer"))
            #expect(search.status == .serviceUnavailable)
            #expect(try search.json()["error"]?["code"]?.stringValue == "unavailable")
            #expect(!search.text.contains("hits"), "never partial results")

            try await f.service.load()
            let after = try await client.execute(uri: "/readyz", method: .get)
            #expect(after.status == .ok && after.text == #"{"ready":true}"#)
            let ready = try await client.execute(uri: "/v1/search?" + People.anQuery, method: .get, headers: f.auth("officer"))
            #expect(ready.status == .ok)
        }
    }

    @Test func metricsExposeLatencyHistogramsPerRouteAndStatusAndTheIndexGauges() async throws {
        let f = try await ServerFixture.make()
        defer { f.remove() }
        try await f.app().test(.router) { client in
            _ = try await client.execute(uri: "/v1/search?" + People.anQuery, method: .get, headers: f.auth("officer"))
            _ = try await client.execute(uri: "/v1/search?" + People.anQuery, method: .get)
            _ = try await client.execute(uri: "/v1/search?" + People.anQuery + "&limit=5", method: .get, headers: f.auth("officer"))
            _ = try await client.execute(uri: "/v1/search?" + People.anQuery + "&limit=5", method: .get, headers: f.auth("officer"))
            _ = try await client.execute(uri: "/v1/people/\(People.publicAn)", method: .get, headers: f.auth("officer"))
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
            let text = response.text
            #expect(text.contains("# TYPE hoso_http_request_duration_seconds histogram"))
            for series in [
                #"hoso_http_request_duration_seconds_count{route="/v1/search",method="GET",status="200"} 3"#,
                #"hoso_http_request_duration_seconds_count{route="/v1/search",method="GET",status="401"} 1"#,
                #"hoso_http_request_duration_seconds_count{route="/v1/people/{id}",method="GET",status="200"} 1"#,
                #"hoso_http_request_duration_seconds_bucket{route="/v1/search",method="GET",status="200",le="0.001"}"#,
                "hoso_ready 1",
                "hoso_records 11",
                "hoso_flagged_keys 0",
                // Three searches by the officer, the last a repeat of the second.
                "hoso_result_cache_lookups_total 3",
                "hoso_result_cache_hits_total 1",
                // Each search asked the page cache; the repeat found its page (nothing changed).
                "hoso_page_cache_lookups_total 3",
                "hoso_page_cache_hits_total 1",
            ] {
                #expect(text.contains(series), "missing \(series) in\n\(text)")
            }
            #expect(text.contains("hoso_index_bytes "), "\(text)")
            #expect(!text.contains(People.publicAn), "ids must not become label values")
        }
    }
}
