import Hummingbird

/// The web interface for people (issue 8): `GET /` (the page), `/app.js`, `/app.css`, and `HEAD`
/// of each (the same headers, no body: link checkers and uptime probes ask so). They need no key:
/// the page asks for one and sends it with each `/v1` call it makes from the browser.
struct WebRoutes {
    /// Adds the routes to `router` (outside `/v1`, so ``CallerMiddleware`` does not run).
    func add(to router: Router<HosoRequestContext>) {
        for asset in WebAsset.all {
            let response = asset.response()
            let head = asset.response(withBody: false)
            router.get(RouterPath(asset.path)) { _, _ in response }
            router.head(RouterPath(asset.path)) { _, _ in head }
        }
    }
}
