import Foundation

/// The folded key a place name is looked up by: lower-case, no marks, đ → d, apostrophes dropped,
/// any other run of punctuation or spaces as one space ("Bà Rịa - Vũng Tàu" → "ba ria vung tau",
/// "TP.HCM" → "tp hcm", "Ea H'leo" → "ea hleo").
///
/// Private to the gazetteer until the analyser exports a folded-key function of its own; the two
/// agree on letters, marks, đ and apostrophes.
func gazetteerFoldKey(_ text: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    GazetteerFold.scan(text) { _, folded in
        if !bytes.isEmpty { bytes.append(0x20) }
        bytes.append(contentsOf: folded)
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// One word of a place text: where it is in the original and its folded form.
struct GazetteerWord {
    var original: Substring
    var folded: String
}

/// Per-scalar folding for place names, built once from Foundation over the Latin ranges
/// Vietnamese uses; the per-name work is one table lookup per scalar.
enum GazetteerFold {
    /// Table values: `separator`, `drop`, `keep` (lower-cased, outside ASCII) or an ASCII byte.
    static let separator: UInt8 = 0
    static let drop: UInt8 = 1
    static let keep: UInt8 = 2
    static let tableEnd: UInt32 = 0x1F00

    static let table: [UInt8] = {
        var table = [UInt8](repeating: separator, count: Int(tableEnd))
        for value in UInt32(0)..<tableEnd {
            guard let scalar = Unicode.Scalar(value) else { continue }
            table[Int(value)] = classify(scalar)
        }
        return table
    }()

    private static func classify(_ scalar: Unicode.Scalar) -> UInt8 {
        let value = scalar.value
        switch value {
        case 0x30...0x39, 0x61...0x7A: return UInt8(value)
        case 0x41...0x5A: return UInt8(value) | 0x20
        case 0x27, 0x2BC: return drop  // apostrophes: H'Leo = HLeo
        case 0x300...0x36F: return drop  // combining marks (NFD input)
        case 0x110, 0x111: return UInt8(ascii: "d")
        default: break
        }
        guard value >= 0x80, scalar.properties.isAlphabetic else { return separator }
        // Only Latin letters fold to ASCII; other scripts are kept as they are.
        guard value < 0x250 || value >= 0x1E00 else { return keep }
        let folded = String(Character(scalar)).folding(
            options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        let utf8 = Array(folded.utf8)
        if utf8.count == 1, let byte = utf8.first, (0x61...0x7A).contains(byte) { return byte }
        return keep
    }

    /// Calls `body` with each word's scalar range and folded UTF-8 bytes, in order.
    static func scan(_ text: String, _ body: (Range<String.Index>, [UInt8]) -> Void) {
        let scalars = text.unicodeScalars
        var folded: [UInt8] = []
        var start: String.Index?
        var end = scalars.startIndex
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            let code = scalar.value < tableEnd ? table[Int(scalar.value)] : outsideTable(scalar)
            switch code {
            case separator:
                if let s = start, !folded.isEmpty { body(s..<end, folded) }
                folded.removeAll(keepingCapacity: true)
                start = nil
            case drop:
                if start != nil { end = next }
            case keep:
                if start == nil { start = index }
                folded.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                end = next
            default:
                if start == nil { start = index }
                folded.append(code)
                end = next
            }
            index = next
        }
        if let s = start, !folded.isEmpty { body(s..<end, folded) }
    }

    private static func outsideTable(_ scalar: Unicode.Scalar) -> UInt8 {
        if scalar.value == 0x2019 { return drop }  // typographic apostrophe
        return scalar.properties.isAlphabetic ? keep : separator
    }

    /// The words of `text`, each with its original spelling and folded form.
    static func words(_ text: String) -> [GazetteerWord] {
        var words: [GazetteerWord] = []
        scan(text) { range, folded in
            words.append(GazetteerWord(original: Substring(text.unicodeScalars[range]), folded: String(decoding: folded, as: UTF8.self)))
        }
        return words
    }
}
