/// The sensitivity level of a field or a record (độ hạn chế tiếp cận, DESIGN §3).
///
/// A caller with level `L` sees a field only if the field's level is `<= L`, and a record only if
/// the record's `access_level` is `<= L`. Levels are ordered: `public < internal < restricted < secret`.
public enum AccessLevel: UInt8, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    /// 0 — anyone may see it.
    case `public` = 0
    /// 1 — staff of connected agencies (recruiters, agency keys).
    case `internal` = 1
    /// 2 — verification officers; also unknown fields and their originals.
    case restricted = 2
    /// 3 — administrators only.
    case secret = 3

    public static func < (lhs: AccessLevel, rhs: AccessLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The level as the integer written in records and keys (0–3).
    public var number: Int { Int(rawValue) }

    /// Makes a level from its integer form.
    ///
    /// - Parameter number: 0–3.
    /// - Returns: the level, or `nil` when `number` is outside 0–3.
    public init?(number: Int) {
        guard number >= 0, number <= 3, let level = AccessLevel(rawValue: UInt8(number)) else { return nil }
        self = level
    }

    public var description: String {
        switch self {
        case .public: "public"
        case .internal: "internal"
        case .restricted: "restricted"
        case .secret: "secret"
        }
    }
}
