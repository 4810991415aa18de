import Foundation
import HosoServer
import Hummingbird
import HummingbirdTesting
import Testing

/// The web interface (issue 8): `/`, `/app.js` and `/app.css` are served from the binary with no
/// key, with their types and a strict Content-Security-Policy, and the page keeps no secret
/// beyond the browser session.
@Suite struct WebRouteTests {
    @Test func thePageIsHTMLWithAStrictContentSecurityPolicyAndNeedsNoKey() async throws {
        let f = try await ServerFixture.make(load: false)
        defer { f.remove() }
        try await f.app().test(.router) { client in
            let page = try await client.execute(uri: "/", method: .get)
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.headers[.cacheControl] == "no-cache")
            #expect(page.headers[.xContentTypeOptions] == "nosniff")
            let policy = page.headers[.contentSecurityPolicy] ?? ""
            for directive in ["default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"] {
                #expect(policy.contains(directive), "CSP lacks \(directive): \(policy)")
            }
            #expect(!policy.contains("unsafe"), "CSP allows something unsafe: \(policy)")
            let html = page.text
            #expect(html.hasPrefix("<!doctype html>"))
            #expect(html.contains(#"<html lang="vi">"#))
            #expect(html.contains(#"<script src="/app.js" defer></script>"#))
            #expect(html.contains(#"<link rel="stylesheet" href="/app.css">"#))
            // No inline script or style: every <script> has a src, no on…= handlers, no style=.
            #expect(html.components(separatedBy: "<script").count - 1 == html.components(separatedBy: "<script src=").count - 1)
            #expect(html.range(of: #" on[a-z]+="#, options: .regularExpression) == nil, "inline event handler in index.html")
            #expect(!html.contains("style="), "inline style in index.html (the CSP would block it)")
        }
    }

    @Test(arguments: ["/", "/app.js", "/app.css"])
    func headGivesTheHeadersAndLengthWithoutTheBody(path: String) async throws {
        let f = try await ServerFixture.make(load: false)
        defer { f.remove() }
        try await f.app().test(.router) { client in
            let full = try await client.execute(uri: path, method: .get)
            let head = try await client.execute(uri: path, method: .head)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(head.headers[.contentLength] == String(full.body.readableBytes))
            #expect(head.headers[.contentType] == full.headers[.contentType])
            #expect(head.headers[.contentSecurityPolicy] == full.headers[.contentSecurityPolicy])
        }
    }

    @Test(arguments: [("/app.js", "text/javascript; charset=utf-8"), ("/app.css", "text/css; charset=utf-8")])
    func theScriptAndStylesheetAreServedWithTheirTypes(path: String, type: String) async throws {
        let f = try await ServerFixture.make(load: false)
        defer { f.remove() }
        try await f.app().test(.router) { client in
            let response = try await client.execute(uri: path, method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == type)
            #expect(response.headers[.contentSecurityPolicy] != nil)
            #expect(response.body.readableBytes > 1000, "\(path) is nearly empty")
        }
    }

    @Test func theScriptKeepsTheKeyOnlyForTheSession() async throws {
        let f = try await ServerFixture.make(load: false)
        defer { f.remove() }
        try await f.app().test(.router) { client in
            let script = try await client.execute(uri: "/app.js", method: .get).text
            #expect(script.contains("sessionStorage"))
            for forbidden in ["localStorage", "document.cookie", "indexedDB", "innerHTML", "eval("] {
                #expect(!script.contains(forbidden), "app.js uses \(forbidden)")
            }
        }
    }
}
