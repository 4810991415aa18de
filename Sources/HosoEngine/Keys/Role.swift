import HosoModel

/// What a key may do (DESIGN §3). Each role has a highest level and default limits.
public enum Role: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Verification officers: level 2, may search by `national_id`.
    case officer
    /// Recruiters: level 1 (work history and training).
    case recruiter
    /// A connected agency: level-1 reads, bound to its agency code (sync of its own source).
    case agency
    /// An employee: bound to one record id, sees the whole own record through `me`.
    case personal = "self"
    /// Administrators: level 3, keys, audit.
    case admin

    /// The highest level a key of this role may have; also its level when none is given.
    public var maxLevel: AccessLevel {
        switch self {
        case .officer: .restricted
        case .recruiter, .agency: .internal
        case .personal: .public
        case .admin: .secret
        }
    }

    /// Whether the role may search by `national_id` (officers and admins).
    public var maySearchNationalID: Bool { self == .officer || self == .admin }

    /// Whether the role may search and view other people's records (all but `self`).
    public var mayBrowse: Bool { self != .personal }

    /// Requests per second a key of this role gets unless told otherwise.
    public var defaultRate: Double {
        switch self {
        case .officer: 20
        case .recruiter: 10
        case .agency: 50
        case .personal: 2
        case .admin: 50
        }
    }

    /// Requests per UTC day a key of this role gets unless told otherwise.
    public var defaultDailyQuota: Int {
        switch self {
        case .officer: 20_000
        case .recruiter: 5_000
        case .agency: 100_000
        case .personal: 500
        case .admin: 100_000
        }
    }

    /// The role as written on the command line and in the audit log (`self` for `.personal`).
    public var description: String { rawValue }
}
