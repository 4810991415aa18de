/// Level of an administrative unit, most general first.
public enum PlaceLevel: UInt8, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
    /// Tỉnh or thành phố trực thuộc trung ương.
    case province = 0
    /// Huyện, quận, thị xã, thành phố thuộc tỉnh (pre-2025 map and older names only).
    case district = 1
    /// Xã, phường, thị trấn, đặc khu.
    case commune = 2

    public static func < (lhs: PlaceLevel, rhs: PlaceLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .province: "province"
        case .district: "district"
        case .commune: "commune"
        }
    }
}

/// The map a unit belongs to.
public enum PlaceEra: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The map in force from 1 July 2025: 34 provinces, 3,321 communes, no districts.
    case map2025 = 0
    /// The map just before the 2025 reform: 63 provinces, 696 districts, 10,035 communes.
    case pre2025 = 1
    /// Names from before the pre-2025 map that officers still write (Hà Tây, Hà Bắc, Quận 2, …).
    case older = 2

    public var description: String {
        switch self {
        case .map2025: "2025"
        case .pre2025: "pre-2025"
        case .older: "older"
        }
    }
}

/// Identity of one unit in a `Gazetteer` (stable for the life of that gazetteer only).
public struct PlaceID: Hashable, Sendable, Comparable {
    public let rawValue: UInt32

    init(_ rawValue: UInt32) { self.rawValue = rawValue }

    public static func < (lhs: PlaceID, rhs: PlaceID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One administrative unit, with its canonical display names exactly as in the data (NFC).
public struct PlaceName: Hashable, Sendable, CustomStringConvertible {
    /// The unit within its gazetteer.
    public let id: PlaceID
    /// The name without its unit-type word ("Hiệp Hòa", "Bà Rịa - Vũng Tàu"); numbered units keep
    /// their type word ("Quận 1", "Phường 5").
    public let name: String
    /// The name with its unit-type word ("Xã Hiệp Hòa", "Quận 1", "Thành phố Hồ Chí Minh").
    public let fullName: String
    /// The unit-type word ("Xã", "Phường", "Thị trấn", "Đặc khu", "Huyện", "Quận", "Thị xã",
    /// "Thành phố", "Tỉnh").
    public let unitType: String
    public let level: PlaceLevel
    public let era: PlaceEra
    /// The GSO code ("00004", "001", "01"); empty for older names.
    public let code: String
    /// For older names: the last year the name was in use (Hà Tây: 2008).
    public let until: Int?
    /// Whether the written text reached this unit through an alias (Sài Gòn, Daklak, TP.HCM).
    public let viaAlias: Bool

    public var description: String {
        "\(fullName) [\(level), \(era)\(viaAlias ? ", alias" : "")]"
    }
}
