/// Per-code-point folding data for the Latin scripts Vietnamese and minority-language names use,
/// built once from ICU at start-up so the hot path never calls a Unicode library per character.
///
/// Covers U+0000–U+036F (Basic Latin, Latin-1, Latin Extended-A/B, IPA, spacing and combining
/// marks) and U+1E00–U+1EFF (Latin Extended Additional, where every precomposed Vietnamese
/// letter lives). Other scalars pass through unchanged.
struct FoldTable: Sendable {
    struct Entry: Sendable, Equatable {
        /// Lower-case letter with every mark but the tone (â, ư, đ, ŭ keep theirs).
        var toneless: Unicode.Scalar
        /// Lower-case base letter with no mark at all; đ → d.
        var folded: Unicode.Scalar
        var tone: Tone
        var flags: UInt8

        static let letter: UInt8 = 1
        static let digit: UInt8 = 2
        /// A combining mark (only in text ICU could not compose).
        static let mark: UInt8 = 4
        /// Drop the folded scalar: the mark has no folded form.
        static let noFold: UInt8 = 8

        var isWordPart: Bool { flags & (Entry.letter | Entry.digit | Entry.mark) != 0 }
        var isMark: Bool { flags & Entry.mark != 0 }
    }

    static let upperBound: UInt32 = 0x1F00
    let entries: [Entry]

    static let shared = FoldTable()

    /// The entry for `scalar`, or nil outside the covered ranges.
    @inline(__always)
    func entry(_ scalar: Unicode.Scalar) -> Entry? {
        let v = scalar.value
        return v < FoldTable.upperBound ? entries[Int(v)] : nil
    }

    init() {
        var entries = [Entry]()
        entries.reserveCapacity(Int(FoldTable.upperBound))
        for value in 0..<FoldTable.upperBound {
            entries.append(FoldTable.makeEntry(value))
        }
        self.entries = entries
    }

    static let qualityMarks: Set<UInt32> = [0x0302, 0x0306, 0x031B]
    static let plainVowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]

    /// Derives one entry with ICU: lower-case, decompose, split tone from the other marks.
    static func makeEntry(_ value: UInt32) -> Entry {
        guard let scalar = Unicode.Scalar(value) else {
            return Entry(toneless: " ", folded: " ", tone: .level, flags: 0)
        }
        let props = scalar.properties
        if (0x0300...0x036F).contains(value) {
            let tone = Tone(combiningMark: scalar) ?? .level
            return Entry(toneless: scalar, folded: scalar, tone: tone, flags: Entry.mark | Entry.noFold)
        }
        let isDigit = props.numericType == .decimal && value < 0x80
        let isLetter = props.isAlphabetic
        var flags: UInt8 = 0
        if isLetter { flags |= Entry.letter }
        if isDigit { flags |= Entry.digit }
        guard isLetter else {
            return Entry(toneless: scalar, folded: scalar, tone: .level, flags: flags)
        }
        if value < 0x80 {
            let lower = Unicode.Scalar(UInt8(value) | ((value >= 0x41 && value <= 0x5A) ? 0x20 : 0))
            return Entry(toneless: lower, folded: lower, tone: .level, flags: flags)
        }
        let lowered = ICU.nfd(ICU.lowercased(String(scalar)))
        var scalars = Array(lowered.unicodeScalars)
        // Dotted capital I lowers to i + U+0307; the dot carries no meaning for us.
        if scalars.first == "i" { scalars.removeAll { $0.value == 0x0307 } }
        guard let base = scalars.first else {
            return Entry(toneless: scalar, folded: scalar, tone: .level, flags: flags)
        }
        // A tone only on a Vietnamese vowel: a, e, i, o, u, y with at most quality marks
        // (ă â ê ô ơ ư) and exactly one tone mark; ȭ or ǘ keep all their marks.
        var tone = Tone.level
        var kept = [base]
        let marks = scalars.dropFirst()
        let toneMarks = marks.compactMap { Tone(combiningMark: $0) }
        let otherMarks = marks.filter { Tone(combiningMark: $0) == nil }
        if plainVowels.contains(Character(base)), toneMarks.count == 1,
            otherMarks.allSatisfy({ qualityMarks.contains($0.value) })
        {
            tone = toneMarks[0]
            kept.append(contentsOf: otherMarks)
        } else {
            kept.append(contentsOf: marks)
        }
        var tonelessText = String()
        tonelessText.unicodeScalars.append(contentsOf: kept)
        let composed = Array(ICU.nfc(tonelessText).unicodeScalars)
        let toneless = composed.count == 1 ? composed[0] : base
        var folded = base
        if base.value == 0x0111 { folded = "d" }  // đ has no decomposition
        return Entry(toneless: toneless, folded: folded, tone: tone, flags: flags)
    }
}
