// Windows-1252 in both directions: legacy bytes were read through this code page, so undoing a
// mis-decoding starts by turning each character back into the byte it came from.

extension LegacyRepair {
    /// Windows-1252 bytes 0x80–0x9F as Unicode scalar values. The five bytes the code page leaves
    /// undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control of the same value, as
    /// Windows and the WHATWG decoder do.
    static let windows1252C1Block: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// The character a Windows-1252 byte decodes to.
    @inline(__always) static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
        if byte >= 0x80 && byte < 0xA0 {
            return Unicode.Scalar(windows1252C1Block[Int(byte - 0x80)]) ?? Unicode.Scalar(byte)
        }
        return Unicode.Scalar(byte)
    }

    /// The byte a character came from when text was decoded as Windows-1252 or Latin-1.
    ///
    /// U+0080–U+00FF map to the byte of the same value (a Latin-1 decoder produces the C1 controls);
    /// the 27 Windows-1252 punctuation and letter extras map to their bytes.
    /// - Returns: nil for every other character.
    @inline(__always) static func windows1252Byte(_ scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if value < 0x100 { return UInt8(truncatingIfNeeded: value) }
        switch value {
        case 0x20AC: return 0x80
        case 0x201A: return 0x82
        case 0x0192: return 0x83
        case 0x201E: return 0x84
        case 0x2026: return 0x85
        case 0x2020: return 0x86
        case 0x2021: return 0x87
        case 0x02C6: return 0x88
        case 0x2030: return 0x89
        case 0x0160: return 0x8A
        case 0x2039: return 0x8B
        case 0x0152: return 0x8C
        case 0x017D: return 0x8E
        case 0x2018: return 0x91
        case 0x2019: return 0x92
        case 0x201C: return 0x93
        case 0x201D: return 0x94
        case 0x2022: return 0x95
        case 0x2013: return 0x96
        case 0x2014: return 0x97
        case 0x02DC: return 0x98
        case 0x2122: return 0x99
        case 0x0161: return 0x9A
        case 0x203A: return 0x9B
        case 0x0153: return 0x9C
        case 0x017E: return 0x9E
        case 0x0178: return 0x9F
        default: return nil
        }
    }

    /// The byte a character came from if that byte is 0x80 or above; nil for ASCII and for
    /// characters outside Windows-1252.
    @inline(__always) static func highWindows1252Byte(_ scalar: Unicode.Scalar) -> UInt8? {
        guard scalar.value >= 0x80, let byte = windows1252Byte(scalar) else { return nil }
        return byte
    }

    /// Decodes bytes as Windows-1252 (every byte yields one character; nothing fails).
    static func decodeWindows1252(_ bytes: some Collection<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes { scalars.append(windows1252Scalar(byte)) }
        return String(scalars)
    }
}
