import HosoModel

extension HosoService {
    /// Resolves the key of a request and charges it one request.
    ///
    /// - Parameter bearer: the `Authorization` header value (`Bearer <secret>`), or the secret
    ///   alone; `nil` when the header is absent.
    /// - Returns: the caller.
    /// - Throws: `.unauthorized` for a missing, malformed, unknown or revoked key;
    ///   `.rateLimited` when the key is over its rate or its daily quota.
    public func authenticate(bearer: String?) throws(ServiceError) -> Caller {
        guard let bearer, let secret = Self.secret(fromAuthorization: bearer) else { throw .unauthorized }
        guard let key = keys.authenticate(secret: secret) else { throw .unauthorized }
        try usage.admit(key, now: options.clock())
        return Caller(key: key)
    }

    /// The secret in an `Authorization` value: after `Bearer ` (any case), or the whole value.
    static func secret(fromAuthorization value: String) -> String? {
        var text = Substring(value)
        while text.first == " " { text = text.dropFirst() }
        if text.utf8.count > 7, text.prefix(7).lowercased() == "bearer " { text = text.dropFirst(7) }
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        guard !text.isEmpty, text.utf8.count <= 256 else { return nil }
        return String(text)
    }
}
