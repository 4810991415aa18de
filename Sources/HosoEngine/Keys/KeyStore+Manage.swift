import HosoModel
import HosoStore

extension KeyStore {
    /// Creates a key and returns it with its secret, which is not kept anywhere.
    ///
    /// - Parameters:
    ///   - request: role, level, binding and limits; unset limits take the role's defaults.
    ///   - now: creation time in milliseconds since 1970 (UTC).
    /// - Returns: the stored key and the secret to hand to its holder (shown once).
    /// - Throws: `KeyError.invalid` for an inconsistent request, `.storage` if LMDB fails.
    public func create(_ request: KeyRequest, now: Int64 = WallClock.milliseconds()) throws(KeyError)
        -> (key: APIKey, secret: String)
    {
        let validated = try Self.validate(request)
        var key = APIKey(
            id: "", role: request.role, level: validated.level, agency: request.agency, person: request.person,
            name: request.name, rate: validated.rate, dailyQuota: validated.quota, createdAt: now / 1000)
        var secret = ""
        for _ in 0..<8 {
            key.id = KeySecret.newID()
            secret = KeySecret.newSecret(id: key.id)
            let value = KeyCodec.encode(key, hash: KeySecret.hash(secret))
            let stored = try write { txn in
                if try txn.contains(key.id, in: keysDatabase) { return false }
                try txn.put(value, forKey: key.id, in: keysDatabase)
                return true
            }
            if stored {
                try reload()
                return (key, secret)
            }
        }
        throw .storage("could not draw an unused key id")
    }

    /// Every key, valid and revoked, oldest first (ids break ties), read fresh from LMDB.
    ///
    /// - Throws: `KeyError.storage` if LMDB fails or a stored key is damaged.
    public func list() throws(KeyError) -> [APIKey] {
        try reload()
        return snapshot().sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    /// Revokes a key; it stops authenticating at once in this process and within
    /// `refreshInterval` in others. Revoking a revoked key changes nothing.
    ///
    /// - Parameters:
    ///   - id: the key id.
    ///   - now: revocation time in milliseconds since 1970 (UTC).
    /// - Returns: the key as revoked.
    /// - Throws: `KeyError.notFound` for an unknown id, `.storage` if LMDB fails.
    @discardableResult
    public func revoke(id: String, now: Int64 = WallClock.milliseconds()) throws(KeyError) -> APIKey {
        let revoked: APIKey? = try write { txn in
            guard let found = try txn.withValue(forKey: id, in: keysDatabase, { try KeyCodec.decode(id: id, $0) }) else {
                return nil
            }
            var (key, hash) = found
            guard !key.isRevoked else { return key }
            key.revokedAt = now / 1000
            try txn.put(KeyCodec.encode(key, hash: hash), forKey: id, in: keysDatabase)
            return key
        }
        guard let revoked else { throw .notFound(id: id) }
        try reload()
        return revoked
    }

    /// Runs `body` in a write transaction that also bumps the keys generation.
    private func write<R>(_ body: (borrowing WriteTransaction) throws -> R) throws(KeyError) -> R {
        do {
            return try lmdbEnvironment.write { txn in
                let result = try body(txn)
                let stored: UInt64?? = try txn.withValue(forKey: Self.generationKey, in: metaDatabase) {
                    UInt64(bigEndianBytes: $0)
                }
                try txn.put(((stored ?? nil) ?? 0) &+ 1, forKey: Self.generationKey, in: metaDatabase)
                return result
            }
        } catch let error as KeyError {
            throw error
        } catch {
            throw .storage("\(error)")
        }
    }

    struct Validated {
        var level: AccessLevel
        var rate: Double?
        var quota: Int?
    }

    /// Checks a request against its role and fills in the defaults.
    static func validate(_ r: KeyRequest) throws(KeyError) -> Validated {
        let level = r.level ?? r.role.maxLevel
        guard level <= r.role.maxLevel else {
            throw .invalid("level \(level.number) is above the highest level of role \(r.role) (\(r.role.maxLevel.number))")
        }
        switch (r.role, r.agency) {
        case (.agency, nil): throw .invalid("an agency key needs --agency CODE")
        case (.agency, let code?):
            guard !code.isEmpty, code.utf8.count <= 64, code.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
                throw .invalid("agency code must be 1–64 printable ASCII characters without spaces")
            }
        case (_, nil): break
        case (_, _?): throw .invalid("--agency applies only to agency keys")
        }
        switch (r.role, r.person) {
        case (.personal, nil): throw .invalid("a self key needs --person ID")
        case (.personal, let id?):
            guard RecordID.isValid(id.utf8) else { throw .invalid("person id must be 1–64 of A-Z a-z 0-9 . _ -") }
        case (_, nil): break
        case (_, _?): throw .invalid("--person applies only to self keys")
        }
        if let name = r.name, name.utf8.count > 200 { throw .invalid("name is longer than 200 bytes") }
        if r.unlimited {
            guard r.rate == nil, r.dailyQuota == nil else { throw .invalid("--unlimited excludes --rate and --quota") }
            return Validated(level: level, rate: nil, quota: nil)
        }
        let rate = r.rate ?? r.role.defaultRate
        guard rate.isFinite, rate >= 0.001, rate <= 1_000_000 else { throw .invalid("rate must be between 0.001 and 1000000 requests per second") }
        let quota = r.dailyQuota ?? r.role.defaultDailyQuota
        guard quota >= 1, quota <= 1_000_000_000 else { throw .invalid("quota must be between 1 and 1000000000 requests a day") }
        return Validated(level: level, rate: rate, quota: quota)
    }
}
