import Foundation
import HosoText

/// The kinds of text the analyser benchmarks are run on, each built from a seeded generator.
enum InputKind: String, CaseIterable {
    /// Full names in plain ASCII, as typed without accents ("Nguyen Van An").
    case nameASCII = "name-ascii"
    /// Full names with their accents, NFC ("Nguyễn Thị Thủy").
    case nameNFC = "name-nfc"
    /// The same names decomposed (NFD), as some legacy systems send them.
    case nameNFD = "name-nfd"
    /// Hometowns on the old and new maps ("Xã Hiệp Hòa, Tỉnh Bắc Ninh").
    case hometown
    /// Position titles, half of them abbreviated ("PGĐ Sở GD&ĐT").
    case position

    /// The analyser field these inputs belong to.
    var field: Field {
        switch self {
        case .nameASCII, .nameNFC, .nameNFD: .name
        case .hometown: .hometown
        case .position: .position
        }
    }

    /// `count` inputs from the seeded generator of this kind. Names and places are distinct
    /// (drawn until `count` distinct ones, or 20 × `count` draws); positions repeat as real ones do.
    /// - Throws: `BenchmarkInputError` when the place tables cannot be read.
    func inputs(count: Int, seed: UInt64) throws -> [String] {
        switch self {
        case .nameASCII, .nameNFC, .nameNFD:
            var names = NameGenerator(seed: seed)
            return InputKind.distinct(count) { names.next() }.map(transform)
        case .hometown:
            var places = try PlaceGenerator(seed: seed)
            return InputKind.distinct(count) { places.next() }
        case .position:
            var positions = PositionGenerator(seed: seed)
            return (0..<count).map { _ in positions.next() }
        }
    }

    /// The form of a generated NFC name this kind measures.
    private func transform(_ name: String) -> String {
        switch self {
        case .nameASCII: InputKind.stripped(name)
        case .nameNFD: name.decomposedStringWithCanonicalMapping
        default: name.precomposedStringWithCanonicalMapping
        }
    }

    /// Every combining mark removed and đ → d: "Nguyễn Đức" → "Nguyen Duc".
    static func stripped(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for s in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch s.value {
            case 0x0300...0x036F: continue
            case 0x0110: scalars.append("D")
            case 0x0111: scalars.append("d")
            default: scalars.append(s)
            }
        }
        return String(scalars)
    }

    private static func distinct(_ count: Int, _ draw: () -> String) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        var draws = 0
        while result.count < count, draws < 20 * count {
            let text = draw()
            draws += 1
            if seen.insert(text).inserted { result.append(text) }
        }
        return result
    }
}
