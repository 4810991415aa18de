// The clean-up every text gets: invisible characters out, typographic apostrophes, dashes and
// spaces to ASCII, runs of spaces collapsed, NFC.

extension LegacyRepair {
    /// What the clean-up does with one character.
    enum CleanupAction: Equatable {
        case keep, drop, space
        case replace(UInt8)
    }

    /// The clean-up rule for one character.
    @inline(__always) static func cleanupAction(_ scalar: Unicode.Scalar) -> CleanupAction {
        let value = scalar.value
        if value > 0x20 && value < 0x7F { return value == 0x60 ? .replace(0x27) : .keep }
        if value > 0xAD && value < 0x2B0 { return .keep }
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return .space
        case 0x00...0x1F, 0x7F...0x9F, 0xAD, 0x180E, 0x200B...0x200D, 0x2060, 0xFEFF:
            return .drop
        case 0x2018, 0x2019, 0x02BB, 0x02BC, 0x2032:
            return .replace(0x27)
        case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D:
            return .replace(0x2D)
        default:
            return .keep
        }
    }

    /// Zero-width characters, removed before detection so they cannot split words.
    @inline(__always) static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B...0x200D, 0x2060, 0xFEFF, 0x180E: return true
        default: return false
        }
    }

    /// Characters that are certainly unchanged by NFC and cannot compose with what precedes them.
    /// Everything else sends the text through the normaliser, which checks for itself.
    @inline(__always) static func isNFCSafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x300 || (value >= 0x1E00 && value < 0x1F00) || (value >= 0x2002 && value < 0x2070)
            || (value >= 0x20A0 && value < 0x20D0)
    }

    /// Applies the clean-up and returns NFC text.
    ///
    /// Removes soft hyphens, zero-width characters and control characters; maps typographic
    /// apostrophes (’ ‘ ʼ ʻ ` ′) to ', dashes (‐ ‑ ‒ – — ― −) to -, and no-break, other Unicode
    /// and ASCII control spaces to one space; collapses runs of spaces and trims both ends.
    static func cleanedUp(_ scalars: [Unicode.Scalar]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count + 8)
        var pendingSpace = false
        var composed = true
        for scalar in scalars {
            let action = cleanupAction(scalar)
            switch action {
            case .drop:
                continue
            case .space:
                pendingSpace = !bytes.isEmpty
                continue
            case .keep, .replace:
                break
            }
            if pendingSpace {
                bytes.append(0x20)
                pendingSpace = false
            }
            if case .replace(let byte) = action {
                bytes.append(byte)
            } else {
                if !isNFCSafe(scalar) { composed = false }
                bytes.append(contentsOf: UTF8.encode(scalar) ?? UTF8.EncodedScalar())
            }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return composed ? text : canonicallyComposed(text)
    }

    /// NFC through ICU; called only for text holding combining marks or characters outside the
    /// ranges `isNFCSafe` vouches for.
    static func canonicallyComposed(_ text: String) -> String {
        ICU.nfc(text)
    }
}
