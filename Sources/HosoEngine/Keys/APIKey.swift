import HosoModel

/// An API key as stored (without its secret): who it is for and what it may do.
///
/// The id (`k_` and 16 lowercase letters and digits) is public: it is listed, audited and used to
/// revoke. The secret is shown once at creation; only its SHA-256 is kept.
public struct APIKey: Sendable, Hashable {
    /// Public id, e.g. `k_3kq9x0c1m2n4p5r6`.
    public var id: String
    public var role: Role
    /// The level the key reads at; never above `role.maxLevel`.
    public var level: AccessLevel
    /// The agency code an `agency` key is bound to.
    public var agency: String?
    /// The record id a `self` key is bound to.
    public var person: String?
    /// A free label ("Sở Nội vụ Nghệ An — verification desk").
    public var name: String?
    /// Sustained requests per second; `nil` means unlimited.
    public var rate: Double?
    /// Requests per UTC day; `nil` means unlimited.
    public var dailyQuota: Int?
    /// Creation time, seconds since 1970 (UTC).
    public var createdAt: Int64
    /// Revocation time, or `nil` while the key is valid.
    public var revokedAt: Int64?

    public init(
        id: String, role: Role, level: AccessLevel, agency: String? = nil, person: String? = nil, name: String? = nil,
        rate: Double?, dailyQuota: Int?, createdAt: Int64, revokedAt: Int64? = nil
    ) {
        self.id = id
        self.role = role
        self.level = level
        self.agency = agency
        self.person = person
        self.name = name
        self.rate = rate
        self.dailyQuota = dailyQuota
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    /// Whether the key has been revoked.
    public var isRevoked: Bool { revokedAt != nil }
}

/// What `KeyStore.create` is asked for; unset values take the role's defaults.
public struct KeyRequest: Sendable, Hashable {
    public var role: Role
    /// Defaults to `role.maxLevel`; above it is refused.
    public var level: AccessLevel?
    /// Required for `agency` keys, refused for others.
    public var agency: String?
    /// Required for `self` keys (a valid record id), refused for others.
    public var person: String?
    public var name: String?
    /// Requests per second (> 0); defaults to `role.defaultRate`.
    public var rate: Double?
    /// Requests per UTC day (> 0); defaults to `role.defaultDailyQuota`.
    public var dailyQuota: Int?
    /// No rate limit and no quota (load tests); refused together with `rate` or `dailyQuota`.
    public var unlimited: Bool

    public init(
        role: Role, level: AccessLevel? = nil, agency: String? = nil, person: String? = nil, name: String? = nil,
        rate: Double? = nil, dailyQuota: Int? = nil, unlimited: Bool = false
    ) {
        self.role = role
        self.level = level
        self.agency = agency
        self.person = person
        self.name = name
        self.rate = rate
        self.dailyQuota = dailyQuota
        self.unlimited = unlimited
    }
}

/// Why a key operation failed.
public enum KeyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The request is inconsistent (level above the role's, missing agency, …).
    case invalid(String)
    /// No key has this id.
    case notFound(id: String)
    /// LMDB failed or a stored key is damaged.
    case storage(String)

    public var description: String {
        switch self {
        case .invalid(let reason): reason
        case .notFound(let id): "no key with id \(id)"
        case .storage(let message): "key store: \(message)"
        }
    }
}
