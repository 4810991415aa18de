/// The six Vietnamese tones; `level` (thanh ngang) carries no mark.
public enum Tone: UInt8, Sendable, CaseIterable {
    case level = 0
    case grave = 1  // huyền  à
    case acute = 2  // sắc    á
    case hook = 3  // hỏi    ả
    case tilde = 4  // ngã    ã
    case dot = 5  // nặng   ạ

    /// The combining mark that writes this tone, or nil for the level tone.
    public var combiningMark: Unicode.Scalar? {
        switch self {
        case .level: nil
        case .grave: "\u{0300}"
        case .acute: "\u{0301}"
        case .hook: "\u{0309}"
        case .tilde: "\u{0303}"
        case .dot: "\u{0323}"
        }
    }

    /// The tone a combining mark writes, when it is one of the five tone marks.
    public init?(combiningMark mark: Unicode.Scalar) {
        switch mark.value {
        case 0x0300, 0x0340: self = .grave
        case 0x0301, 0x0341: self = .acute
        case 0x0309: self = .hook
        case 0x0303: self = .tilde
        case 0x0323: self = .dot
        default: return nil
        }
    }
}

/// How well a query matched a field, best first (DESIGN §4). The tier only ranks.
public enum MatchTier: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    case exact = 0
    case tone = 1
    case folded = 2
    case variant = 3
    case lineage = 4
    case fuzzy = 5

    public static func < (lhs: MatchTier, rhs: MatchTier) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The worse (larger) of two tiers.
    public func worst(_ other: MatchTier) -> MatchTier { self > other ? self : other }

    public var description: String {
        switch self {
        case .exact: "exact"
        case .tone: "tone"
        case .folded: "folded"
        case .variant: "variant"
        case .lineage: "lineage"
        case .fuzzy: "fuzzy"
        }
    }
}
