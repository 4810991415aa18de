import HosoText

extension GenerationContext {
    /// Writes `bytes` as the inside of a JSON string in the record's style: modern tone placement,
    /// capitals (names only), NFD or a legacy encoding, then JSON escaping.
    mutating func appendStyled(_ bytes: Bytes, name: Bool) {
        let capitals = name && plan.style.capitalNames
        if plan.style.modernTones && Self.modernizeTones(bytes, into: &transformed) {
            appendStyledForm(transformed, capitals: capitals)
        } else {
            appendStyledForm(bytes, capitals: capitals)
        }
    }

    /// Writes text whose tone placement is settled: as is, or through `String` for capitals, NFD
    /// or a legacy encoding.
    private mutating func appendStyledForm(_ bytes: Bytes, capitals: Bool) {
        let style = plan.style
        if style.isPlain && !capitals {
            appendEscaped(bytes)
            return
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if capitals { text = text.uppercased() }
        if style.decomposed {
            text = ICU.nfd(text)
        } else if let encoding = style.legacy {
            text = LegacyEncoder.encode(text, as: encoding)
        }
        appendEscaped(Bytes(text.utf8))
    }

    /// Appends bytes to the line, escaping what JSON requires (quotes, backslashes, controls).
    mutating func appendEscaped(_ bytes: Bytes) {
        if !bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out.append(contentsOf: bytes)
            return
        }
        for byte in bytes {
            switch byte {
            case 0x22, 0x5C:
                out.append(0x5C)
                out.append(byte)
            case 0..<0x20:
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(Keys.hex[Int(byte >> 4)])
                out.append(Keys.hex[Int(byte & 0xF)])
            default:
                out.append(byte)
            }
        }
    }

    /// Moves the tone of an open syllable `oa`, `oe`, `uy` from the first vowel to the second
    /// (Hòa → Hoà, khỏe → khoẻ, Thủy → Thuỷ), as writers of the modern placement do.
    ///
    /// - Parameters:
    ///   - input: UTF-8 text in the classic placement.
    ///   - output: receives the text when something changed (cleared first).
    /// - Returns: whether anything changed (when false, `output` is unspecified).
    static func modernizeTones(_ input: Bytes, into output: inout Bytes) -> Bool {
        var changed = false
        output.removeAll(keepingCapacity: true)
        var index = 0
        let count = input.count
        while index < count {
            if let (length, isO, tone) = tonedVowel(input, at: index) {
                let next = index + length
                let wanted: [UInt8] = isO ? [UInt8(ascii: "a"), UInt8(ascii: "e")] : [UInt8(ascii: "y")]
                let afterQ = index > 0 && (input[index - 1] | 0x20) == UInt8(ascii: "q")
                if next < count, wanted.contains(input[next]), !afterQ,
                    next + 1 == count || !isASCIILetterOrMark(input[next + 1])
                {
                    if !changed {
                        output.append(contentsOf: input[0..<index])
                        changed = true
                    }
                    output.append(isO ? UInt8(ascii: "o") : UInt8(ascii: "u"))
                    let table = input[next] == UInt8(ascii: "a") ? tonedA : input[next] == UInt8(ascii: "e") ? tonedE : tonedY
                    output.append(contentsOf: table[tone])
                    index = next + 1
                    continue
                }
            }
            if changed { output.append(input[index]) }
            index += 1
        }
        return changed
    }

    /// An `o` or `u` carrying a tone at `index`: its byte length, whether it is `o`, and the tone
    /// (0 grave, 1 acute, 2 hook, 3 tilde, 4 dot).
    private static func tonedVowel(_ bytes: Bytes, at index: Int) -> (Int, Bool, Int)? {
        let lead = bytes[index]
        guard lead == 0xC3 || lead == 0xC5 || lead == 0xE1, index + 1 < bytes.count else { return nil }
        let second = bytes[index + 1]
        switch (lead, second) {
        case (0xC3, 0xB2): return (2, true, 0)
        case (0xC3, 0xB3): return (2, true, 1)
        case (0xC3, 0xB5): return (2, true, 3)
        case (0xC3, 0xB9): return (2, false, 0)
        case (0xC3, 0xBA): return (2, false, 1)
        case (0xC5, 0xA9): return (2, false, 3)
        case (0xE1, 0xBB):
            guard index + 2 < bytes.count else { return nil }
            switch bytes[index + 2] {
            case 0x8F: return (3, true, 2)
            case 0x8D: return (3, true, 4)
            case 0xA7: return (3, false, 2)
            case 0xA5: return (3, false, 4)
            default: return nil
            }
        default: return nil
        }
    }

    /// Whether a byte continues a syllable: an ASCII letter, or any byte of a non-ASCII letter.
    private static func isASCIILetterOrMark(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// à á ả ã ạ, è é ẻ ẽ ẹ and ỳ ý ỷ ỹ ỵ as UTF-8, by tone.
    private static let tonedA: [Bytes] = [[0xC3, 0xA0], [0xC3, 0xA1], [0xE1, 0xBA, 0xA3], [0xC3, 0xA3], [0xE1, 0xBA, 0xA1]]
    private static let tonedE: [Bytes] = [[0xC3, 0xA8], [0xC3, 0xA9], [0xE1, 0xBA, 0xBB], [0xE1, 0xBA, 0xBD], [0xE1, 0xBA, 0xB9]]
    private static let tonedY: [Bytes] = [[0xE1, 0xBB, 0xB3], [0xC3, 0xBD], [0xE1, 0xBB, 0xB7], [0xE1, 0xBB, 0xB9], [0xE1, 0xBB, 0xB5]]
}
