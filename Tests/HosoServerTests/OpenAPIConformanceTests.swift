import HosoEngine
import HosoServer
import Hummingbird
import HummingbirdTesting
import Testing

/// Fetches `/openapi.json` and checks real responses of every documented route against the
/// responses it documents: the status is listed, the media type matches, and the body conforms
/// to the schema. Every documented route and status must be exercised by at least one request
/// below, so the document cannot drift from the server unnoticed.
@Suite struct OpenAPIConformanceTests {
    /// One request: the documented path template it exercises, the URI, the key label (or none).
    struct Probe: Sendable {
        let template: String
        let uri: String
        let key: String?
    }

    /// Requests sent before the index is loaded.
    static let unloadedProbes: [Probe] = [
        Probe(template: "/readyz", uri: "/readyz", key: nil),
        Probe(template: "/v1/search", uri: "/v1/search?" + People.anQuery, key: "officer"),
    ]

    /// Requests sent once it is loaded, in order (the `quota` key's first request uses its quota).
    static let probes: [Probe] = {
        let an = People.publicAn
        let long = String(repeating: "a", count: 5000)
        var probes = [
            Probe(template: "/v1/search", uri: "/v1/search?" + People.anQuery, key: "officer"),
            Probe(template: "/v1/search", uri: "/v1/search?" + People.anQuery + "&limit=1", key: "recruiter"),
            Probe(template: "/v1/search", uri: "/v1/search?name=An&limit=0", key: "officer"),
            Probe(template: "/v1/search", uri: "/v1/search?" + People.anQuery, key: nil),
            Probe(template: "/v1/search", uri: "/v1/search?national_id=040085001234", key: "recruiter"),
            Probe(template: "/v1/people/{id}", uri: "/v1/people/\(an)", key: "officer"),
            Probe(template: "/v1/people/{id}", uri: "/v1/people/\(an)", key: "recruiter"),
            Probe(template: "/v1/people/{id}", uri: "/v1/people/\(People.secretAn)", key: "officer"),
            Probe(template: "/v1/people/{id}", uri: "/v1/people/a%20b", key: "officer"),
            Probe(template: "/v1/people/{id}", uri: "/v1/people/\(an)", key: nil),
            Probe(template: "/v1/people/{id}", uri: "/v1/people/\(People.restrictedAn)", key: "self"),
            Probe(template: "/v1/people/{id}/history", uri: "/v1/people/\(an)/history", key: "recruiter"),
            Probe(template: "/v1/people/{id}/history", uri: "/v1/people/HS0000000004/history", key: "officer"),
            Probe(template: "/v1/people/{id}/history", uri: "/v1/people/\(People.restrictedAn)/history", key: "recruiter"),
            Probe(template: "/v1/people/{id}/history", uri: "/v1/people/\(People.restrictedAn)/history", key: "self"),
            Probe(template: "/v1/people/{id}/history", uri: "/v1/people/\(an)/history?x=1", key: "recruiter"),
            Probe(template: "/v1/people/{id}/history", uri: "/v1/people/\(an)/history", key: nil),
            Probe(template: "/v1/me", uri: "/v1/me", key: "self"),
            Probe(template: "/v1/me", uri: "/v1/me?x=1", key: "self"),
            Probe(template: "/v1/me", uri: "/v1/me", key: "ghost"),
            Probe(template: "/v1/me", uri: "/v1/me", key: "officer"),
            Probe(template: "/v1/me", uri: "/v1/me", key: nil),
            Probe(template: "/v1/audit", uri: "/v1/audit?subject=\(an)", key: "admin"),
            Probe(template: "/v1/audit", uri: "/v1/audit?caller=k_abcdefghijklmnop&limit=5", key: "admin"),
            Probe(template: "/v1/audit", uri: "/v1/audit", key: "admin"),
            Probe(template: "/v1/audit", uri: "/v1/audit?subject=\(an)", key: "recruiter"),
            Probe(template: "/v1/audit", uri: "/v1/audit?subject=\(an)", key: nil),
            Probe(template: "/v1/quality", uri: "/v1/quality", key: "admin"),
            Probe(template: "/v1/quality", uri: "/v1/quality?examples=0", key: "admin"),
            Probe(template: "/v1/quality", uri: "/v1/quality", key: "recruiter"),
            Probe(template: "/v1/quality", uri: "/v1/quality", key: nil),
            Probe(template: "/v1/changes", uri: "/v1/changes?since=0&limit=5", key: "admin"),
            Probe(template: "/v1/changes", uri: "/v1/changes", key: "agency"),
            Probe(template: "/v1/changes", uri: "/v1/changes?limit=0", key: "admin"),
            Probe(template: "/v1/changes", uri: "/v1/changes?since=-1", key: "admin"),
            Probe(template: "/v1/changes", uri: "/v1/changes", key: "officer"),
            Probe(template: "/v1/changes", uri: "/v1/changes", key: nil),
            Probe(template: "/healthz", uri: "/healthz", key: nil),
            Probe(template: "/readyz", uri: "/readyz", key: nil),
            Probe(template: "/metrics", uri: "/metrics", key: nil),
            Probe(template: "/openapi.json", uri: "/openapi.json", key: nil),
            Probe(template: "/", uri: "/", key: nil),
            Probe(template: "/app.js", uri: "/app.js", key: nil),
            Probe(template: "/app.css", uri: "/app.css", key: nil),
            // The quota key's one request of the day, then a 429 on every route.
            Probe(template: "/v1/search", uri: "/v1/search?" + People.anQuery, key: "quota"),
        ]
        let everyRoute = [
            ("/v1/search", "/v1/search?" + People.anQuery), ("/v1/people/{id}", "/v1/people/\(an)"),
            ("/v1/people/{id}/history", "/v1/people/\(an)/history"), ("/v1/me", "/v1/me"), ("/v1/audit", "/v1/audit?subject=\(an)"),
            ("/v1/changes", "/v1/changes"), ("/v1/quality", "/v1/quality"),
        ]
        for (template, uri) in everyRoute {
            probes.append(Probe(template: template, uri: uri, key: "quota"))
            probes.append(Probe(template: template, uri: uri + (uri.contains("?") ? "&" : "?") + "q=" + long, key: "officer"))
        }
        return probes
    }()

    @Test func everyDocumentedRouteAnswersAsDocumented() async throws {
        let f = try await ServerFixture.make(load: false)
        defer { f.remove() }
        try await f.app().test(.router) { client in
            let documentResponse = try await client.execute(uri: "/openapi.json", method: .get)
            #expect(documentResponse.status == .ok)
            let document = try documentResponse.json()
            #expect(document["openapi"]?.stringValue == "3.1.0")
            let check = SchemaCheck(document: document)
            guard case .object(let paths)? = document["paths"] else {
                Issue.record("the document has no paths")
                return
            }
            var seen: Set<String> = []
            for (index, probe) in (Self.unloadedProbes + Self.probes).enumerated() {
                if index == Self.unloadedProbes.count { try await f.service.load() }
                let headers = probe.key.map { f.auth($0) } ?? [:]
                let response = try await client.execute(uri: probe.uri, method: .get, headers: headers)
                let status = String(response.status.code)
                seen.insert(probe.template + " " + status)
                guard let documented = check.response(paths[probe.template]?["get"]?["responses"]?[status]) else {
                    Issue.record("\(probe.uri) answered \(status), which /openapi.json does not list for \(probe.template): \(response.text)")
                    continue
                }
                guard case .object(let content)? = documented["content"],
                    let (mediaType, media) = content.first
                else {
                    Issue.record("\(probe.template) \(status) documents no content")
                    continue
                }
                let contentType = response.headers[.contentType] ?? ""
                #expect(contentType.hasPrefix(mediaType), "\(probe.uri): content type \(contentType), documented \(mediaType)")
                guard mediaType == "application/json", let schema = media["schema"] else { continue }
                let body: JSONValue
                do {
                    body = try response.json()
                } catch {
                    Issue.record("\(probe.uri): body is not JSON (\(error)): \(response.text)")
                    continue
                }
                let problems = check.problems(body, schema)
                #expect(problems.isEmpty, "\(probe.uri) → \(status) breaks the schema:\n\(problems.joined(separator: "\n"))\n\(response.text)")
                if status == "429" {
                    #expect(response.headers[.retryAfter] != nil, "429 without Retry-After")
                }
            }
            // Every documented (route, status) was exercised, except 500, which no request should
            // provoke (a bug by definition).
            for (template, item) in paths {
                guard case .object(let responses)? = item["get"]?["responses"] else { continue }
                for status in responses.keys where status != "500" {
                    #expect(seen.contains(template + " " + status), "no probe exercises \(template) \(status)")
                }
            }
        }
    }

    /// The audit log's `kind` enum lists every kind the engine writes (schemathesis found
    /// `changes` missing once: an admin's audit page broke the document).
    @Test func theAuditKindsAreTheEnginesKinds() async throws {
        let f = try await ServerFixture.make(load: false)
        defer { f.remove() }
        try await f.app().test(.router) { client in
            let document = try await client.execute(uri: "/openapi.json", method: .get).json()
            let kinds = document["components"]?["schemas"]?["AuditLog"]?["properties"]?["entries"]?["items"]?["properties"]?["kind"]?["enum"]?
                .arrayValue?.compactMap(\.stringValue) ?? []
            #expect(Set(kinds) == Set(AuditEvent.Kind.allCases.map(\.rawValue)), "documented \(kinds)")
        }
    }

    @Test func theSchemaCheckRejectsWhatItShould() throws {
        let document = try JSONValue.parse(Array(#"{"components":{"schemas":{"E":{"type":"object","required":["a"],"additionalProperties":false,"properties":{"a":{"type":"integer","minimum":1},"b":{"type":["string","null"],"pattern":"^x"}}}}}}"#.utf8))
        let check = SchemaCheck(document: document)
        let schema = try JSONValue.parse(Array(##"{"$ref":"#/components/schemas/E"}"##.utf8))
        #expect(check.problems(try JSONValue.parse(Array(#"{"a":2,"b":"xy"}"#.utf8)), schema).isEmpty)
        #expect(check.problems(try JSONValue.parse(Array(#"{"a":2,"b":null}"#.utf8)), schema).isEmpty)
        for bad in [#"{"b":"x"}"#, #"{"a":true}"#, #"{"a":1.5}"#, #"{"a":0}"#, #"{"a":1,"c":1}"#, #"{"a":1,"b":"y"}"#, #"[]"#] {
            #expect(!check.problems(try JSONValue.parse(Array(bad.utf8)), schema).isEmpty, "\(bad) passed")
        }
    }
}
