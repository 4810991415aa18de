/// The unit-type words of Vietnamese administrative units, as the data spells them.
enum GazetteerUnitKind: UInt8, CaseIterable, Sendable {
    case thanhPho, thiTran, thiXa, dacKhu, phuong, huyen, quan, tinh, xa

    /// The canonical spelling ("Thành phố", "Xã").
    var word: String {
        switch self {
        case .thanhPho: "Thành phố"
        case .thiTran: "Thị trấn"
        case .thiXa: "Thị xã"
        case .dacKhu: "Đặc khu"
        case .phuong: "Phường"
        case .huyen: "Huyện"
        case .quan: "Quận"
        case .tinh: "Tỉnh"
        case .xa: "Xã"
        }
    }

    /// The levels a unit of this type can be at.
    func allows(_ level: PlaceLevel) -> Bool {
        switch self {
        case .tinh: level == .province
        case .thanhPho: level == .province || level == .district
        case .huyen, .quan, .thiXa: level == .district
        case .thiTran, .phuong, .xa, .dacKhu: level == .commune
        }
    }

    /// Splits a canonical full name ("Thị xã Sơn Tây") into its type and the rest.
    static func split(fullName: String) -> (kind: GazetteerUnitKind, rest: Substring)? {
        let utf8 = fullName.utf8
        for (kind, word) in wordBytes {
            guard utf8.count > word.count + 1, utf8.starts(with: word) else { continue }
            let space = utf8.index(utf8.startIndex, offsetBy: word.count)
            guard utf8[space] == 0x20 else { continue }
            let rest = fullName[utf8.index(after: space)...]
            return rest.isEmpty || rest.first == " " ? nil : (kind, rest)
        }
        return nil
    }

    /// Each type word's UTF-8 bytes, longest first.
    private static let wordBytes: [(GazetteerUnitKind, [UInt8])] =
        allCases.map { ($0, Array($0.word.utf8)) }.sorted { $0.1.count > $1.1.count }

    /// Folded type words (and officers' abbreviations) by how many words they take.
    static let foldedSingle: [String: GazetteerUnitKind] = [
        "xa": .xa, "phuong": .phuong, "huyen": .huyen, "quan": .quan, "tinh": .tinh,
        "tp": .thanhPho, "tx": .thiXa, "tt": .thiTran, "q": .quan, "p": .phuong, "h": .huyen, "x": .xa,
    ]
    static let foldedPairs: [String: GazetteerUnitKind] = [
        "thanh pho": .thanhPho, "thi tran": .thiTran, "thi xa": .thiXa, "dac khu": .dacKhu,
    ]
    /// The type words spelt in full with their accents (lower-case NFC): surely types. An
    /// abbreviation is not (TT Huế is an alias of Thừa Thiên Huế, not a thị trấn).
    static let exactWords: Set<String> = [
        "xã", "phường", "huyện", "quận", "tỉnh", "thành phố", "thị trấn", "thị xã", "đặc khu",
    ]
}
