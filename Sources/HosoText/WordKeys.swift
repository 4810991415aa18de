/// The three comparison keys of one word (DESIGN §4).
///
/// - `exact`: NFC, lower-case, the tone lifted and put back by `Syllable`'s canonical rule;
/// - `toneless`: no tone mark, quality marks and đ kept (Hòa → hoa, Đỗ → đô);
/// - `folded`: no mark at all, đ → d, apostrophes dropped (Dương → duong, H'Hen → hhen).
public struct WordKeys: Hashable, Sendable, CustomStringConvertible {
    public var exact: String
    public var toneless: String
    public var folded: String
    /// Whether the word carries a tone mark (a half-typed "Nguyê" does not).
    public var hasTone: Bool

    public init(exact: String, toneless: String, folded: String, hasTone: Bool) {
        self.exact = exact
        self.toneless = toneless
        self.folded = folded
        self.hasTone = hasTone
    }

    /// Keys of a whole word, e.g. `WordKeys("Nguyễn")`; for text with spaces use `Analyzer`.
    public init(_ word: String) {
        let scan = try? TextScan(word)
        var scratch = KeyScratch()
        if let scan, !scan.words.isEmpty {
            self = scratch.keys(scan.word(0))
        } else {
            self.init(exact: "", toneless: "", folded: "", hasTone: false)
        }
    }

    public var description: String { "\(exact)|\(toneless)|\(folded)" }
}

/// Reusable buffers for computing `WordKeys`; one per analysis call.
struct KeyScratch {
    private var toneless: [Unicode.Scalar] = []
    private var folded: [Unicode.Scalar] = []
    private var exact: [Unicode.Scalar] = []

    init() {
        toneless.reserveCapacity(32)
        folded.reserveCapacity(32)
        exact.reserveCapacity(32)
    }

    /// Keys of one word: a run of word scalars from `TextScan`.
    mutating func keys(_ word: ArraySlice<Unicode.Scalar>) -> WordKeys {
        if word.allSatisfy({ $0.value < 0x80 }) { return asciiKeys(word) }
        toneless.removeAll(keepingCapacity: true)
        folded.removeAll(keepingCapacity: true)
        var tone = Tone.level
        var tones = 0
        let table = FoldTable.shared
        for s in word {
            guard let e = table.entry(s) else {
                toneless.append(s)
                folded.append(s)
                continue
            }
            if e.tone != .level {
                if tone != e.tone || !e.isMark { tones += 1 }
                tone = e.tone
            }
            if e.isMark {
                if e.tone == .level { toneless.append(e.toneless) }
                continue
            }
            if e.toneless == "'" {
                toneless.append(e.toneless)
                continue
            }
            toneless.append(e.toneless)
            if e.flags & FoldTable.Entry.noFold == 0 { folded.append(e.folded) }
        }
        let tonelessKey = KeyScratch.composed(toneless)
        let foldedKey = KeyScratch.string(folded)
        guard tone != .level else {
            return WordKeys(exact: tonelessKey, toneless: tonelessKey, folded: foldedKey, hasTone: false)
        }
        exact.removeAll(keepingCapacity: true)
        if tones == 1, let at = Syllable.toneIndex(toneless) {
            for (i, s) in toneless.enumerated() {
                if i == at { Syllable.appendToned(s, tone, to: &exact) } else { exact.append(s) }
            }
        } else {
            // Several tones (not one syllable) or no vowel: keep marks where they were written.
            for s in word {
                if let e = table.entry(s), !e.isMark {
                    if e.tone == .level {
                        exact.append(e.toneless)
                    } else {
                        Syllable.appendToned(e.toneless, e.tone, to: &exact)
                    }
                } else {
                    exact.append(s)
                }
            }
        }
        return WordKeys(exact: KeyScratch.composed(exact), toneless: tonelessKey, folded: foldedKey, hasTone: true)
    }

    /// The ASCII fast path: one lower-cased string serves all three keys.
    private func asciiKeys(_ word: ArraySlice<Unicode.Scalar>) -> WordKeys {
        var hasApostrophe = false
        let lower = String(unsafeUninitializedCapacity: word.count) { buffer in
            var i = 0
            for s in word {
                var b = UInt8(truncatingIfNeeded: s.value)
                if b >= 0x41 && b <= 0x5A { b |= 0x20 }
                if b == 0x27 { hasApostrophe = true }
                buffer[i] = b
                i += 1
            }
            return i
        }
        let folded = hasApostrophe ? lower.filter { $0 != "'" } : lower
        return WordKeys(exact: lower, toneless: lower, folded: folded, hasTone: false)
    }

    /// The key text of `scalars`, through NFC only when some scalar could compose with another.
    ///
    /// A kept mark, or a tone put back as a combining mark on a letter with no precomposed toned
    /// form, can compose once the tone has moved (ý + ̂ leaves y + ̂ = ŷ; ĕ + dot below is
    /// ẹ + breve in NFC). Vietnamese letters are all NFC-safe, so this costs one scan for them.
    static func composed(_ scalars: [Unicode.Scalar]) -> String {
        let text = string(scalars)
        return scalars.allSatisfy(LegacyRepair.isNFCSafe) ? text : ICU.nfc(text)
    }

    /// Builds a String from scalars without going through Character.
    static func string(_ scalars: [Unicode.Scalar]) -> String {
        var byteCount = 0
        for s in scalars { byteCount += UTF8.width(s) }
        return String(unsafeUninitializedCapacity: byteCount) { buffer in
            var i = 0
            for s in scalars {
                UTF8.encode(s) { byte in
                    buffer[i] = byte
                    i += 1
                }
            }
            return i
        }
    }
}
