import HosoEngine
import Hummingbird

/// The per-request context: Hummingbird's core storage plus the caller, resolved once by
/// ``CallerMiddleware`` for the `/v1` routes.
public struct HosoRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The caller behind the request's bearer key; `nil` outside `/v1`.
    public var caller: Caller?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        caller = nil
    }

    /// The caller, for handlers behind ``CallerMiddleware``.
    /// - Throws: `APIError.unauthorized` if no caller was resolved (a route wired outside the
    ///   middleware: a programming error, answered safely).
    func requireCaller() throws(APIError) -> Caller {
        guard let caller else { throw .unauthorized }
        return caller
    }
}
