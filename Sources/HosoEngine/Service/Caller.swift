import HosoModel

/// The key behind a request, resolved once by `HosoService.authenticate(bearer:)`.
public struct Caller: Sendable, Hashable {
    /// The public key id (`k_…`).
    public let keyID: String
    public let role: Role
    /// The level the caller reads at.
    public let level: AccessLevel
    /// The agency code of an `agency` key.
    public let agency: String?
    /// The record id of a `self` key.
    public let person: String?

    public init(keyID: String, role: Role, level: AccessLevel, agency: String? = nil, person: String? = nil) {
        self.keyID = keyID
        self.role = role
        self.level = level
        self.agency = agency
        self.person = person
    }

    /// The caller of a key.
    public init(key: APIKey) {
        self.init(keyID: key.id, role: key.role, level: key.level, agency: key.agency, person: key.person)
    }
}
